/**
 * `wait`, `jobs` and `kill`. Background jobs are the shell's own (state.jobs); `kill`
 * of another pid goes to the kernel.
 */
import { SIGNAL_NUMBERS, type SignalName } from '../../process/types.ts';
import type { Job } from '../state.ts';
import { parseSignal } from '../traps.ts';
import type { Builtin, BuiltinCall } from './types.ts';

function findJob(call: BuiltinCall, spec: string): Job | undefined {
  const jobs = call.sh.state.jobs;
  if (spec.startsWith('%')) {
    const s = spec.slice(1);
    if (s === '' || s === '%' || s === '+') return jobs[jobs.length - 1];
    if (s === '-') return jobs[jobs.length - 2];
    return /^\d+$/.test(s) ? jobs.find((j) => j.id === Number(s)) : jobs.find((j) => j.command.startsWith(s));
  }
  return jobs.find((j) => j.pid === Number(spec));
}

/** Wait for `p`, unless a trapped signal arrives first (then 128+n). */
async function interruptible(call: BuiltinCall, p: Promise<number>): Promise<number> {
  const proc = call.sh.proc;
  let wake: () => void = () => {};
  const woken = new Promise<'signal'>((resolve) => (wake = () => resolve('signal')));
  proc.wakeWait = wake;
  try {
    const r = await Promise.race([p, woken]);
    if (r === 'signal') {
      const sig = proc.pendingTraps[0] ?? 'SIGINT';
      return 128 + SIGNAL_NUMBERS[sig];
    }
    return r;
  } finally {
    if (proc.wakeWait === wake) proc.wakeWait = undefined;
  }
}

const DESCRIPTIONS: Record<number, string> = {
  1: 'Hangup',
  3: 'Quit',
  9: 'Killed',
  10: 'User defined signal 1',
  12: 'User defined signal 2',
  15: 'Terminated',
};

/** dash and ash say how a waited-for job died of a signal (`Terminated`); bash -c does not. */
function reportDeath(call: BuiltinCall, status: number): void {
  if (call.sh.dialect.name === 'bash' || status <= 128) return;
  const text = DESCRIPTIONS[status - 128];
  if (text) call.io.stderr.write(`${text}\n`);
}

export const wait: Builtin = {
  async run(call) {
    const sh = call.sh;
    const state = sh.state;
    const args = call.argv.slice(1).filter((a) => a !== '-n' && a !== '-f');
    if (!args.length) {
      const all = Promise.all(state.jobs.map((j) => j.done.then((s) => reportDeath(call, s)))).then(() => 0);
      const status = await interruptible(call, all);
      if (status === 0) state.jobs = state.jobs.filter((j) => j.status === undefined);
      return status;
    }
    let status = 0;
    for (const a of args) {
      const job = findJob(call, a);
      if (!job) {
        if (sh.dialect.name === 'bash')
          call.error(a.startsWith('%') ? `${a}: no such job` : `pid ${a} is not a child of this shell`);
        status = 127;
        continue;
      }
      status = await interruptible(call, job.done);
      if (job.status !== undefined) {
        reportDeath(call, status);
        state.jobs = state.jobs.filter((j) => j !== job);
      }
    }
    return status;
  },
};

export function jobLine(sh: BuiltinCall['sh'], job: Job, index: number, total: number): string {
  const mark = index === total - 1 ? '+' : index === total - 2 ? '-' : ' ';
  const state = job.status === undefined ? 'Running' : job.status === 0 ? 'Done' : `Exit ${job.status}`;
  const suffix = job.status === undefined ? ' &' : '';
  if (sh.dialect.name === 'dash') return `[${job.id}] ${mark} ${state.padEnd(26)} ${job.command}${suffix}`;
  return `[${job.id}]${mark}  ${state.padEnd(24)}${job.command}${suffix}`;
}

export const jobs: Builtin = {
  run(call) {
    const list = call.sh.state.jobs;
    let out = '';
    list.forEach((j, i) => {
      out += (call.argv.includes('-p') ? String(j.pid) : jobLine(call.sh, j, i, list.length)) + '\n';
    });
    call.io.stdout.write(out);
    return 0;
  },
};

const ALL_SIGNALS = [
  'HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM',
]; // prettier-ignore

export const kill: Builtin = {
  run(call) {
    const sh = call.sh;
    const d = sh.dialect.name;
    let args = call.argv.slice(1);
    let sig: SignalName = 'SIGTERM';
    if (args[0] === '-l' || args[0] === '-L') {
      call.io.stdout.write(
        d === 'bash'
          ? ALL_SIGNALS.map((s, i) => `${String(i + 1).padStart(2)}) SIG${s}`).join('\t') + '\n'
          : ALL_SIGNALS.join('\n') + '\n',
      );
      return 0;
    }
    if (args[0] === '-s' || args[0] === '-n') {
      const s = args[1] === undefined ? undefined : parseSignal(args[1]);
      if (!s || s === 'EXIT') {
        call.error(`${args[1] ?? ''}: invalid signal specification`);
        return 1;
      }
      sig = s;
      args = args.slice(2);
    } else if (args[0]?.startsWith('-') && args[0] !== '--') {
      const s = parseSignal(args[0].slice(1));
      if (!s || s === 'EXIT') {
        call.error(
          d === 'bash'
            ? `${args[0].slice(1)}: invalid signal specification`
            : `invalid signal number or name: ${args[0].slice(1)}`,
        );
        return 1;
      }
      sig = s;
      args = args.slice(1);
    }
    if (args[0] === '--') args = args.slice(1);
    if (!args.length) {
      if (d === 'bash') {
        call.io.stderr.write(
          'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n',
        );
        return 2;
      }
      if (d === 'dash') {
        call.error('Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]');
        return 2;
      }
      sh.error('you need to specify whom to kill', undefined, call.io);
      return 1;
    }
    let status = 0;
    for (const a of args) {
      const job = findJob(call, a);
      if (job) {
        job.kill?.(sig);
        continue;
      }
      if (!/^-?\d+$/.test(a)) {
        call.error(d === 'bash' ? `${a}: arguments must be process or job IDs` : `invalid number '${a}'`);
        status = 1;
        continue;
      }
      const ok = sh.ctx.kill?.(Number(a), sig) ?? false;
      if (!ok) {
        status = 1;
        if (d === 'bash') call.error(`(${a}) - No such process`);
        else if (d === 'dash') call.error('No such process\n');
        else sh.error(`can't kill pid ${a}: No such process`);
      }
    }
    return status;
  },
};
