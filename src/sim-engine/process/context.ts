/**
 * The ProcessContext a program runs with, built over its Task: every way out of the
 * program (streams, sleeps, the network, children) goes through the task, so that
 * ending, freezing and stopping the process take effect wherever it is waiting.
 */
import type { FileSystem } from '../fs/types.ts';
import type { Task, User } from './task.ts';
import type {
  ChildProcess,
  Listener,
  ProcessContext,
  ProcessInfo,
  ProcessNetwork,
  Reader,
  SignalName,
  SpawnOptions,
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
  user: User;
  net: ProcessNetwork;
}

function taskNet(task: Task, net: ProcessNetwork): ProcessNetwork {
  const view: ProcessNetwork & { [UNDERLYING]: ProcessNetwork } = {
    listen(port, handler, protocol) {
      const inner = net.listen(port, handler, protocol);
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
    },
    [UNDERLYING]: net,
    resolve: (host) => net.resolve(host),
    http: (host, port, request) => task.gate(net.http(host, port, request)),
    line: (host, port, line) => task.gate(net.line(host, port, line)),
    addresses: () => net.addresses(),
  };
  return view;
}

export function buildContext(host: ContextHost, task: Task, init: ContextInit): ProcessContext {
  const stdin: Reader = { read: () => task.read(init.stdin), [UNDERLYING]: init.stdin } as Reader;
  const stdout: Writer = {
    write: (text) => task.write(init.stdout, text),
    [UNDERLYING]: init.stdout,
  } as Writer;
  const stderr: Writer = {
    write: (text) => task.write(init.stderr, text),
    [UNDERLYING]: init.stderr,
  } as Writer;
  const fields: Omit<ProcessContext, 'hostname'> & { [HOST]: ContextHost } = {
    argv: init.argv,
    variant: init.variant,
    env: init.env,
    cwd: init.cwd,
    fs: init.fs,
    stdin,
    stdout,
    stderr,
    tty: init.tty,
    pid: task.pid,
    user: { ...init.user },
    now: () => host.now(),
    sleep: (ms) => task.sleep(ms),
    onSignal: (signal, handler) => task.onSignal(signal, handler),
    exit: (status) => task.end(normalizeStatus(status)),
    ended: task.ended,
    spawn: (argv, options) => host.spawnChild(task, ctx, argv, options),
    exec: (argv, options) => host.execInPlace(task, ctx, argv, options),
    processes: () => host.list(),
    net: taskNet(task, init.net),
    random: () => host.random(),
    kill: (pid, signal) => host.kill(pid, signal, true),
    setTitle: (title) => {
      task.title = title;
    },
    [HOST]: host,
  };
  // `hostname` reads the host's live name. It is defined with one shared getter rather
  // than a `get hostname()` in the literal: a getter made per context gives every
  // context its own hidden class, whose (old-space) descriptors point at the young
  // getter and so at this whole scope (ctx, task, streams); every process then lived
  // through minor GCs until the next full one, and scavenges copied megabytes.
  Object.defineProperty(fields, 'hostname', { get: hostnameOf, enumerable: true, configurable: true });
  const ctx = fields as ProcessContext & { [HOST]: ContextHost };
  return ctx;
}

const HOST: unique symbol = Symbol('host');

function hostnameOf(this: { [HOST]: ContextHost }): string {
  return this[HOST].hostname;
}

/** An exit status as wait(2) sees it: the low 8 bits (`exit 256` is 0, `exit -1` is 255). */
export function normalizeStatus(status: number): number {
  if (!Number.isFinite(status)) return 1;
  return ((Math.trunc(status) % 256) + 256) % 256;
}
