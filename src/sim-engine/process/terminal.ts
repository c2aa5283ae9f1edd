/**
 * A terminal and its line discipline, as the processes on it see it. Two kinds are
 * made: a lab node's terminal (the page's xterm, or a headless session's scripted
 * input), and the pseudo-terminal the daemon gives a container or an exec started with
 * `-t`, whose keys arrive through an attach.
 *
 * Keys are bytes. In the default (cooked) mode the line discipline acts on some of them:
 * Ctrl-C (INTR) sends SIGINT and Ctrl-\ (QUIT) SIGQUIT to the terminal's foreground and
 * drops what was typed and not read yet; the rest is handed over a line at a time, and
 * Ctrl-D (EOF) hands over what is typed so far — nothing at the start of a line, which
 * the reader takes as the end of its input (the next read waits for more). In raw mode
 * (a program's `setRaw`, as the docker CLI does while attached to a container's TTY)
 * every byte is input, handed over as it comes: Ctrl-C is then the byte 0x03, which the
 * CLI sends on to the container's own terminal.
 *
 * Who the foreground is: a shell doing job control claims the terminal
 * (`claimForeground`) and passes the signals on to the job it runs in the foreground,
 * as tcsetpgrp would have the kernel do; with no such shell, every process on the
 * terminal gets them (one process group, as without job control).
 *
 * Echo is not modelled: the page's terminal shows what is typed itself, whether the
 * echo would come from this terminal or from a container's.
 *
 * Differs from Linux (docs/differences.md, Terminals and keys): no process groups, so
 * no Ctrl-Z (SIGTSTP) or background reads (SIGTTIN); no flow control; a hang-up ends
 * every read but sends no SIGHUP; no window size (SIGWINCH).
 */
import type { Reader, SignalName, TerminalControl } from './types.ts';

const INTR = '\x03';
const QUIT = '\x1c';
const EOF = '\x04';
const ERASE = '\x7f';
const KILL = '\x15';

/** A read that is waiting: resolved with the next unit of input. */
type Waiter = (unit: string | null) => void;

export class Terminal implements TerminalControl {
  /** raw-mode requests still in force (each `setRaw` until its restore) */
  #raw = 0;
  /** what has been handed over and not read yet; null is a Ctrl-D at the start of a line */
  #ready: (string | null)[] = [];
  /** the line being typed (cooked mode) */
  #line = '';
  #waiters: Waiter[] = [];
  #hungUp = false;
  /** where lines come from when a process reads: the page's keyboard, pulled as needed */
  #source: Reader | undefined;
  #pulling = false;
  /** bumped when the keyboard changes: readers handed out before it read nothing more */
  #generation = 0;
  #reader: Reader;
  /** shells doing job control on this terminal, the latest on top */
  #controllers: ((signal: SignalName) => void)[] = [];
  /** the processes on this terminal, told by the kernel that runs them */
  #session: ((signal: SignalName) => void) | undefined;

  constructor() {
    this.#reader = this.#newReader();
  }

  /** What processes on the terminal read as their stdin. */
  get reader(): Reader {
    return this.#reader;
  }

  get raw(): boolean {
    return this.#raw > 0;
  }

  setRaw(): () => void {
    this.#raw++;
    let restored = false;
    return () => {
      if (restored) return;
      restored = true;
      this.#raw--;
    };
  }

  claimForeground(handler: (signal: SignalName) => void): () => void {
    this.#controllers.push(handler);
    return () => {
      const i = this.#controllers.lastIndexOf(handler);
      if (i >= 0) this.#controllers.splice(i, 1);
    };
  }

  /**
   * @internal The kernel running the terminal's processes: how to signal all of them.
   * A terminal belongs to one PID namespace; the first binding stays.
   */
  bindSession(signal: (signal: SignalName) => void): void {
    this.#session ??= signal;
  }

