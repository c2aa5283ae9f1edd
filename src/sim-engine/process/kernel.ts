/**
 * A PID namespace: a container's processes, or a lab host's. It starts programs,
 * numbers them, delivers signals with the kernel's default actions, freezes and thaws
 * them (`docker pause`), and keeps the bookkeeping of ending: a process's streams are
 * closed when the last process holding them ends (so `a | b` sees end of input when
 * `a` and its children are done), its orphans go to PID 1, and when PID 1 ends the
 * whole namespace is killed, as the kernel does when a container's init exits.
 *
 * PIDs count up from `firstPid`. A container passes 1 (the default): its first process
 * is the namespace's init. A lab host passes 2: a machine's PID 1 is an init that the
 * simulation does not run, and no host process must get init's immunity to signals.
 */
import type { Clock } from '../clock.ts';
import type { FileSystem } from '../fs/types.ts';
import type { Random } from '../random.ts';
import { buildContext, normalizeStatus, unwrap } from './context.ts';
import type { ContextHost } from './context.ts';
import { nullNetwork } from './null-network.ts';
import { execArgv, parseTag, resolveExecutable } from './resolve.ts';
import { NullReader, nullWriter } from './streams.ts';
import { Task } from './task.ts';
import type { Terminal } from './terminal.ts';
import type { Proc, TaskHost, User } from './task.ts';
import type {
  ChildProcess,
  ProcessContext,
  ProcessInfo,
  ProcessNetwork,
  Program,
  ProgramRegistry,
  Reader,
  Resolution,
  SignalName,
  SpawnOptions,
  Writer,
} from './types.ts';

export type { Proc, User } from './task.ts';

export const ROOT_USER: User = { name: 'root', uid: 0, gid: 0 };

export interface ProcessTableOptions {
  clock: Clock;
  random: Random;
  hostname: string;
  /** the network namespace the processes see; `nullNetwork` when not given */
  network?: ProcessNetwork;
  programs: ProgramRegistry;
  /** 1 for a container (default), 2 for a lab host (see above) */
  firstPid?: number;
}

export interface ProcessSpawnOptions {
  fs: FileSystem;
  /** copied: the process gets its own */
  env?: Map<string, string>;
  cwd?: string;
  /** NullReader, nullWriter and nullWriter when not given */
  stdin?: Reader;
  stdout?: Writer;
  stderr?: Writer;
  tty?: boolean;
  /**
   * The controlling terminal (process/terminal.ts): its keys' signals reach the
   * processes on it, and the children get it too. None when not given.
   */
  terminal?: Terminal;
  /** root when not given */
  user?: User;
  /** overrides the variant from the tag */
  variant?: string;
  /** 0 (started from outside) when not given */
  ppid?: number;
  /** overrides the table's network (a process in another network namespace) */
  net?: ProcessNetwork;
}

export type ExecResult = { ok: true; proc: Proc } | { ok: false; resolution: Resolution & { ok: false } };

/** The status a shell gives a command it could not run: 127 not found, 126 not executable. */
function cannotRun(resolution: Resolution & { ok: false }): number {
  return resolution.error === 'ENOENT' ? 127 : 126;
}

const TABLE: unique symbol = Symbol('table');

function tableHostname(this: { [TABLE]: ProcessTable }): string {
  return this[TABLE].hostname;
}

export class ProcessTable implements TaskHost {
  readonly clock: Clock;
  readonly random: Random;
  hostname: string;
  readonly network: ProcessNetwork;
  readonly programs: ProgramRegistry;
  #tasks = new Map<number, Task>();
  #nextPid: number;
  #frozen = false;
  /** how many processes hold each closable stream, as readers and as writers */
  #readHolds = new Map<object, number>();
  #writeHolds = new Map<object, number>();
  readonly #contextHost: ContextHost;

