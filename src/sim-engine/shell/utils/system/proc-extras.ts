/**
 * Small procps and sudo-like tools: pgrep/pkill (-f -l -x -u -signal), pidof, uptime,
 * sudo (runs the command; everyone in the images is root or has no sudo rights).
 */
import type { ProcessContext, ProcessInfo, Program, SignalName } from '../../../process/types.ts';
import { SIGNAL_NUMBERS } from '../../../process/types.ts';
import { parseCommand, progName } from '../support/command.ts';
import { lookupCommand } from '../support/path-lookup.ts';
import { strftime } from '../support/time.ts';
import { SIGNAL_NAMES } from './kill.ts';

function comm(p: ProcessInfo): string {
  const first = p.args.split(' ')[0] ?? '';
  return first.slice(first.lastIndexOf('/') + 1).slice(0, 15);
}

function makePgrep(kill: boolean): Program {
  return async (ctx) => {
    const args = ctx.argv.slice(1);
    // pkill -9 / -KILL: a signal before the options
    let signal: SignalName = 'SIGTERM';
    if (kill && args[0] && /^-([A-Z]+|\d+)$/.test(args[0]) && args[0] !== '-f') {
      const raw = args.shift()!.slice(1);
      const name = /^\d+$/.test(raw) ? SIGNAL_NAMES[Number(raw) - 1] : raw.replace(/^SIG/, '');
      signal = `SIG${name}` as SignalName;
    }
    const parsed = parseCommand(
      ctx,
      {
        name: kill ? 'pkill' : 'pgrep',
        options: [
          { key: 'f', short: 'f', long: 'full' },
          { key: 'l', short: 'l', long: 'list-name' },
          { key: 'a', short: 'a', long: 'list-full' },
          { key: 'x', short: 'x', long: 'exact' },
          { key: 'u', short: 'u', long: 'euid', arg: 'required' },
          { key: 'n', short: 'n', long: 'newest' },
          { key: 'o', short: 'o', long: 'oldest' },
          { key: 'c', short: 'c', long: 'count' },
          { key: 'signal', long: 'signal', arg: 'required' },
        ],
        usageStatus: 2,
      },
      args,
    );
    if (typeof parsed === 'number') return parsed;
    const o = parsed.options;
    if (o.has('signal')) signal = `SIG${o.last('signal')!.replace(/^SIG/, '')}` as SignalName;
    const pattern = parsed.operands[0];
    if (pattern === undefined) {
      ctx.stderr.write(
        `${progName(ctx, 'pgrep')}: no matching criteria specified\nTry \`${progName(ctx, 'pgrep')} --help' for more information.\n`,
      );
      return 2;
    }
    let re: RegExp;
    try {
      re = new RegExp(o.has('x') ? `^(?:${pattern})$` : pattern);
    } catch {
      ctx.stderr.write(`${progName(ctx, 'pgrep')}: invalid regular expression: ${pattern}\n`);
      return 2;
    }
    let found = ctx
      .processes()
      .filter((p) => p.pid !== ctx.pid && re.test(o.has('f') ? p.args : comm(p)))
      .filter((p) => !o.has('u') || o.last('u')!.split(',').includes(p.user));
    if (o.has('n')) found = found.slice(-1);
    if (o.has('o')) found = found.slice(0, 1);
    if (o.has('c')) ctx.stdout.write(`${found.length}\n`);
    else if (!kill)
      ctx.stdout.write(
        found.map((p) => `${p.pid}${o.has('a') ? ` ${p.args}` : o.has('l') ? ` ${comm(p)}` : ''}\n`).join(''),
      );
    if (kill && signal in SIGNAL_NUMBERS) for (const p of found) ctx.kill?.(p.pid, signal);
    return found.length > 0 ? 0 : 1;
  };
}

export const pgrep = makePgrep(false);
export const pkill = makePgrep(true);

export const pidof: Program = async (ctx) => {
  const names = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const found = ctx
    .processes()
    .filter((p) => names.includes(comm(p)))
    .map((p) => p.pid)
    .sort((a, b) => b - a);
  if (found.length > 0) ctx.stdout.write(found.join(' ') + '\n');
  return found.length > 0 ? 0 : 1;
};

/** Seconds since the oldest process started: the namespace's "boot". */
function upSeconds(ctx: ProcessContext): number {
  const starts = ctx.processes().map((p) => p.started);
  return Math.max(0, Math.floor((ctx.now() - Math.min(ctx.now(), ...starts)) / 1000));
}

export const uptime: Program = async (ctx) => {
  const s = upSeconds(ctx);
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const up = `${days > 0 ? `${days} day${days === 1 ? '' : 's'}, ` : ''}${hours > 0 ? `${String(hours).padStart(2)}:${String(minutes).padStart(2, '0')}` : `${minutes} min`}`;
  if (ctx.argv[1] === '-p' || ctx.argv[1] === '--pretty') {
    ctx.stdout.write(
      `up ${days ? `${days} days, ` : ''}${hours ? `${hours} hours, ` : ''}${minutes} minutes\n`,
    );
    return 0;
  }
  ctx.stdout.write(
    ` ${strftime('%H:%M:%S', ctx.now())} up ${up},  0 users,  load average: 0.00, 0.00, 0.00\n`,
  );
  return 0;
};

/** sudo: root runs the command; anyone else is told they are not in the sudoers file. */
export const sudo: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let i = 0;
  while (i < args.length && args[i]!.startsWith('-') && args[i] !== '--') i += args[i] === '-u' ? 2 : 1;
  if (args[i] === '--') i++;
  const command = args.slice(i);
  if (command.length === 0) {
    ctx.stderr.write(
      'usage: sudo -h | -K | -k | -V\nusage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]\n',
    );
    return 1;
  }
  if (ctx.user.uid !== 0) {
    ctx.stderr.write(`${ctx.user.name} is not in the sudoers file.\n`);
    return 1;
  }
  const found = lookupCommand(ctx.fs, command[0]!, ctx.env.get('PATH'), ctx.cwd);
  if (!found.found) {
    ctx.stderr.write(`sudo: ${command[0]}: command not found\n`);
    return 1;
  }
  return ctx
    .spawn(command, { stdin: ctx.stdin, stdout: ctx.stdout, stderr: ctx.stderr, tty: ctx.tty })
    .wait();
};
