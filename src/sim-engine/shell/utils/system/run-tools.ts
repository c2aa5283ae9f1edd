/**
 * Running other programs: timeout (DURATION, -s SIGNAL, -k, status 124), nohup,
 * nice; and small facts about the session: tty, arch, groups, logname.
 */
import type { Program, SignalName } from '../../../process/types.ts';
import { SIGNAL_NUMBERS } from '../../../process/types.ts';
import { gnuTry, missingOperand, parseCommand, progName, variantOf } from '../support/command.ts';
import { resolvePath } from '../support/io.ts';
import { lookupCommand } from '../support/path-lookup.ts';
import { groupByGid, groups, userByName, userByUid } from '../support/users.ts';
import { KERNEL } from './kernel.ts';

const UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

function duration(text: string): number | undefined {
  const m = /^(\d*\.?\d+)([smhd]?)$/.exec(text);
  return m ? Number(m[1]) * UNITS[m[2]!]! * 1000 : undefined;
}

function notFound(ctx: Parameters<Program>[0], name: string, command: string): number {
  const found = lookupCommand(ctx.fs, command, ctx.env.get('PATH'), ctx.cwd);
  if (found.found) return 0;
  const why = found.reason === 'ENOENT' ? 'No such file or directory' : 'Permission denied';
  ctx.stderr.write(
    variantOf(ctx) === 'busybox'
      ? `${progName(ctx, name)}: can't execute '${command}': ${why}\n`
      : `${progName(ctx, name)}: failed to run command '${command}': ${why}\n`,
  );
  return found.reason === 'ENOENT' ? 127 : 126;
}

export const timeout: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'timeout',
    stopAtOperand: true,
    usageStatus: 125,
    options: [
      { key: 's', short: 's', long: 'signal', arg: 'required' },
      { key: 'k', short: 'k', long: 'kill-after', arg: 'required' },
      { key: 'p', long: 'preserve-status' },
      { key: 'f', long: 'foreground' },
      { key: 'v', short: 'v', long: 'verbose' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const [limit, ...command] = parsed.operands;
  if (limit === undefined || command.length === 0)
    return missingOperand(ctx, { name: 'timeout', options: [], usageStatus: 125 });
  const ms = duration(limit);
  if (ms === undefined) {
    ctx.stderr.write(
      `${progName(ctx, 'timeout')}: invalid time interval '${limit}'\n${gnuTry(ctx, 'timeout')}`,
    );
    return 125;
  }
  const signal = `SIG${(parsed.options.last('s') ?? 'TERM').toUpperCase().replace(/^SIG/, '')}` as SignalName;
  if (!(signal in SIGNAL_NUMBERS)) {
    ctx.stderr.write(
      `${progName(ctx, 'timeout')}: ${parsed.options.last('s')}: invalid signal\n${gnuTry(ctx, 'timeout')}`,
    );
    return 125;
  }
  const missing = notFound(ctx, 'timeout', command[0]!);
  if (missing) return missing;
  const child = ctx.spawn(command, {
    stdin: ctx.stdin,
    stdout: ctx.stdout,
    stderr: ctx.stderr,
    tty: ctx.tty,
  });
  let timedOut = false;
  const timer = ctx.sleep(ms).then(() => {
    timedOut = true;
    if (parsed.options.has('v'))
      ctx.stderr.write(
        `${progName(ctx, 'timeout')}: sending signal ${signal.slice(3)} to command '${command[0]}'\n`,
      );
    child.kill(signal);
    return 'timeout' as const;
  });
  const status = await Promise.race([child.wait(), timer.then(() => child.wait())]);
  if (timedOut && !parsed.options.has('p')) return 124;
  return status;
};

export const nohup: Program = async (ctx) => {
  const command = ctx.argv.slice(1);
  if (command[0] === '--') command.shift();
  if (command.length === 0) return missingOperand(ctx, { name: 'nohup', options: [], usageStatus: 125 });
  const missing = notFound(ctx, 'nohup', command[0]!);
  if (missing) return missing;
  let stdout = ctx.stdout;
  if (ctx.tty) {
    const path = resolvePath(ctx.cwd, 'nohup.out');
    ctx.stderr.write(`${progName(ctx, 'nohup')}: ignoring input and appending output to 'nohup.out'\n`);
    stdout = { write: (text) => ctx.fs.writeFile(path, text, { append: true }) };
  }
  ctx.onSignal('SIGHUP', () => {});
  return ctx.spawn(command, { stdin: ctx.stdin, stdout, stderr: ctx.tty ? stdout : ctx.stderr }).wait();
};

export const nice: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let i = 0;
  if (args[i] === '-n') i += 2;
  else if (/^-n?-?\d+$/.test(args[i] ?? '')) i++;
  if (args[i] === '--') i++;
  const command = args.slice(i);
  if (command.length === 0) {
    ctx.stdout.write('0\n');
    return 0;
  }
  const missing = notFound(ctx, 'nice', command[0]!);
  if (missing) return missing;
  return ctx
    .spawn(command, { stdin: ctx.stdin, stdout: ctx.stdout, stderr: ctx.stderr, tty: ctx.tty })
    .wait();
};

export const tty: Program = async (ctx) => {
  const silent = ctx.argv.includes('-s');
  if (!ctx.tty) {
    if (!silent) ctx.stdout.write('not a tty\n');
    return 1;
  }
  if (!silent) ctx.stdout.write('/dev/pts/0\n');
  return 0;
};

export const arch: Program = async (ctx) => {
  ctx.stdout.write(`${KERNEL.machine}\n`);
  return 0;
};

export const groupsProgram: Program = async (ctx) => {
  const names = ctx.argv.slice(1);
  const line = (gid: number, user: string) => {
    const all = [
      gid,
      ...groups(ctx.fs)
        .filter((g) => g.members.includes(user) && g.gid !== gid)
        .map((g) => g.gid),
    ];
    return all.map((g) => groupByGid(ctx.fs, g)?.name ?? String(g)).join(' ');
  };
  if (names.length === 0) {
    ctx.stdout.write(line(ctx.user.gid, userByUid(ctx.fs, ctx.user.uid)?.name ?? '') + '\n');
    return 0;
  }
  for (const n of names) {
    const entry = userByName(ctx.fs, n);
    if (!entry) {
      ctx.stderr.write(`${progName(ctx, 'groups')}: '${n}': no such user\n`);
      return 1;
    }
    ctx.stdout.write(`${n} : ${line(entry.gid, n)}\n`);
  }
  return 0;
};

/** logname: a container's processes have no login session. */
export const logname: Program = async (ctx) => {
  ctx.stderr.write(`${progName(ctx, 'logname')}: no login name\n`);
  return 1;
};

/** BusyBox usleep: microseconds on the virtual clock. */
export const usleep: Program = async (ctx) => {
  const n = Number(ctx.argv[1] ?? 0);
  if (!Number.isFinite(n) || n < 0) {
    ctx.stderr.write(`usleep: invalid number '${ctx.argv[1]}'\n`);
    return 1;
  }
  await ctx.sleep(Math.round(n / 1000));
  return 0;
};
