/**
 * The shell's file descriptors: which Reader or Writer each number stands for.
 * Redirections make a new table for one command (copy on write); `exec` changes the
 * shell's own. Also the writers the shell makes: files written as they are written
 * to (so `echo a > f; cat f` sees `a`), and pipe ends that end a writer the way
 * SIGPIPE does.
 */
import type { FileSystem } from '../fs/types.ts';
import { unwrap } from '../process/context.ts';
import { Pipe } from '../process/streams.ts';
import { isTerminalReader } from '../process/terminal.ts';
import type { Reader, Writer } from '../process/types.ts';
import { BrokenPipe } from './signals.ts';

export interface Fd {
  reader?: Reader;
  writer?: Writer;
}

const CLOSED_READER: Reader = { read: () => Promise.resolve(null) };
const DROP: Writer = { write() {} };

/**
 * A descriptor table. Entries are boxes: `exec >file` changes a box in place, so the
 * change reaches every table that shares it (the shell's own, an enclosing group's),
 * while a redirection makes a new box for its command only, and a subshell gets
 * copies of all of them.
 */
export class Io {
  readonly fds: (Fd | undefined)[];

  constructor(fds: (Fd | undefined)[]) {
    this.fds = fds;
  }

  static of(stdin: Reader, stdout: Writer, stderr: Writer): Io {
    return new Io([{ reader: stdin }, { writer: stdout }, { writer: stderr }]);
  }

  get(fd: number): Fd | undefined {
    return this.fds[fd];
  }

  /** A copy with `fd` replaced by a new box (or closed, when `entry` is undefined). */
  with(fd: number, entry: Fd | undefined): Io {
    const fds = this.fds.slice();
    while (fds.length <= fd) fds.push(undefined);
    fds[fd] = entry && { ...entry };
    return new Io(fds);
  }

  /** `exec`'s redirection: change `fd` in this table for good (in its box, if it has one). */
  set(fd: number, entry: Fd | undefined): void {
    const box = this.fds[fd];
    if (box && entry) {
      box.reader = entry.reader;
      box.writer = entry.writer;
      return;
    }
    while (this.fds.length <= fd) this.fds.push(undefined);
    this.fds[fd] = entry && { ...entry };
  }

  /** Copies of every box, for a subshell. */
  clone(): Io {
    return new Io(this.fds.map((f) => f && { ...f }));
  }

  get stdin(): Reader {
    return this.fds[0]?.reader ?? CLOSED_READER;
  }

  get stdout(): Writer {
    return this.fds[1]?.writer ?? DROP;
  }

  get stderr(): Writer {
    return this.fds[2]?.writer ?? DROP;
  }
}

/** Appends each write to a file (the file was created or truncated when it was opened). */
export class FileWriter implements Writer {
  readonly #fs: FileSystem;
  readonly path: string;

  constructor(fs: FileSystem, path: string) {
    this.#fs = fs;
    this.path = path;
  }

  write(text: string): void {
    if (text === '') return;
    try {
      this.#fs.writeFile(this.path, text, { append: true });
    } catch {
      // the file went away (rm while writing): the data is lost, as on a real disk
    }
  }
}

/**
 * The writing end of a pipe as the shell's own commands see it: once the reader has
 * gone, a write ends the writer with SIGPIPE's status (141).
 */
export class PipeWriter implements Writer {
  readonly pipe: Pipe;

  constructor(pipe: Pipe) {
    this.pipe = pipe;
  }

  write(text: string): void {
    if (this.pipe.broken) throw new BrokenPipe();
    this.pipe.write(text);
  }
}

/**
 * The writer to hand a child process: a broken pipe calls `onBroken` (which ends the
 * child as SIGPIPE would) instead of throwing into the child's code.
 */
export function guardForChild(w: Writer, onBroken: () => void): Writer {
  if (!(w instanceof PipeWriter)) return w;
  const pipe = w.pipe;
  return {
    write(text: string) {
      if (pipe.broken) onBroken();
      else pipe.write(text);
    },
  };
}

/**
 * Line-at-a-time reading that leaves the rest for whoever reads next: `read` takes
 * one line and `cat` after it gets the others, and a shell reading its script from
 * stdin leaves the lines after `read` to the `read`.
 */
export class InputBuffer {
  readonly #reader: Reader;
  #buffer = '';
  #eof = false;
  /**
   * A terminal's end of input is one read's (Ctrl-D): once taken, the next read asks the
   * terminal again — `cat` ended with Ctrl-D, the shell reads its next command.
   */
  readonly #eofOnce: boolean;
  /** one read of the source at a time; every waiting reader looks at the buffer after it */
  #filling: Promise<void> | undefined;

  constructor(reader: Reader) {
    this.#reader = reader;
    this.#eofOnce = isTerminalReader(unwrap(reader));
  }

  /** The end of input was handed out: a terminal's is used up. */
  #tookEof(): void {
    if (this.#eofOnce) this.#eof = false;
  }

  #fill(): Promise<void> {
    this.#filling ??= this.#reader.read().then((chunk) => {
      this.#filling = undefined;
      if (chunk === null) this.#eof = true;
      else this.#buffer += chunk;
    });
    return this.#filling;
  }

  /**
   * The next line and whether it ended with a newline; null at end of input, or as
   * soon as `cancelled()` says so (a `read` given up on Ctrl-C takes nothing).
   */
  async readLine(cancelled: () => boolean = () => false): Promise<{ line: string; eol: boolean } | null> {
    for (;;) {
      if (cancelled()) return null;
      const nl = this.#buffer.indexOf('\n');
      if (nl >= 0) {
        const line = this.#buffer.slice(0, nl);
        this.#buffer = this.#buffer.slice(nl + 1);
        return { line, eol: true };
      }
      if (this.#eof) {
        this.#tookEof();
        if (this.#buffer === '') return null;
        const line = this.#buffer;
        this.#buffer = '';
        return { line, eol: false };
      }
      await this.#fill();
    }
  }

  /** Up to `n` characters (`read -n`); null at end of input. */
  async readChars(n: number, cancelled: () => boolean = () => false): Promise<string | null> {
    while (this.#buffer.length < n && !this.#eof) {
      if (cancelled()) return null;
      await this.#fill();
    }
    if (cancelled()) return null;
    if (this.#buffer.length < n) this.#tookEof();
    if (this.#buffer === '') return null;
    const text = this.#buffer.slice(0, n);
    this.#buffer = this.#buffer.slice(n);
    return text;
  }

  /** A Reader of what has not been handed out: the buffered text, then the source. */
  rest(): Reader {
    return {
      read: async () => {
        if (this.#buffer === '' && !this.#eof) await this.#fill();
        if (this.#buffer !== '') {
          const text = this.#buffer;
          this.#buffer = '';
          return text;
        }
        this.#tookEof();
        return null;
      },
    };
  }
}

const buffers = new WeakMap<Reader, InputBuffer>();

/** The one InputBuffer of a Reader, so everything that reads it shares what is buffered. */
export function inputBuffer(reader: Reader): InputBuffer {
  let b = buffers.get(reader);
  if (!b) {
    b = new InputBuffer(reader);
    buffers.set(reader, b);
  }
  return b;
}

/**
 * What a child should read for this Reader: what the shell buffered first. A pipe
 * between stages is handed over wrapped, so the kernel does not count the child as
 * its only reader and break it when the child ends (the stage's other commands may
 * still read it).
 */
export function readerForChild(reader: Reader): Reader {
  const b = buffers.get(reader);
  if (b) return b.rest();
  if (reader instanceof Pipe) return { read: () => reader.read() };
  return reader;
}
