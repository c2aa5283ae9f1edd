/**
 * top in batch mode (`top -b`, `top -bn1`, or any top whose output is not a
 * terminal): procps-ng's summary and task table, or BusyBox's. An interactive top on
 * a terminal is full-screen, which the simulator does not offer.
 */
import type { ProcessContext, ProcessInfo, Program } from '../../../process/types.ts';
import { variantOf } from '../support/command.ts';
import { strftime } from '../support/time.ts';
import { MEM } from './free.ts';
import { fullScreen } from './stand-ins.ts';

function comm(p: ProcessInfo): string {
  const first = p.args.split(' ')[0] ?? '';
  return first.slice(first.lastIndexOf('/') + 1).slice(0, 15);
}

function uptimeText(ctx: ProcessContext, procs: ProcessInfo[]): string {
  const s = Math.max(0, Math.floor((ctx.now() - Math.min(ctx.now(), ...procs.map((p) => p.started))) / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${String(h).padStart(2)}:${String(m).padStart(2, '0')}` : `${m} min`;
}

function procps(ctx: ProcessContext, procs: ProcessInfo[]): string {
  const mib = (kib: number) => (kib / 1024).toFixed(1).padStart(8);
  const running = procs.filter((p) => p.pid === ctx.pid).length;
  const lines = [
    `top - ${strftime('%H:%M:%S', ctx.now())} up ${uptimeText(ctx, procs)},  0 user,  load average: 0.00, 0.00, 0.00`,
    `Tasks: ${String(procs.length).padStart(3)} total, ${String(running).padStart(3)} running, ${String(procs.length - running).padStart(3)} sleeping,   0 stopped,   0 zombie`,
    '%Cpu(s):  0.0 us,  0.0 sy,  0.0 ni,100.0 id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st ',
    `MiB Mem : ${mib(MEM.total)} total, ${mib(MEM.free)} free, ${mib(MEM.used)} used, ${mib(MEM.cache)} buff/cache     `,
    `MiB Swap:      0.0 total,      0.0 free,      0.0 used. ${mib(MEM.available)} avail Mem `,
    '',
    '    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND',
    ...procs.map(
      (p) =>
        `${String(p.pid).padStart(7)} ${p.user.slice(0, 8).padEnd(8)}  20   0 ${'2576'.padStart(7)} ${'912'.padStart(6)} ${'816'.padStart(6)} ${p.pid === ctx.pid ? 'R' : 'S'}   0.0   0.0   0:00.00 ${comm(p)}`,
    ),
  ];
  return lines.join('\n') + '\n\n';
}

function busybox(ctx: ProcessContext, procs: ProcessInfo[]): string {
  const lines = [
    `Mem: ${MEM.used}K used, ${MEM.free}K free, ${MEM.shared}K shrd, 81920K buff, ${MEM.cache - 81920}K cached`,
    'CPU:   0% usr   0% sys   0% nic 100% idle   0% io   0% irq   0% sirq',
    `Load average: 0.00 0.00 0.00 1/${procs.length} ${Math.max(0, ...procs.map((p) => p.pid))}`,
    '  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND',
    ...procs.map(
      (p) =>
        `${String(p.pid).padStart(5)} ${String(p.ppid).padStart(5)} ${p.user.slice(0, 8).padEnd(8)} ${p.pid === ctx.pid ? 'R' : 'S'}     ${'1624'.padStart(5)}   0%   0   0% ${p.args}`,
    ),
  ];
  return lines.join('\n') + '\n';
}

export const top: Program = async (ctx) => {
  const args = ctx.argv.slice(1).join(' ');
  const batch = /(^|\s)-\w*b/.test(args) || !ctx.tty;
  if (!batch) return fullScreen(ctx);
  const n = /-\w*n\s*(\d+)/.exec(args);
  const iterations = n ? Number(n[1]) : Infinity;
  const d = /-\w*d\s*(\d+(?:\.\d+)?)/.exec(args);
  const delay = Math.round(Number(d?.[1] ?? 3) * 1000);
  for (let i = 0; i < iterations; i++) {
    const procs = [...ctx.processes()].sort((a, b) => a.pid - b.pid);
    ctx.stdout.write(variantOf(ctx) === 'busybox' ? busybox(ctx, procs) : procps(ctx, procs));
    if (i + 1 < iterations) await ctx.sleep(delay);
  }
  return 0;
};
