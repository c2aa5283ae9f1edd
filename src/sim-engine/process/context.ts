/**
 * The ProcessContext a program runs with, built over its Task: every way out of the
 * program (streams, sleeps, the network, children) goes through the task, so that
 * ending, freezing and stopping the process take effect wherever it is waiting.
 */
import type { FileSystem } from '../fs/types.ts';
import type { Task, User } from './task.ts';
import type { Terminal } from './terminal.ts';
import type {
  ChildProcess,
  Listener,
  ProcessContext,
  ProcessInfo,
  ProcessNetwork,
  Reader,
  SignalName,
  SpawnOptions,
  TerminalControl,
  Writer,
} from './types.ts';

/** What a context needs of its table. */
export interface ContextHost {
  now(): number;
  random(): number;
  readonly hostname: string;
  list(): ProcessInfo[];
  kill(pid: number, signal: SignalName, fromInside: boolean): boolean;
  /** start a child of `parent`; streams and the rest default to the parent's */
  spawnChild(parent: Task, ctx: ProcessContext, argv: string[], options: SpawnOptions): ChildProcess;
  /** put another program in `task`'s place (execve) */
  execInPlace(task: Task, ctx: ProcessContext, argv: string[], options: SpawnOptions): Promise<never>;
}

/**
 * On a context's streams and network: the one it stands for, so that a child is given
 * the real one (and is not ended, frozen or closed with its parent's view of it).
 */
export const UNDERLYING: unique symbol = Symbol('underlying');

/** What `value` stands for, if it is a context's stream or network; else itself. */
export function unwrap<T extends object>(value: T): T {
  return ((value as { [UNDERLYING]?: T })[UNDERLYING] as T | undefined) ?? value;
}

export interface ContextInit {
  argv: string[];
  variant: string;
  env: Map<string, string>;
  cwd: string;
  fs: FileSystem;
  stdin: Reader;
  stdout: Writer;
  stderr: Writer;
  tty: boolean;
  terminal?: Terminal;
  user: User;
  net: ProcessNetwork;
}

/*
 * A context's methods, streams and network view are shared functions that find their
 * task, host and context in symbol-keyed fields, rather than closures made for every
 * process (a server's start spawns dozens). The fields are own and enumerable, so a
 * copy of a context (`{ ...ctx, argv }`, as exec's derive makes) still works, and
 * still acts for the process it was copied from.
 */
const TASK: unique symbol = Symbol('task');
const HOST: unique symbol = Symbol('host');
const SELF: unique symbol = Symbol('self');

interface Fields {
  [TASK]: Task;
  [HOST]: ContextHost;
  /** the context itself, for the kernel (a copy passes the original) */
  [SELF]: ProcessContext;
}

/** A context's stdin: reads wait while the process cannot run and never end once it has. */
class TaskReader implements Reader {
  readonly [TASK]: Task;
  readonly [UNDERLYING]: Reader;
  constructor(task: Task, inner: Reader) {
    this[TASK] = task;
    this[UNDERLYING] = inner;
  }
  read(): Promise<string | null> {
    return this[TASK].read(this[UNDERLYING]);
  }
}

/** A context's stdout or stderr: writes are held while frozen and dropped once ended. */
class TaskWriter implements Writer {
  readonly [TASK]: Task;
  readonly [UNDERLYING]: Writer;
  constructor(task: Task, inner: Writer) {
    this[TASK] = task;
    this[UNDERLYING] = inner;
  }
  write(text: string): void {
    this[TASK].write(this[UNDERLYING], text);
  }
}

/**
 * A process's view of its controlling terminal: a raw mode it set and a foreground it
 * claimed end with it, so a program that dies attached (a killed `docker run -it`)
 * does not leave the lab's terminal unable to interrupt anything.
 */
class TaskTerminal implements TerminalControl {
  readonly [TASK]: Task;
  readonly [UNDERLYING]: Terminal;
  constructor(task: Task, terminal: Terminal) {
    this[TASK] = task;
    this[UNDERLYING] = terminal;
  }
  setRaw(): () => void {
    const restore = this[UNDERLYING].setRaw();
    void this[TASK].ended.then(restore);
    return restore;
  }
  claimForeground(handler: (signal: SignalName) => void): () => void {
    const release = this[UNDERLYING].claimForeground(handler);
    void this[TASK].ended.then(release);
    return release;
  }
}

