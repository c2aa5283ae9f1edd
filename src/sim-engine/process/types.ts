/**
 * What every simulated process sees, whether it is the lab host's shell, `docker` on
 * that host, or a container's main process (nginx, sh, redis-server…): arguments, an
 * environment, a file system, three streams and signals. Programs are async functions
 * that resolve to their exit status.
 */
import type { FileSystem } from '../fs/types.ts';

/** Text written by a process. Writes after the process ended are dropped. */
export interface Writer {
  write(text: string): void;
}

/** Text read by a process, a chunk at a time; null at end of input. */
export interface Reader {
  read(): Promise<string | null>;
}

export type SignalName =
  | 'SIGHUP'
  | 'SIGINT'
  | 'SIGQUIT'
  | 'SIGKILL'
  | 'SIGUSR1'
  | 'SIGUSR2'
  | 'SIGTERM'
  | 'SIGSTOP'
  | 'SIGCONT'
  | 'SIGWINCH';

export const SIGNAL_NUMBERS: Record<SignalName, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGUSR2: 12,
  SIGTERM: 15,
  SIGCONT: 18,
  SIGSTOP: 19,
  SIGWINCH: 28,
};

/** An HTTP request as a simulated server receives it (curl, a browser on the host). */
export interface HttpRequest {
  method: string;
  /** path and query, e.g. `/index.html?x=1` */
  path: string;
  headers: Record<string, string>;
  body: string;
  /** the address the request came from, as the server logs it */
  remoteAddress: string;
  /** the address and port the request was sent to, as the server sees them */
  localAddress: string;
  localPort: number;
}

export interface HttpResponse {
  status: number;
  /** the reason phrase, e.g. `OK`; defaults from the status */
  statusText?: string;
  headers: Record<string, string>;
  body: string;
}

export type HttpHandler = (request: HttpRequest) => Promise<HttpResponse> | HttpResponse;

/**
 * A TCP service a process listens with. The simulation carries whole HTTP exchanges
 * and simple line protocols (redis) rather than bytes.
 */
export interface Listener {
  port: number;
  protocol: 'tcp' | 'udp';
  http?: HttpHandler;
  /** a line protocol: one request line in, reply text out (redis-cli, nc) */
  line?: (line: string, remoteAddress: string) => Promise<string> | string;
  close(): void;
}

/** The network as a process sees it, from inside its network namespace. */
export interface ProcessNetwork {
  /** Open a listening port in this process's namespace. */
  listen(
    port: number,
    handler: Omit<Listener, 'port' | 'close' | 'protocol'>,
    protocol?: 'tcp' | 'udp',
  ): Listener;
  /** Resolve a host name as the process's resolver would (container DNS, /etc/hosts). */
  resolve(host: string): string | undefined;
  /**
   * Send an HTTP request to host:port. Rejects with a NetError whose code is the one
   * curl reports (`ECONNREFUSED`, `EHOSTUNREACH`, `ENOTFOUND`, `ETIMEDOUT`).
   */
  http(
    host: string,
    port: number,
    request: Omit<HttpRequest, 'remoteAddress' | 'localAddress' | 'localPort'>,
  ): Promise<HttpResponse>;
  /** Send one line to a line-protocol service. */
  line(host: string, port: number, line: string): Promise<string>;
  /** This namespace's addresses, for `hostname -i` and `ip addr`. */
  addresses(): string[];
}

export type NetErrorCode = 'ECONNREFUSED' | 'EHOSTUNREACH' | 'ENOTFOUND' | 'ETIMEDOUT';