  constructor(options: ProcessTableOptions) {
    this.clock = options.clock;
    this.random = options.random;
    this.hostname = options.hostname;
    this.network = options.network ?? nullNetwork;
    this.programs = options.programs;
    this.#nextPid = options.firstPid ?? 1;
    const host = {
      now: () => this.clock.now(),
      random: () => this.random.float(),
      list: () => this.list(),
      kill: (pid: number, signal: SignalName, fromInside: boolean) => this.kill(pid, signal, fromInside),
      spawnChild: (parent: Task, ctx: ProcessContext, argv: string[], options: SpawnOptions) =>
        this.#spawnChild(parent, ctx, argv, options),
      execInPlace: (task: Task, ctx: ProcessContext, argv: string[], options: SpawnOptions) =>
        this.#execInPlace(task, ctx, argv, options),
      [TABLE]: this,
    };
    // the live hostname, through one shared getter: a `get hostname()` in the literal
    // would give every table's host its own hidden class, keeping the table (and its
    // processes) alive through minor GCs until the next full one
    Object.defineProperty(host, 'hostname', { get: tableHostname, enumerable: true, configurable: true });
    this.#contextHost = host as typeof host & ContextHost;
  }

  get frozen(): boolean {
    return this.#frozen;
  }

  /** Processes still running. */
  get size(): number {
    return this.#tasks.size;
  }

  /**
   * Start `program` (a Program, or an executable's tag looked up in the registry) with
   * `argv`. Never throws for the program's sake: a program that throws or rejects ends
   * with status 1 and `<argv0>: internal error: <message>` on its stderr.
   */
  spawn(program: Program | string, argv: readonly string[], options: ProcessSpawnOptions): Proc {
    let run: Program;
    let variant = options.variant ?? '';
    if (typeof program === 'string') {
      const tag = parseTag(program);
      variant = options.variant ?? tag.variant;
      run = this.programs.get(tag.name) ?? missingProgram(tag.name);
    } else run = program;

    const stdin: Reader = unwrap(options.stdin ?? new NullReader());
    const stdout: Writer = unwrap(options.stdout ?? nullWriter);
    const stderr: Writer = unwrap(options.stderr ?? nullWriter);
    const task = new Task(this, {
      pid: this.#nextPid++,
      ppid: options.ppid ?? 0,
      argv: [...argv],
      user: options.user ?? ROOT_USER,
    });
    task.errorOutput = stderr;
    task.streams = { stdin, stdout, stderr };
    task.terminal = options.terminal;
    options.terminal?.bindSession((signal) => this.#signalTerminal(options.terminal!, signal));
    this.#tasks.set(task.pid, task);
    this.#hold(this.#readHolds, stdin);
    this.#hold(this.#writeHolds, stdout);
    this.#hold(this.#writeHolds, stderr);
    const ctx = buildContext(this.#contextHost, task, {
      argv: [...argv],
      variant,
      env: copyEnv(options.env),
      cwd: options.cwd ?? '/',
      fs: options.fs,
      stdin,
      stdout,
      stderr,
      tty: options.tty ?? false,
      terminal: options.terminal,
      user: options.user ?? ROOT_USER,
      net: unwrap(options.net ?? this.network),
    });
    let result: Promise<number>;
    try {
      result = run(ctx);
    } catch (error) {
      result = Promise.reject(error);
    }
    result.then(
      (status) => task.end(normalizeStatus(typeof status === 'number' ? status : 0)),
      (error: unknown) => task.fail(error, stderr),
    );
    return task;
  }

  /**
   * Run a command line as execvp would: argv[0] looked up in the PATH of `env`
   * (scripts run by their interpreter). When it cannot be run, nothing is started and
   * the resolution says why (`docker exec c nope` → "executable file not found").
   */
  exec(argv: readonly string[], options: ProcessSpawnOptions): ExecResult {
    const resolution = resolveExecutable(options.fs, argv[0] ?? '', options.env?.get('PATH'), options.cwd);
    if (!resolution.ok) return { ok: false, resolution };
    return { ok: true, proc: this.spawn(resolution.tag, execArgv(resolution, argv), options) };
  }