  /**
   * Keys typed, as bytes (a container's terminal fed by an attach; Ctrl-C on a lab
   * node's terminal): the line discipline acts on them now.
   */
  input(data: string): void {
    if (this.#hungUp) return;
    if (this.raw) {
      if (data !== '') this.#hand(data);
      return;
    }
    for (const c of data) this.#cooked(c);
  }

  /**
   * A new keyboard for the processes started from now on (a lab node's terminal: the
   * page's input for one command line). Its chunks are read only when a process reads
   * the terminal, so lines nobody read stay with the page (type-ahead for the prompt);
   * they pass through the line discipline like typed keys, and its end (null) is a
   * hang-up. The reader returned is the terminal's from now on: earlier readers wait on.
   */
  keyboard(source: Reader): Reader {
    this.#generation++;
    this.#source = source;
    this.#pulling = false;
    this.#ready = [];
    this.#line = '';
    this.#hungUp = false;
    // reads of the earlier readers are dropped: a process left from an earlier line does
    // not take the next one's input
    this.#waiters = [];
    this.#reader = this.#newReader();
    return this.#reader;
  }

  /** The other side went away: every read ends, now and later. */
  hangup(): void {
    this.#hungUp = true;
    this.#deliver();
  }

  #cooked(c: string): void {
    switch (c) {
      case INTR:
        this.#flush();
        this.#signal('SIGINT');
        return;
      case QUIT:
        this.#flush();
        this.#signal('SIGQUIT');
        return;
      case EOF:
        this.#hand(this.#line === '' ? null : this.#line);
        this.#line = '';
        return;
      case ERASE:
        this.#line = [...this.#line].slice(0, -1).join('');
        return;
      case KILL:
        this.#line = '';
        return;
      case '\r': // ICRNL
      case '\n':
        this.#hand(this.#line + '\n');
        this.#line = '';
        return;
      default:
        this.#line += c;
    }
  }

  /** INTR and QUIT drop the input not read yet (no NOFLSH). */
  #flush(): void {
    this.#line = '';
    this.#ready = [];
  }

  #signal(signal: SignalName): void {
    const to = this.#controllers[this.#controllers.length - 1] ?? this.#session;
    to?.(signal);
  }

  #hand(unit: string | null): void {
    this.#ready.push(unit);
    this.#deliver();
  }

  #deliver(): void {
    while (this.#waiters.length > 0 && (this.#ready.length > 0 || this.#hungUp)) {
      const waiter = this.#waiters.shift()!;
      waiter(this.#ready.length > 0 ? this.#ready.shift()! : null);
    }
    if (this.#waiters.length > 0) this.#pull();
  }

  /** Read the keyboard once for the readers waiting. */
  #pull(): void {
    const source = this.#source;
    if (!source || this.#pulling || this.#hungUp) return;
    this.#pulling = true;
    const generation = this.#generation;
    void source.read().then((chunk) => {
      // the keyboard changed meanwhile: this chunk was the earlier command's
      if (generation !== this.#generation) return;
      this.#pulling = false;
      if (chunk === null) this.hangup();
      else this.input(chunk);
      this.#deliver();
    });
  }

  #newReader(): Reader {
    const generation = this.#generation;
    const read = (): { promise: Promise<string | null>; cancel(): void } => {
      if (generation !== this.#generation) return { promise: new Promise(() => {}), cancel() {} };
      if (this.#ready.length > 0) return { promise: Promise.resolve(this.#ready.shift()!), cancel() {} };
      if (this.#hungUp) return { promise: Promise.resolve(null), cancel() {} };
      let waiter: Waiter = () => {};
      const promise = new Promise<string | null>((resolve) => (waiter = resolve));
      this.#waiters.push(waiter);
      this.#pull();
      return {
        promise,
        // a process that ended while reading takes nothing (the kernel withdraws its read)
        cancel: () => {
          const i = this.#waiters.indexOf(waiter);
          if (i >= 0) this.#waiters.splice(i, 1);
        },
      };
    };
    return new TerminalReader(read);
  }
}

/** The terminal as a stream: reads of a process that ends are withdrawn (see task.ts). */
class TerminalReader implements Reader {
  readonly #read: () => { promise: Promise<string | null>; cancel(): void };
  constructor(read: () => { promise: Promise<string | null>; cancel(): void }) {
    this.#read = read;
  }
  read(): Promise<string | null> {
    return this.#read().promise;
  }
  readCancelable(): { promise: Promise<string | null>; cancel(): void } {
    return this.#read();
  }
}

/**
 * Whether `reader` reads a terminal. A terminal's end of input is one read's (Ctrl-D):
 * a reader that buffers must ask again next time rather than remember it.
 */
export function isTerminalReader(reader: Reader): boolean {
  return reader instanceof TerminalReader;
}

/**
 * A terminal's input side as the daemon holds a container's stdin: what an attach
 * sends is typed at it, and closing it (the client's end of input, with StdinOnce)
 * hangs it up.
 */
export function terminalInput(terminal: Terminal): { write(text: string): void; close(): void } {
  return { write: (text) => terminal.input(text), close: () => terminal.hangup() };
}