export class NetError extends Error {
  readonly code: NetErrorCode;
  constructor(code: NetErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** A process visible to `ps` / `docker top`. */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  user: string;
  /** the command line as ps shows it */
  args: string;
  /** virtual time it started */
  started: number;
}

/**
 * The terminal a process has as its controlling terminal (process/terminal.ts), as a
 * program may change it: its mode (termios) and who gets the signals its keys make
 * (tcsetpgrp).
 */
export interface TerminalControl {
  /**
   * Raw mode (cfmakeraw), until the function returned is called or the process ends:
   * every key is read as a byte; Ctrl-C makes no SIGINT and Ctrl-D ends no read.
   */
  setRaw(): () => void;
  /**
   * A shell doing job control: the signals the terminal's keys make (Ctrl-C) come to
   * `handler`, which passes them to the job in the foreground, until the function
   * returned is called or the process ends.
   */
  claimForeground(handler: (signal: SignalName) => void): () => void;
}

/** What a program is given when it runs. */
export interface ProcessContext {
  /** argv[0] is the name it was invoked by */
  argv: string[];
  /**
   * Which build of the program this is, from the executable's tag `name@variant`:
   * `ls@busybox` and `ls@gnu` print different messages, `sh@dash` and `sh@busybox` too.
   */
  variant: string;
  /** the environment, in order */
  env: Map<string, string>;
  cwd: string;
  fs: FileSystem;
  stdin: Reader;
  stdout: Writer;
  stderr: Writer;
  /** whether stdin/stdout are a terminal (docker run -t, the browser terminal) */
  tty: boolean;
  /**
   * The controlling terminal, inherited from the parent: the lab node's, or a
   * container's (or exec's) pseudo-terminal with `-t`; undefined for processes started
   * without one (a container without `-t`, test harnesses).
   */
  terminal?: TerminalControl;
  pid: number;
  /** user name and ids the process runs as */
  user: { name: string; uid: number; gid: number };
  hostname: string;
  /** virtual time, in ms since the epoch */
  now(): number;
  /** Wait on the virtual clock. The wait ends (never resolves) if the process is killed. */
  sleep(ms: number): Promise<void>;
  /**
   * Handle a signal instead of its default action. PID 1 in a container ignores
   * SIGTERM/SIGINT/SIGQUIT it does not handle, as the kernel does.
   */
  onSignal(signal: SignalName, handler: (signal: SignalName) => void): void;
  /** End this process now with `status` (a handler calls it to exit). */
  exit(status: number): void;
  /** Resolves when the process has ended, for whatever reason. */
  readonly ended: Promise<number>;
  /** Start another program as a child (a shell runs commands this way). */
  spawn(argv: string[], options: SpawnOptions): ChildProcess;
  /**
   * execve: run another program in this process's place — same pid, the streams and
   * environment given, signal handlers back to their defaults, `ps` showing the new argv.
   * Like execve it does not return: the process ends when the new program does, and
   * the promise never settles. Optional: test harnesses may leave it out.
   */
  exec?(argv: string[], options: SpawnOptions): Promise<never>;
  /** The processes in this process's PID namespace (ps, top). */
  processes(): ProcessInfo[];
  net: ProcessNetwork;
  /** The seeded generator, for anything a program does at random (mktemp names, pids). */
  random(): number;
  /**
   * Send a signal to a process of this namespace (the `kill` builtin). False when no
   * such process (ESRCH). Sent from inside, so PID 1 ignores even SIGKILL unless it
   * handles the signal. Optional: test harnesses may leave it out.
   */
  kill?(pid: number, signal: SignalName): boolean;
  /**
   * Change the command line `ps` and `docker top` show, as nginx does with
   * setproctitle (`nginx: master process nginx -g daemon off;`). Optional.
   */
  setTitle?(title: string): void;
}

export interface SpawnOptions {
  env?: Map<string, string>;
  cwd?: string;
  stdin?: Reader;
  stdout?: Writer;
  stderr?: Writer;
  tty?: boolean;
  /**
   * The program to run, as an executable's tag (`ls@busybox`), when the caller has
   * already resolved it (a shell after its own PATH search). Without it, argv[0] is
   * looked up as execvp does (see resolve.ts); a child that cannot be run ends at once
   * with 127 (not found) or 126 (not executable), printing nothing.
   */
  program?: string;
  /** run as another user (`su`, `docker exec -u`); the parent's by default */
  user?: { name: string; uid: number; gid: number };
}

export interface ChildProcess {
  pid: number;
  /** resolves to the exit status */
  wait(): Promise<number>;
  kill(signal: SignalName): void;
  /**
   * Once it has ended: the signal that killed it (WIFSIGNALED), undefined when it exited —
   * even with 130 (a program that catches SIGINT and exits). Optional for test harnesses.
   */
  killedBy?(): SignalName | undefined;
}

/** A simulated executable. Resolves to the exit status. */
export type Program = (ctx: ProcessContext) => Promise<number>;

/**
 * Programs by name. An executable file's tag is `name` or `name@variant`
 * (Stat.program); the registry is looked up by `name`, and `variant` reaches the
 * program in its context. Registries are explicit lists (shell/utils/index.ts,
 * runtime/programs/index.ts), merged when an engine is made.
 */
export type ProgramRegistry = ReadonlyMap<string, Program>;

/** What looking up a command in PATH (or by path) found (see resolve.ts). */
export type Resolution =
  | {
      ok: true;
      /** the file found, as execve was given it (`/usr/bin/ls`, `./run.sh`) */
      path: string;
      /** the program to run: the file's own tag, or its interpreter's for a script */
      tag: string;
      /**
       * For a `#!` script: its interpreter line, then that interpreter's own if it is a
       * script too. `execArgv` turns them into the argv to run.
       */
      interpreters?: { path: string; arg?: string }[];
    }
  | {
      ok: false;
      /** execve's errno; a directory is EACCES, as execve gives (EISDIR is not produced) */
      error: 'ENOENT' | 'EACCES' | 'EISDIR' | 'ENOEXEC';
      path: string;
      /** set when the script exists but its interpreter failed ("bad interpreter") */
      interpreter?: string;
    };
