/**
 * The streams processes talk through. Everything is text, a chunk at a time; reading
 * waits on a promise that a write (or the end of input) resolves, never on a timer, so
 * a pipeline runs as fast as the event loop and the virtual clock never moves for it.
 */
import type { Reader, Writer } from './types.ts';

/**
 * A pipe: what is written comes out of `read()` in order. `close()` ends the input
 * (readers get what is buffered, then null). `closeRead()` is the reading end going
 * away: writes are dropped from then on and `onBroken` listeners hear of it once, so
 * the shell can end the writer as SIGPIPE would (`yes | head -1`).
 */
export class Pipe implements Reader, Writer {
  #chunks: string[] = [];
  #closed = false;
  #broken = false;
  #waiting: ((chunk: string | null) => void)[] = [];
  #onBroken: (() => void)[] = [];

  write(text: string): void {
    if (this.#closed || this.#broken || text === '') return;
    const reader = this.#waiting.shift();
    if (reader) reader(text);
    else this.#chunks.push(text);
  }

  /** End of input: no more writes; readers drain the buffer and then get null. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const reader of this.#waiting.splice(0)) reader(null);
  }

  read(): Promise<string | null> {
    if (this.#chunks.length > 0) {
      const text = this.#chunks.length === 1 ? this.#chunks[0]! : this.#chunks.join('');
      this.#chunks = [];
      return Promise.resolve(text);
    }
    if (this.#closed || this.#broken) return Promise.resolve(null);
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /**
   * A read that can be withdrawn before anything arrives, so that a process killed
   * while reading does not swallow the next chunk meant for another reader. A
   * withdrawn read never resolves.
   */
  readCancelable(): { promise: Promise<string | null>; cancel(): void } {
    if (this.#chunks.length > 0 || this.#closed || this.#broken) return { promise: this.read(), cancel() {} };
    let waiter: (chunk: string | null) => void = () => {};
    const promise = new Promise<string | null>((resolve) => {
      waiter = resolve;
      this.#waiting.push(resolve);
    });
    const cancel = () => {
      const i = this.#waiting.indexOf(waiter);
      if (i >= 0) this.#waiting.splice(i, 1);
    };
    return { promise, cancel };
  }

  /** The reading end is gone (its process ended): drop what is buffered and what comes. */
  closeRead(): void {
    if (this.#broken) return;
    this.#broken = true;
    this.#chunks = [];
    for (const listener of this.#onBroken.splice(0)) listener();
  }

  /** Be told once when the reading end goes away; at once if it already has. */
  onBroken(listener: () => void): void {
    if (this.#broken) listener();
    else this.#onBroken.push(listener);
  }

  get closed(): boolean {
    return this.#closed;
  }

  get broken(): boolean {
    return this.#broken;
  }

  /** Text written and not yet read. */
  get buffered(): string {
    return this.#chunks.join('');
  }
}

/** Whole lines from a Reader, keeping what follows the last newline for the next call. */
export class LineReader {
  readonly #reader: Reader;
  #buffer = '';
  #eof = false;

  constructor(reader: Reader) {
    this.#reader = reader;
  }

  /**
   * The next line without its `\n`; a last line without a newline is returned as it
   * is; null at end of input.
   */
  async readLine(): Promise<string | null> {
    for (;;) {
      const nl = this.#buffer.indexOf('\n');
      if (nl >= 0) {
        const line = this.#buffer.slice(0, nl);
        this.#buffer = this.#buffer.slice(nl + 1);
        return line;
      }
      if (this.#eof) {
        if (this.#buffer === '') return null;
        const line = this.#buffer;
        this.#buffer = '';
        return line;
      }
      const chunk = await this.#reader.read();
      if (chunk === null) this.#eof = true;
      else this.#buffer += chunk;
    }
  }

  /** Everything left, buffered or still to come (`cat` after `read` in a shell). */
  async readAll(): Promise<string> {
    let text = this.#buffer;
    this.#buffer = '';
    while (!this.#eof) {
      const chunk = await this.#reader.read();
      if (chunk === null) this.#eof = true;
      else text += chunk;
    }
    return text;
  }

  /** A Reader of what this one has not handed out yet, buffered text first. */
  rest(): Reader {
    return {
      read: async () => {
        if (this.#buffer !== '') {
          const text = this.#buffer;
          this.#buffer = '';
          return text;
        }
        if (this.#eof) return null;
        const chunk = await this.#reader.read();
        if (chunk === null) this.#eof = true;
        return chunk;
      },
    };
  }
}

/** Read a Reader to its end. */
export async function readAll(reader: Reader): Promise<string> {
  let text = '';
  for (let chunk = await reader.read(); chunk !== null; chunk = await reader.read()) text += chunk;
  return text;
}

/** Keeps everything written, for `$(…)`, tests and `docker logs`. */
export class CollectingWriter implements Writer {
  #chunks: string[] = [];

  write(text: string): void {
    if (text !== '') this.#chunks.push(text);
  }

  get text(): string {
    if (this.#chunks.length > 1) this.#chunks = [this.#chunks.join('')];
    return this.#chunks[0] ?? '';
  }

  clear(): void {
    this.#chunks = [];
  }
}

/** A writer that drops everything (`/dev/null`, `docker run -d`'s unattached streams). */
export const nullWriter: Writer = { write() {} };

/** End of input at once (`< /dev/null`, a detached container's stdin). */
export class NullReader implements Reader {
  read(): Promise<string | null> {
    return Promise.resolve(null);
  }
}

/** A fixed text, then end of input (here-strings, `docker run -i` with piped input). */
export class StringReader implements Reader {
  #text: string | null;

  constructor(text: string) {
    this.#text = text === '' ? null : text;
  }

  read(): Promise<string | null> {
    const text = this.#text;
    this.#text = null;
    return Promise.resolve(text);
  }
}

/** Writes to each of several writers (`tee`, a container's output to logs and attach). */
export class TeeWriter implements Writer {
  readonly #targets: Writer[];

  constructor(...targets: Writer[]) {
    this.#targets = targets;
  }

  write(text: string): void {
    for (const target of this.#targets) target.write(text);
  }
}
