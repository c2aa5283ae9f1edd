/**
 * An async queue: the producer pushes, the consumer iterates with `for await`. The
 * engine's streams (logs -f, events, pull progress, attach) are built on it. No timers:
 * a waiting consumer is woken by the next push or by close().
 */
export class AsyncQueue<T> implements AsyncIterable<T> {
  #items: T[] = [];
  #waiting: ((result: IteratorResult<T>) => void) | undefined;
  #closed = false;
  #onClose: (() => void) | undefined;

  /** @param onClose called once when the consumer stops or the producer closes */
  constructor(onClose?: () => void) {
    this.#onClose = onClose;
  }

  get closed(): boolean {
    return this.#closed;
  }

  push(item: T): void {
    if (this.#closed) return;
    const waiting = this.#waiting;
    if (waiting) {
      this.#waiting = undefined;
      waiting({ value: item, done: false });
    } else {
      this.#items.push(item);
    }
  }

  /** End the stream; items already queued are still delivered. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    const onClose = this.#onClose;
    this.#onClose = undefined;
    onClose?.();
    const waiting = this.#waiting;
    if (waiting && this.#items.length === 0) {
      this.#waiting = undefined;
      waiting({ value: undefined, done: true });
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.#items.length > 0) return Promise.resolve({ value: this.#items.shift()!, done: false });
    if (this.#closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.#waiting = resolve;
    });
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: () => this.next(),
      return: () => {
        this.close();
        this.#items = [];
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}
