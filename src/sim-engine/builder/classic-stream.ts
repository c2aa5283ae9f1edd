/**
 * The classic builder's JSON stream, apart from the steps that fill it (classic.ts):
 * what moby's legacy builder does with the messages themselves. The request's
 * HTTP answer waits for the first message (a build that fails before writing any is
 * an HTTP error instead); with `q` the messages are held back (moby's
 * notVerboseBuffer) and only written, all at once, when the build fails.
 */
import { AsyncQueue } from '../api/stream.ts';

export type Message = Record<string, unknown>;

/** stringid.TruncateID */
export function short(id: string): string {
  return id.replace(/^[^:]*:/, '').slice(0, 12);
}

export class ClassicStream {
  readonly #quiet: boolean;
  readonly #queue = new AsyncQueue<Message>();
  /** with `q`, what would have been written (moby's notVerboseBuffer) */
  readonly #buffer: Message[] = [];
  #written = false;
  #start!: { resolve: (q: AsyncQueue<Message>) => void; reject: (e: unknown) => void };
  /** the stream, once its first message was written; rejected by a failure before it */
  readonly started: Promise<AsyncQueue<Message>>;

  constructor(quiet: boolean) {
    this.#quiet = quiet;
    this.started = new Promise((resolve, reject) => (this.#start = { resolve, reject }));
  }

  /** A message of the build's log: held back with `q`. */
  write(m: Message): void {
    if (this.#quiet) {
      this.#buffer.push(m);
      return;
    }
    this.#push(m);
  }

  /** A `stream` text, as the CLI prints it. */
  stdout(text: string): void {
    this.write({ stream: text });
  }

  #push(m: Message): void {
    this.#queue.push(m);
    if (!this.#written) {
      this.#written = true;
      this.#start.resolve(this.#queue);
    }
  }

  /** The build succeeded: with `q`, the image ID is all that is written. */
  finish(id: string): void {
    if (this.#quiet) this.#push({ stream: `${id}\n` });
    this.#end();
  }

  /**
   * The build failed: with `q` the held-back log comes first; then, when nothing was
   * written at all, `rejection` answers the request, else an error message ends the stream.
   */
  fail(rejection: unknown, message: string, code: number | undefined): void {
    if (this.#quiet) for (const m of this.#buffer) this.#push(m);
    if (!this.#written) {
      this.#start.reject(rejection);
      this.#queue.close();
      return;
    }
    this.#queue.push({ errorDetail: { ...(code ? { code } : {}), message }, error: message });
    this.#end();
  }

  #end(): void {
    if (!this.#written) {
      this.#written = true;
      this.#start.resolve(this.#queue);
    }
    this.#queue.close();
  }
}