/** A process's view of its network: its listeners close with it, its replies wait on it. */
class TaskNetwork implements ProcessNetwork {
  readonly [TASK]: Task;
  readonly [UNDERLYING]: ProcessNetwork;
  constructor(task: Task, net: ProcessNetwork) {
    this[TASK] = task;
    this[UNDERLYING] = net;
  }
  listen(...[port, handler, protocol]: Parameters<ProcessNetwork['listen']>): Listener {
    const task = this[TASK];
    const inner = this[UNDERLYING].listen(port, handler, protocol);
    // the listener closes with the process (a killed nginx stops answering)
    const listener: Listener = {
      port: inner.port,
      protocol: inner.protocol,
      close() {
        task.unlistening(listener);
        inner.close();
      },
    };
    if (inner.http) listener.http = inner.http;
    if (inner.line) listener.line = inner.line;
    task.listening(listener);
    return listener;
  }
  resolve(host: string): string | undefined {
    return this[UNDERLYING].resolve(host);
  }
  http(...[host, port, request]: Parameters<ProcessNetwork['http']>): ReturnType<ProcessNetwork['http']> {
    return this[TASK].gate(this[UNDERLYING].http(host, port, request));
  }
  line(...[host, port, line]: Parameters<ProcessNetwork['line']>): ReturnType<ProcessNetwork['line']> {
    return this[TASK].gate(this[UNDERLYING].line(host, port, line));
  }
  addresses(): string[] {
    return this[UNDERLYING].addresses();
  }
}

function now(this: Fields): number {
  return this[HOST].now();
}
function sleep(this: Fields, ms: number): Promise<void> {
  return this[TASK].sleep(ms);
}
function onSignal(this: Fields, signal: SignalName, handler: (signal: SignalName) => void): void {
  this[TASK].onSignal(signal, handler);
}
function exit(this: Fields, status: number): void {
  this[TASK].end(normalizeStatus(status));
}
function spawn(this: Fields, argv: string[], options: SpawnOptions): ChildProcess {
  return this[HOST].spawnChild(this[TASK], this[SELF], argv, options);
}
function exec(this: Fields, argv: string[], options: SpawnOptions): Promise<never> {
  return this[HOST].execInPlace(this[TASK], this[SELF], argv, options);
}
function processes(this: Fields): ProcessInfo[] {
  return this[HOST].list();
}
function random(this: Fields): number {
  return this[HOST].random();
}
function kill(this: Fields, pid: number, signal: SignalName): boolean {
  return this[HOST].kill(pid, signal, true);
}
function setTitle(this: Fields, title: string): void {
  this[TASK].title = title;
}

function hostnameOf(this: Fields): string {
  return this[HOST].hostname;
}

export function buildContext(host: ContextHost, task: Task, init: ContextInit): ProcessContext {
  const fields: Omit<ProcessContext, 'hostname'> & Fields = {
    argv: init.argv,
    variant: init.variant,
    env: init.env,
    cwd: init.cwd,
    fs: init.fs,
    stdin: new TaskReader(task, init.stdin),
    stdout: new TaskWriter(task, init.stdout),
    stderr: new TaskWriter(task, init.stderr),
    tty: init.tty,
    terminal: init.terminal && new TaskTerminal(task, init.terminal),
    pid: task.pid,
    user: { ...init.user },
    now,
    sleep,
    onSignal,
    exit,
    ended: task.ended,
    spawn,
    exec,
    processes,
    net: new TaskNetwork(task, init.net),
    random,
    kill,
    setTitle,
    [TASK]: task,
    [HOST]: host,
    [SELF]: undefined as unknown as ProcessContext,
  };
  // `hostname` reads the host's live name. It is defined with one shared getter rather
  // than a `get hostname()` in the literal: a getter made per context gives every
  // context its own hidden class, whose (old-space) descriptors point at the young
  // getter and so at this whole scope (ctx, task, streams); every process then lived
  // through minor GCs until the next full one, and scavenges copied megabytes.
  Object.defineProperty(fields, 'hostname', { get: hostnameOf, enumerable: true, configurable: true });
  const ctx = fields as ProcessContext & Fields;
  ctx[SELF] = ctx;
  return ctx;
}

/** An exit status as wait(2) sees it: the low 8 bits (`exit 256` is 0, `exit -1` is 255). */
export function normalizeStatus(status: number): number {
  if (!Number.isFinite(status)) return 1;
  return ((Math.trunc(status) % 256) + 256) % 256;
}
