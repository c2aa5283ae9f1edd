/**
 * kill (procps-ng and BusyBox): `kill PID…`, `-9`, `-KILL`, `-s NAME`, `-n NUM`,
 * `-l [N]`. Signals go through ctx.kill; the shells' builtin kill covers the images
 * without procps.
 */
import type { ProcessContext, Program, SignalName } from '../../../process/types.ts';
import { SIGNAL_NUMBERS } from '../../../process/types.ts';
import { busyboxUsage, progName, variantOf } from '../support/command.ts';

/** Linux signal names by number, for -l. */
export const SIGNAL_NAMES = [
  'HUP',
  'INT',
  'QUIT',
  'ILL',
  'TRAP',
  'ABRT',
  'BUS',
  'FPE',
  'KILL',
  'USR1',
  'SEGV',
  'USR2',
  'PIPE',
  'ALRM',
  'TERM',
  'STKFLT',
  'CHLD',
  'CONT',
  'STOP',
  'TSTP',
  'TTIN',
  'TTOU',
  'URG',
  'XCPU',
  'XFSZ',
  'VTALRM',
  'PROF',
  'WINCH',
  'POLL',
  'PWR',
  'SYS',
];

function signalOf(text: string): { name: string; number: number } | undefined {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n >= 0 && n <= 64 ? { name: SIGNAL_NAMES[n - 1] ?? String(n), number: n } : undefined;
  }
  const name = text.toUpperCase().replace(/^SIG/, '');
  const i = SIGNAL_NAMES.indexOf(name);
  return i < 0 ? undefined : { name, number: i + 1 };
}

function send(
  ctx: ProcessContext,
  pid: number,
  sig: { name: string; number: number },
): 'ok' | 'ESRCH' | 'EPERM' {
  const target = ctx.processes().find((p) => p.pid === pid);
  if (!target) return 'ESRCH';
  if (ctx.user.uid !== 0 && target.user !== ctx.user.name) return 'EPERM';
  if (sig.number === 0) return 'ok';
  const name = `SIG${sig.name}` as SignalName;
  if (!(name in SIGNAL_NUMBERS)) return 'ok'; // signals the simulation does not model are ignored
  return ctx.kill && !ctx.kill(pid, name) ? 'ESRCH' : 'ok';
}

export const kill: Program = async (ctx) => {
  const busybox = variantOf(ctx) === 'busybox';
  const prog = progName(ctx, 'kill');
  const args = ctx.argv.slice(1);
  if (args.length === 0) {
    if (busybox) return busyboxUsage(ctx, 'kill');
    ctx.stderr.write(
      `\nUsage:\n ${prog} [options] <pid> [...]\n\nOptions:\n <pid> [...]            send signal to every <pid> listed\n -<signal>, -s, --signal <signal>\n                        specify the <signal> to be sent\n -q, --queue <value>    integer value to be sent with the signal\n -l, --list=[<signal>]  list all signal names, or convert one to a name\n -L, --table            list all signal names in a nice table\n\n -h, --help     display this help and exit\n -V, --version  output version information and exit\n\nFor more details see kill(1).\n`,
    );
    return 1;
  }
  let sig = { name: 'TERM', number: 15 };
  let i = 0;
  const first = args[0]!;
  if (first === '-l' || first === '--list' || first === '-L' || first === '--table') {
    const which = args[1];
    if (which !== undefined) {
      const s = signalOf(which);
      if (!s) {
        ctx.stderr.write(
          busybox ? `${prog}: bad signal name '${which}'\n` : `${prog}: unknown signal: ${which}\n`,
        );
        return 1;
      }
      ctx.stdout.write(`${/^\d+$/.test(which) ? s.name : s.number}\n`);
      return 0;
    }
    if (busybox)
      ctx.stdout.write(SIGNAL_NAMES.map((n, k) => `${String(k + 1).padStart(2)}) ${n}\n`).join(''));
    else {
      // procps prints the names on lines of at most 80 columns
      const lines = [''];
      for (const n of SIGNAL_NAMES) {
        const cur = lines.at(-1)!;
        if (cur !== '' && cur.length + 1 + n.length > 79) lines.push(n);
        else lines[lines.length - 1] = cur === '' ? n : `${cur} ${n}`;
      }
      ctx.stdout.write(lines.join('\n') + '\n');
    }
    return 0;
  }
  if (first === '-s' || first === '--signal' || first === '-n') {
    const s = signalOf(args[1] ?? '');
    if (!s) {
      ctx.stderr.write(
        busybox
          ? `${prog}: bad signal name '${args[1] ?? ''}'\n`
          : `${prog}: unknown signal: ${args[1] ?? ''}\n`,
      );
      return 1;
    }
    sig = s;
    i = 2;
  } else if (first.startsWith('-') && first !== '--' && !/^-\d+$/.test(first.slice(0)) === true) {
    const s = signalOf(first.slice(1));
    if (!s) {
      ctx.stderr.write(
        busybox
          ? `${prog}: bad signal name '${first.slice(1)}'\n`
          : `${prog}: unknown signal: ${first.slice(1)}\n`,
      );
      return 1;
    }
    sig = s;
    i = 1;
  } else if (/^-\d+$/.test(first)) {
    sig = signalOf(first.slice(1)) ?? sig;
    i = 1;
  }
  if (args[i] === '--') i++;
  let status = 0;
  for (const arg of args.slice(i)) {
    if (!/^-?\d+$/.test(arg)) {
      ctx.stderr.write(
        busybox ? `${prog}: invalid number '${arg}'\n` : `${prog}: failed to parse argument: '${arg}'\n`,
      );
      status = 1;
      continue;
    }
    const result = send(ctx, Number(arg), sig);
    if (result !== 'ok') {
      const why = result === 'ESRCH' ? 'No such process' : 'Operation not permitted';
      ctx.stderr.write(busybox ? `${prog}: can't kill pid ${arg}: ${why}\n` : `${prog}: (${arg}): ${why}\n`);
      status = 1;
    }
  }
  return status;
};
