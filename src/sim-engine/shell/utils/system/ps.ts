/**
 * ps from procps-ng (`ps`, `ps aux`, `ps -ef`, `-e`/`-A`, `-o FORMAT`, `-p PID`,
 * `-u USER`, `--no-headers`) and BusyBox ps (`PID   USER     TIME  COMMAND`, `-o`).
 * The processes are those of the caller's PID namespace (ctx.processes()).
 * PID columns are 7 wide: the kernel's pid_max is 4194304, as on a Docker host.
 *
 * Differs from procps: CPU time is always 0, memory figures are plausible constants
 * derived from the command, and every process shares the caller's terminal (or none).
 */
import type { ProcessContext, ProcessInfo, Program } from '../../../process/types.ts';
import { busyboxUsage, progName, variantOf } from '../support/command.ts';
import { strftime } from '../support/time.ts';
import { userByName } from '../support/users.ts';

interface Column {
  header: string;
  width: number;
  left?: boolean;
  value: (p: ProcessInfo, ctx: ProcessContext) => string;
}

function comm(p: ProcessInfo): string {
  const first = p.args.split(' ')[0] ?? '';
  return first.slice(first.lastIndexOf('/') + 1).slice(0, 15);
}

function memory(p: ProcessInfo): { vsz: number; rss: number } {
  let h = 0;
  for (const ch of comm(p)) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return { vsz: 2400 + (h % 9000), rss: 1000 + (h % 4000) };
}

const tty = (_p: ProcessInfo, ctx: ProcessContext) => (ctx.tty ? 'pts/0' : '?');
const start = (p: ProcessInfo, ctx: ProcessContext) =>
  strftime(ctx.now() - p.started < 86400000 ? '%H:%M' : '%b%d', p.started);
const stat = (p: ProcessInfo, ctx: ProcessContext) =>
  (p.pid === ctx.pid ? 'R' : 'S') + (p.pid === 1 ? 's' : '') + (ctx.tty && p.pid === ctx.pid ? '+' : '');

const COLUMNS: Record<string, Column> = {
  pid: { header: 'PID', width: 7, value: (p) => String(p.pid) },
  ppid: { header: 'PPID', width: 7, value: (p) => String(p.ppid) },
  user: { header: 'USER', width: 8, left: true, value: (p) => p.user },
  uid: { header: 'UID', width: 5, value: (p, ctx) => String(userByName(ctx.fs, p.user)?.uid ?? 0) },
  comm: { header: 'COMMAND', width: 15, left: true, value: comm },
  args: { header: 'COMMAND', width: 0, left: true, value: (p) => p.args },
  cmd: { header: 'CMD', width: 0, left: true, value: (p) => p.args },
  command: { header: 'COMMAND', width: 0, left: true, value: (p) => p.args },
  tty: { header: 'TT', width: 8, left: true, value: tty },
  time: { header: 'TIME', width: 8, value: () => '00:00:00' },
  etime: { header: 'ELAPSED', width: 11, value: (p, ctx) => elapsed(ctx.now() - p.started) },
  stat: { header: 'STAT', width: 4, left: true, value: stat },
  '%cpu': { header: '%CPU', width: 4, value: () => '0.0' },
  '%mem': { header: '%MEM', width: 4, value: () => '0.0' },
  vsz: { header: 'VSZ', width: 6, value: (p) => String(memory(p).vsz) },
  rss: { header: 'RSS', width: 5, value: (p) => String(memory(p).rss) },
  start: { header: 'START', width: 5, value: start },
  stime: { header: 'STIME', width: 5, value: start },
};
const ALIASES: Record<string, string> = {
  pcpu: '%cpu',
  pmem: '%mem',
  ucmd: 'comm',
  cputime: 'time',
  euser: 'user',
  uname: 'user',
};

function elapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  const days = Math.floor(s / 86400);
  const hh = Math.floor((s % 86400) / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return `${days ? `${days}-` : ''}${days || hh ? `${String(hh).padStart(2, '0')}:` : ''}${mm}:${ss}`;
}

function table(rows: string[][], cols: { width: number; left?: boolean }[], headers: boolean): string {
  const lines = rows.slice(headers ? 0 : 1).map((cells) =>
    cells
      .map((c, i) => {
        const col = cols[i]!;
        if (i === cells.length - 1 && col.left) return c;
        return col.left ? c.padEnd(col.width) : c.padStart(col.width);
      })
      .join(' '),
  );
  return lines.map((l) => l.replace(/\s+$/, '') + '\n').join('');
}

function busyboxPs(ctx: ProcessContext, procs: ProcessInfo[]): number {
  const args = ctx.argv.slice(1);
  if (args[0] === '--help') return busyboxUsage(ctx, 'ps', 0);
  const o = args.indexOf('-o');
  if (o >= 0) {
    const fields = (args[o + 1] ?? '').split(',').map((f) => f.split('=')[0]!);
    const cols = fields.map((f) => COLUMNS[ALIASES[f] ?? f] ?? COLUMNS.args!);
    const rows = [cols.map((c) => c.header), ...procs.map((p) => cols.map((c) => c.value(p, ctx)))];
    ctx.stdout.write(
      table(
        rows,
        cols.map((c) => ({ width: c.header === 'PID' ? 5 : c.width, left: c.left })),
        true,
      ),
    );
    return 0;
  }
  // printf("%5u %-8.8s %s %s") with TIME as m:ss, right-aligned to 5
  const lines = ['PID   USER     TIME  COMMAND'];
  for (const p of procs)
    lines.push(
      `${String(p.pid).padStart(5)} ${p.user.slice(0, 8).padEnd(8)} ${'0:00'.padStart(5)} ${p.args}`,
    );
  ctx.stdout.write(lines.join('\n') + '\n');
  return 0;
}

