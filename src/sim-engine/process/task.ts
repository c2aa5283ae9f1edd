/**
 * One process of a ProcessTable: its state from start to end, its signals, and what
 * it is waiting on. The rule that keeps programs simple: once a process has ended,
 * nothing it waits on through its context resolves any more (sleeps, reads, a child's
 * wait, network replies), and what it writes is dropped, so a killed program's code
 * just stops at its next `await`. While frozen (`docker pause`) or stopped
 * (SIGSTOP), the same waits are held back and its writes kept until it runs again.
 */
import type { Clock, Timer } from '../clock.ts';
import { DEFAULT_ACTIONS, killedStatus, SIGPIPE_STATUS } from './signals.ts';
import type { Terminal } from './terminal.ts';
import type { ChildProcess, Listener, Reader, SignalName, Writer } from './types.ts';

export interface User {
  name: string;
  uid: number;
  gid: number;
}

/** A process as its starter and the table see it. */
export interface Proc extends ChildProcess {
  readonly pid: number;
  /** the parent's pid; 0 for a process started from outside (or orphaned with no init) */
  readonly ppid: number;
  /** the argv it was started with */
  readonly argv: readonly string[];
  readonly user: User;
  /** virtual time it started */
  readonly startedAt: number;
  /** its exit status once ended (128+n when killed by signal n); undefined while it runs */
  readonly exitCode: number | undefined;
  /** the signal that ended it (WIFSIGNALED); undefined while it runs or when it exited */
  readonly termSignal: SignalName | undefined;
  /** virtual time it ended */
  readonly endedAt: number | undefined;
  /** stopped by SIGSTOP (a frozen table is `ProcessTable.frozen`) */
  readonly stopped: boolean;
  /** what ps shows: the argv joined, or what the program set with setTitle */
  readonly title: string;
}

/** What a task needs of its table. */
export interface TaskHost {
  readonly clock: Clock;
  readonly frozen: boolean;
  /** bookkeeping once a task has ended (streams, orphans, a dying namespace) */
  taskEnded(task: Task): void;
}

type CancelableReader = Reader & { readCancelable?(): { promise: Promise<string | null>; cancel(): void } };

function isBroken(writer: Writer): boolean {
  return (writer as { broken?: unknown }).broken === true;
}

export class Task implements Proc {
  readonly pid: number;
  ppid: number;
  argv: readonly string[];
  readonly user: User;
  readonly startedAt: number;
  exitCode: number | undefined;
  termSignal: SignalName | undefined;
  endedAt: number | undefined;
  stopped = false;
  title: string;
  readonly ended: Promise<number>;
  /** its controlling terminal (set by the table), for the signals of the terminal's keys */
  terminal: Terminal | undefined;
  /** the streams it holds, released when it ends (set by the table) */
  streams: { stdin: Reader; stdout: Writer; stderr: Writer } | undefined;

  readonly #host: TaskHost;
  #resolveEnded: (status: number) => void = () => {};
  // Made when first needed: most processes never catch a signal, sleep, get frozen or
  // listen, and a server's start spawns dozens of them.
  #handlers: Map<SignalName, (signal: SignalName) => void> | undefined;
  #timers: Set<Timer> | undefined;
  #cancels: Set<() => void> | undefined;
  /** continuations held while the task cannot run */
  #resumeQueue: (() => void)[] | undefined;
  #heldWrites: { writer: Writer; text: string }[] | undefined;
  #pendingSignals: SignalName[] | undefined;
  #listeners: Set<Listener> | undefined;

