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
  /**
   * Remember what a context's stream or network stands for, so that children get the
   * real one (and are not ended, frozen or closed with the parent's view of it).
   */
  register(wrapper: object, underlying: object): void;
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
  return {
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
    resolve: (host) => net.resolve(host),
    http: (host, port, request) => task.gate(net.http(host, port, request)),
    line: (host, port, line) => task.gate(net.line(host, port, line)),
    addresses: () => net.addresses(),
  };
}

export function buildContext(host: ContextHost, task: Task, init: ContextInit): ProcessContext {
  const stdin: Reader = { read: () => task.read(init.stdin) };
  const stdout: Writer = { write: (text) => task.write(init.stdout, text) };
  const stderr: Writer = { write: (text) => task.write(init.stderr, text) };
  host.register(stdin, init.stdin);
  host.register(stdout, init.stdout);
  host.register(stderr, init.stderr);
  const ctx: ProcessContext = {
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
    get hostname() {
      return host.hostname;
    },
    now: () => host.now(),
    sleep: (ms) => task.sleep(ms),
    onSignal: (signal, handler) => task.onSignal(signal, handler),
    exit: (status) => task.end(normalizeStatus(status)),
    ended: task.ended,
    spawn: (argv, options) => host.spawnChild(task, ctx, argv, options),
    processes: () => host.list(),
    net: taskNet(task, init.net),
    random: () => host.random(),
    kill: (pid, signal) => host.kill(pid, signal, true),
    setTitle: (title) => {
      task.title = title;
    },
  };
  host.register(ctx.net, init.net);
  return ctx;
}

/** An exit status as wait(2) sees it: the low 8 bits (`exit 256` is 0, `exit -1` is 255). */
export function normalizeStatus(status: number): number {
  if (!Number.isFinite(status)) return 1;
  return ((Math.trunc(status) % 256) + 256) % 256;
}