export const ps: Program = async (ctx) => {
  const procs = [...ctx.processes()].sort((a, b) => a.pid - b.pid);
  if (variantOf(ctx) === 'busybox') return busyboxPs(ctx, procs);
  const args = ctx.argv.slice(1);
  let all = false;
  let bsd = false;
  let full = false;
  let userFormat = false;
  let headers = true;
  let format: string[] | undefined;
  const pids: number[] = [];
  const users: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--no-headers' || arg === '--no-heading') headers = false;
    else if (arg === '-o' || arg === '--format' || arg === 'o')
      format = [...(format ?? []), ...(args[++i] ?? '').split(/[,\s]+/)];
    else if (arg.startsWith('-o') && arg.length > 2) format = [...(format ?? []), ...arg.slice(2).split(',')];
    else if (arg === '-p' || arg === '--pid' || arg === 'p')
      pids.push(...(args[++i] ?? '').split(',').map(Number));
    else if (arg === '-u' || arg === '-U' || arg === '--user') users.push(...(args[++i] ?? '').split(','));
    else if (/^-[eAfFlwjHT]+$/.test(arg)) {
      if (/[eA]/.test(arg)) all = true;
      if (/[fF]/.test(arg)) full = true;
    } else if (/^[auxwfe]+$/.test(arg)) {
      bsd = true;
      if (arg.includes('a') || arg.includes('x')) all = all || (arg.includes('a') && arg.includes('x'));
      if (arg.includes('u')) userFormat = true;
      if (arg.includes('x') && !arg.includes('a')) all = true;
      if (arg.includes('a') && !arg.includes('x')) all = true;
    } else if (arg === '--help') {
      ctx.stdout.write(
        `\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n`,
      );
      return 0;
    } else if (arg === '--version' || arg === '-V') {
      ctx.stdout.write('ps from procps-ng 4.0.4\n');
      return 0;
    } else {
      ctx.stderr.write(
        `error: unsupported option (BSD syntax)\n\nUsage:\n ${progName(ctx, 'ps')} [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n`,
      );
      return 1;
    }
  }
  let selected = procs;
  if (pids.length > 0) selected = procs.filter((p) => pids.includes(p.pid));
  else if (users.length > 0) selected = procs.filter((p) => users.includes(p.user));
  else if (!all && !bsd) selected = procs.filter((p) => p.user === ctx.user.name);
  let keys: string[];
  if (format) keys = format.filter((f) => f !== '').map((f) => f.split('=')[0]!.toLowerCase());
  else if (userFormat)
    keys = ['user', 'pid', '%cpu', '%mem', 'vsz', 'rss', 'tty', 'stat', 'start', 'time', 'command'];
  else if (full) keys = ['uid', 'pid', 'ppid', 'c', 'stime', 'tty', 'time', 'cmd'];
  else if (bsd) keys = ['pid', 'tty', 'stat', 'time', 'command'];
  else keys = ['pid', 'tty', 'time', 'cmd'];
  const cols: Column[] = keys.map((k) => {
    if (k === 'c') return { header: 'C', width: 2, value: () => '0' };
    if (k === 'uid' && full)
      return { header: 'UID', width: 8, left: true, value: (p: ProcessInfo) => p.user };
    if (k === 'tty') return { header: 'TTY', width: 8, left: true, value: tty };
    if (k === 'cmd' && !full && !format) return { header: 'CMD', width: 0, left: true, value: comm };
    if (k === 'time' && bsd && !format) return { header: 'TIME', width: 6, value: () => '0:00' };
    if (k === 'user' && userFormat)
      return { header: 'USER', width: 8, left: true, value: (p: ProcessInfo) => p.user };
    const col = COLUMNS[ALIASES[k] ?? k];
    if (!col) return { header: k.toUpperCase(), width: 0, left: true, value: () => '-' };
    return col;
  });
  if (!format && full) {
    // `ps -ef`: UID(8) PID(7) PPID(7) C STIME TTY(8) TIME CMD — the PID column abuts UID
    const lines = [
      'UID          PID    PPID  C STIME TTY          TIME CMD',
      ...selected.map(
        (p) =>
          `${p.user.padEnd(8)} ${String(p.pid).padStart(7)} ${String(p.ppid).padStart(7)}  0 ${start(p, ctx)} ${tty(p, ctx).padEnd(8)} 00:00:00 ${p.args}`,
      ),
    ];
    ctx.stdout.write((headers ? lines : lines.slice(1)).join('\n') + '\n');
    return 0;
  }
  const rows = [cols.map((c) => c.header), ...selected.map((p) => cols.map((c) => c.value(p, ctx)))];
  const widths = cols.map((c, i) => ({
    width: Math.max(c.width, ...rows.map((r) => (c.width === 0 ? 0 : r[i]!.length))),
    left: c.left,
  }));
  ctx.stdout.write(table(rows, widths, headers));
  return selected.length === 0 ? 1 : 0;
};