  constructor(host: TaskHost, init: { pid: number; ppid: number; argv: readonly string[]; user: User }) {
    this.#host = host;
    this.pid = init.pid;
    this.ppid = init.ppid;
    this.argv = init.argv;
    this.user = init.user;
    this.title = init.argv.join(' ');
    this.startedAt = host.clock.now();
    this.ended = new Promise((resolve) => (this.#resolveEnded = resolve));
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  /** Whether its code may run now: alive, not frozen, not stopped. */
  get runnable(): boolean {
    return this.exitCode === undefined && !this.stopped && !this.#host.frozen;
  }

  wait(): Promise<number> {
    return this.ended;
  }

  kill(signal: SignalName): void {
    this.signal(signal, false);
  }

  // --- waiting ---------------------------------------------------------------------

  /** Run `fn` when the task can run (now, or after thaw/SIGCONT); never if it ends first. */
  whenRunnable(fn: () => void): void {
    if (this.exitCode !== undefined) return;
    if (this.runnable) fn();
    else (this.#resumeQueue ??= []).push(fn);
  }

  /** A promise that settles like `promise`, but only while the task can run. */
  gate<T>(promise: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      promise.then(
        (value) => this.whenRunnable(() => resolve(value)),
        (error: unknown) => this.whenRunnable(() => reject(error)),
      );
    });
  }

  sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      // `sleep infinity` waits for the end, with no timer for the clock to jump to
      if (this.exitCode !== undefined || ms === Infinity) return;
      const timer = this.#host.clock.after(Number.isNaN(ms) ? 0 : Math.max(0, ms), () => {
        this.#timers?.delete(timer);
        this.whenRunnable(resolve);
      });
      (this.#timers ??= new Set()).add(timer);
    });
  }

  read(reader: Reader): Promise<string | null> {
    if (this.exitCode !== undefined) return new Promise(() => {});
    const cancelable = (reader as CancelableReader).readCancelable?.();
    if (!cancelable) return this.gate(reader.read());
    (this.#cancels ??= new Set()).add(cancelable.cancel);
    return this.gate(cancelable.promise.finally(() => this.#cancels?.delete(cancelable.cancel)));
  }

  write(writer: Writer, text: string): void {
    if (this.exitCode !== undefined) return;
    if (!this.runnable) {
      (this.#heldWrites ??= []).push({ writer, text });
      return;
    }
    // Writing to a pipe nobody reads any more is SIGPIPE, which ends the writer.
    if (isBroken(writer)) {
      this.end(SIGPIPE_STATUS);
      return;
    }
    writer.write(text);
  }

  listening(listener: Listener): void {
    (this.#listeners ??= new Set()).add(listener);
  }

  unlistening(listener: Listener): void {
    this.#listeners?.delete(listener);
  }

  // --- signals ---------------------------------------------------------------------

  onSignal(signal: SignalName, handler: (signal: SignalName) => void): void {
    // SIGKILL and SIGSTOP cannot be caught (sigaction gives EINVAL)
    if (signal === 'SIGKILL' || signal === 'SIGSTOP' || this.exitCode !== undefined) return;
    (this.#handlers ??= new Map()).set(signal, handler);
  }

  /**
   * Deliver a signal. `fromInside` is a sender in the same PID namespace: PID 1 is then
   * immune to everything it does not handle, SIGKILL included; from outside (docker
   * kill, docker stop) only SIGKILL and SIGSTOP reach it unhandled.
   */
  signal(signal: SignalName, fromInside: boolean): void {
    if (this.exitCode !== undefined) return;
    const init = this.pid === 1;
    if (signal === 'SIGKILL') {
      if (!(init && fromInside)) this.#die('SIGKILL');
      return;
    }
    if (signal === 'SIGSTOP') {
      if (!(init && fromInside)) this.stopped = true;
      return;
    }
    if (signal === 'SIGCONT' && this.stopped) {
      this.stopped = false;
      this.resume();
    }
    if (!this.runnable) (this.#pendingSignals ??= []).push(signal);
    else this.#deliver(signal);
  }

  #deliver(signal: SignalName): void {
    const handler = this.#handlers?.get(signal);
    if (handler) {
      // Handlers run asynchronously, as signals interrupt a process between steps,
      // never inside the sender's call.
      void Promise.resolve().then(() => {
        if (this.exitCode !== undefined) return;
        if (!this.runnable) {
          (this.#pendingSignals ??= []).push(signal);
          return;
        }
        try {
          handler(signal);
        } catch (error) {
          this.fail(error);
        }
      });
      return;
    }
    if (DEFAULT_ACTIONS[signal] !== 'terminate') return;
    // A namespace's init ignores what it does not handle (why `docker stop` on a
    // shell-less `sleep` waits its 10 seconds and then kills).
    if (this.pid === 1) return;
    this.#die(signal);
  }

  /** Ended by a signal's default action (a shell tells this from an exit with 128+n). */
  #die(signal: SignalName): void {
    if (this.exitCode !== undefined) return;
    this.termSignal = signal;
    this.end(killedStatus(signal));
  }

  /** Run again after thaw or SIGCONT: held writes first, then held continuations and signals. */
  resume(): void {
    if (!this.runnable) return;
    // each list is taken whole: what is added meanwhile waits for the next resume
    const writes = this.#heldWrites;
    this.#heldWrites = undefined;
    if (writes) for (const { writer, text } of writes) this.write(writer, text);
    const queue = this.#resumeQueue;
    this.#resumeQueue = undefined;
    if (queue) {
      for (const fn of queue) {
        if (this.runnable) fn();
        else (this.#resumeQueue ??= []).push(fn);
      }
    }
    const signals = this.#pendingSignals;
    this.#pendingSignals = undefined;
    if (signals) for (const signal of signals) if (this.runnable) this.#deliver(signal);
  }

  /** execve: a new program in this process; caught signals go back to their defaults */
  replaceImage(argv: readonly string[]): void {
    this.argv = argv;
    this.title = argv.join(' ');
    this.#handlers = undefined;
  }

  // --- ending ----------------------------------------------------------------------

  /** A program that throws is a bug: say so on its stderr and end with status 1. */
  fail(error: unknown, stderr?: Writer): void {
    if (this.exitCode !== undefined) return;
    const message = error instanceof Error ? error.message : String(error);
    (stderr ?? this.errorOutput)?.write(`${this.argv[0] ?? ''}: internal error: ${message}\n`);
    this.end(1);
  }

  /** where `fail` reports: the process's own stderr, set by the table */
  errorOutput: Writer | undefined;

  end(status: number): void {
    if (this.exitCode !== undefined) return;
    this.exitCode = status;
    this.endedAt = this.#host.clock.now();
    if (this.#timers) for (const timer of this.#timers) this.#host.clock.cancel(timer);
    if (this.#cancels) for (const cancel of this.#cancels) cancel();
    if (this.#listeners) for (const listener of [...this.#listeners]) listener.close();
    this.#timers = undefined;
    this.#cancels = undefined;
    this.#listeners = undefined;
    this.#resumeQueue = undefined;
    this.#heldWrites = undefined;
    this.#pendingSignals = undefined;
    this.#handlers = undefined;
    this.#host.taskEnded(this);
    this.#resolveEnded(status);
  }
}