  get(pid: number): Proc | undefined {
    return this.#tasks.get(pid);
  }

  /** The running processes by pid, for `ps` and `docker top`. */
  list(): ProcessInfo[] {
    return [...this.#tasks.values()]
      .sort((a, b) => a.pid - b.pid)
      .map((t) => ({ pid: t.pid, ppid: t.ppid, user: t.user.name, args: t.title, started: t.startedAt }));
  }

  /**
   * Send a signal; false when no such process. From outside (the default: the daemon,
   * `docker kill`) PID 1 still dies of SIGKILL; from inside (`kill` in the container) not.
   */
  kill(pid: number, signal: SignalName, fromInside = false): boolean {
    const task = this.#tasks.get(pid);
    if (!task) return false;
    task.signal(signal, fromInside);
    return true;
  }

  /**
   * A terminal's key signal with no shell doing job control on it: every process that
   * has it as its controlling terminal, as one process group (PID 1 still ignores what
   * it does not handle).
   */
  #signalTerminal(terminal: Terminal, signal: SignalName): void {
    for (const task of [...this.#tasks.values()]) if (task.terminal === terminal) task.signal(signal, true);
  }

  /** Signal every process, from outside (the namespace dying, `docker rm -f`). */
  killAll(signal: SignalName = 'SIGKILL'): void {
    for (const task of [...this.#tasks.values()]) task.signal(signal, false);
  }

  /** Suspend every process (cgroup freezer): sleeps, reads and writes wait for `thaw`. */
  freeze(): void {
    this.#frozen = true;
  }

  thaw(): void {
    if (!this.#frozen) return;
    this.#frozen = false;
    for (const task of [...this.#tasks.values()]) task.resume();
  }

  /** @internal called by a Task once it has ended */
  taskEnded(task: Task): void {
    this.#tasks.delete(task.pid);
    const streams = task.streams;
    if (streams) {
      // the last holder of a pipe's end is gone: a broken pipe, or end of input
      this.#release(this.#readHolds, closeRead, streams.stdin);
      this.#release(this.#writeHolds, close, streams.stdout);
      this.#release(this.#writeHolds, close, streams.stderr);
    }
    const reaper = this.#tasks.has(1) ? 1 : 0;
    this.#tasks.forEach((other) => {
      if (other.ppid === task.pid) other.ppid = reaper;
    });
    if (task.pid === 1) this.killAll('SIGKILL');
  }

  #spawnChild(parent: Task, ctx: ProcessContext, argv: string[], options: SpawnOptions): ChildProcess {
    const env = options.env ?? ctx.env;
    const cwd = options.cwd ?? ctx.cwd;
    const spawnOptions: ProcessSpawnOptions = {
      fs: ctx.fs,
      env,
      cwd,
      stdin: options.stdin ?? ctx.stdin,
      stdout: options.stdout ?? ctx.stdout,
      stderr: options.stderr ?? ctx.stderr,
      tty: options.tty ?? ctx.tty,
      terminal: parent.terminal,
      user: options.user ?? ctx.user,
      ppid: parent.pid,
      net: unwrap(ctx.net),
    };
    let child: Proc;
    if (options.program !== undefined) child = this.spawn(options.program, argv, spawnOptions);
    else {
      const result = this.exec(argv, spawnOptions);
      if (result.ok) child = result.proc;
      else {
        const status = cannotRun(result.resolution);
        child = this.spawn(async () => status, argv, spawnOptions);
      }
    }
    return {
      pid: child.pid,
      wait: () => parent.gate(child.wait()),
      kill: (signal) => {
        this.kill(child.pid, signal, true);
      },
      killedBy: () => child.termSignal,
    };
  }

  /**
   * execve: the program `options.program` names (or argv[0] found as execvp finds it)
   * runs in `task`'s place with the streams given, which the task now holds instead of
   * its old ones. The old program never continues: the returned promise stays pending,
   * and the task ends when the new program does.
   */
  #execInPlace(task: Task, ctx: ProcessContext, argv: string[], options: SpawnOptions): Promise<never> {
    const never = new Promise<never>(() => {});
    if (!task.running) return never;
    const env = options.env ?? ctx.env;
    const cwd = options.cwd ?? ctx.cwd;
    let tag = options.program;
    let args = argv;
    if (tag === undefined) {
      const resolution = resolveExecutable(ctx.fs, argv[0] ?? '', env.get('PATH'), cwd);
      if (!resolution.ok) {
        task.end(cannotRun(resolution));
        return never;
      }
      tag = resolution.tag;
      args = execArgv(resolution, argv);
    }
    const { name, variant } = parseTag(tag);
    const run = this.programs.get(name) ?? missingProgram(name);
    const stdin: Reader = unwrap(options.stdin ?? ctx.stdin);
    const stdout: Writer = unwrap(options.stdout ?? ctx.stdout);
    const stderr: Writer = unwrap(options.stderr ?? ctx.stderr);
    // the new streams are held before the old are let go, so a shared pipe stays open
    this.#hold(this.#readHolds, stdin);
    this.#hold(this.#writeHolds, stdout);
    this.#hold(this.#writeHolds, stderr);
    const old = task.streams;
    if (old) {
      this.#release(this.#readHolds, closeRead, old.stdin);
      this.#release(this.#writeHolds, close, old.stdout);
      this.#release(this.#writeHolds, close, old.stderr);
    }
    task.streams = { stdin, stdout, stderr };
    task.errorOutput = stderr;
    task.replaceImage([...args]);
    const next = buildContext(this.#contextHost, task, {
      argv: [...args],
      variant,
      env: copyEnv(env),
      cwd,
      fs: ctx.fs,
      stdin,
      stdout,
      stderr,
      tty: options.tty ?? ctx.tty,
      terminal: task.terminal,
      user: options.user ?? ctx.user,
      net: unwrap(ctx.net),
    });
    let result: Promise<number>;
    try {
      result = run(next);
    } catch (error) {
      result = Promise.reject(error);
    }
    result.then(
      (status) => task.end(normalizeStatus(typeof status === 'number' ? status : 0)),
      (error: unknown) => task.fail(error, stderr),
    );
    return never;
  }

  #hold(holds: Map<object, number>, s: Reader | Writer): void {
    if (closable(s)) holds.set(s, (holds.get(s) ?? 0) + 1);
  }

  #release(holds: Map<object, number>, close: (s: Closable) => void, s: Reader | Writer): void {
    if (!closable(s)) return;
    const left = (holds.get(s) ?? 1) - 1;
    if (left > 0) holds.set(s, left);
    else {
      holds.delete(s);
      close(s);
    }
  }
}

/**
 * A process's own copy of an environment. forEach rather than `new Map(env)`: the
 * constructor goes through the iterator protocol, an entry array per variable, and
 * every process (two dozen for one nginx start) copies one.
 */
function copyEnv(env: ReadonlyMap<string, string> | undefined): Map<string, string> {
  const copy = new Map<string, string>();
  env?.forEach((value, name) => copy.set(name, value));
  return copy;
}

type Closable = { close?: () => void; closeRead?: () => void };

const closeRead = (s: Closable) => s.closeRead?.();
const close = (s: Closable) => s.close?.();

function closable(stream: Reader | Writer): stream is (Reader | Writer) & Closable {
  const s = stream as Closable;
  return typeof s.close === 'function' || typeof s.closeRead === 'function';
}

function missingProgram(name: string): Program {
  return async (ctx) => {
    ctx.stderr.write(`${ctx.argv[0] ?? name}: internal error: no program '${name}' is registered\n`);
    return 127;
  };
}
