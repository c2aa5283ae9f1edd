/**
 * Pipelines and background jobs. The stages of a pipeline run at once, each in a
 * subshell, joined by pipes; when a stage ends, its input pipe is closed for reading
 * so the stage before it is ended by its next write (SIGPIPE, status 141), as
 * `yes | head -1` needs. The status is the last stage's, or with `pipefail` the last
 * non-zero one.
 */
import { Pipe } from '../process/streams.ts';
import type { ChildProcess } from '../process/types.ts';
import type { Command, Pipeline } from './ast.ts';
import { PipeWriter, type Io } from './io.ts';
import type { Interp } from './interp.ts';
import type { Job } from './state.ts';

export async function runPipeline(sh: Interp, p: Pipeline, io: Io): Promise<number> {
  if (p.timed) {
    const t0 = sh.ctx.now();
    const status = await runPipeline(sh, { ...p, timed: undefined }, io);
    io.stderr.write(timeReport((sh.ctx.now() - t0) / 1000, p.timed));
    return status;
  }
  let status: number;
  if (p.negate) sh.condDepth++;
  try {
    if (p.commands.length === 0) status = 0;
    else if (p.commands.length === 1) status = await sh.run(p.commands[0]!, io);
    else status = await runStages(sh, p.commands, io);
  } finally {
    if (p.negate) sh.condDepth--;
  }
  return p.negate ? (status === 0 ? 1 : 0) : status;
}

async function runStages(sh: Interp, commands: Command[], io: Io): Promise<number> {
  const n = commands.length;
  const pipes = Array.from({ length: n - 1 }, () => new Pipe());
  const stages: Promise<number>[] = [];
  for (let i = 0; i < n; i++) {
    let sio = io;
    if (i > 0) sio = sio.with(0, { reader: pipes[i - 1]! });
    if (i < n - 1) sio = sio.with(1, { writer: new PipeWriter(pipes[i]!) });
    const sub = sh.fork(sio);
    let begun: () => void = () => {};
    const started = new Promise<void>((resolve) => (begun = resolve));
    sub.onStart = begun;
    const done = sub
      .runAsSubshell(() => sub.run(commands[i]!, sub.io))
      .finally(() => {
        if (i < n - 1) pipes[i]!.close();
        if (i > 0) pipes[i - 1]!.closeRead();
      });
    stages.push(done);
    // the next stage starts once this one runs, so `set -x` lines come in order
    if (i < n - 1) await Promise.race([started, done]);
  }
  const statuses = await Promise.all(stages);
  let status = statuses[n - 1]!;
  if (sh.state.options.pipefail) for (const s of statuses) if (s !== 0) status = s;
  if (sh.dialect.name === 'bash') sh.state.vars.setArray('PIPESTATUS', statuses.map(String));
  return status;
}

const NULL_INPUT = { read: () => Promise.resolve(null) };

/**
 * `cmd &`: run in a subshell without waiting. `$!` is the child's pid when the job is
 * one program; otherwise a pid of its own.
 */
export async function startBackground(sh: Interp, cmd: Command, io0: Io, text = ''): Promise<number> {
  // without job control, a background command's stdin is /dev/null (POSIX)
  const io = sh.interactive ? io0 : io0.with(0, { reader: NULL_INPUT });
  const sub = sh.fork(io);
  let first: ChildProcess | undefined;
  let spawned: () => void = () => {};
  const started = new Promise<void>((resolve) => (spawned = resolve));
  if (cmd.type === 'simple') {
    sub.onSpawn = (child) => {
      first ??= child;
      spawned();
    };
  }
  const done = sub.runAsSubshell(() => sub.run(cmd, sub.io));
  if (cmd.type === 'simple') await Promise.race([started, done]);
  const state = sh.state;
  const pid = first?.pid ?? syntheticPid(sh);
  const job: Job = {
    id: state.nextJobId++,
    pid,
    command: text,
    done,
    reported: false,
    kill: (signal) => sub.cancel(signal),
  };
  state.jobs.push(job);
  state.lastBgPid = pid;
  void done.then((s) => {
    job.status = s;
  });
  if (sh.interactive && sh.dialect.name !== 'dash') io0.stderr.write(`[${job.id}] ${pid}\n`);
  return 0;
}

/** A pid for a job that is not one program: the next one after every process in sight. */
function syntheticPid(sh: Interp): number {
  let max = sh.ctx.pid;
  for (const p of sh.ctx.processes()) if (p.pid > max) max = p.pid;
  for (const j of sh.state.jobs) if (j.pid > max) max = j.pid;
  return max + 1;
}

/**
 * bash's `time` report. Differs from bash: user and sys are 0, as the simulation
 * spends no CPU time; real is virtual time.
 */
function timeReport(seconds: number, format: 'bash' | 'posix'): string {
  if (format === 'posix') return `real ${seconds.toFixed(2)}\nuser 0.00\nsys 0.00\n`;
  const m = Math.floor(seconds / 60);
  const s = (seconds - m * 60).toFixed(3);
  return `\nreal\t${m}m${s}s\nuser\t0m0.000s\nsys\t0m0.000s\n`;
}
