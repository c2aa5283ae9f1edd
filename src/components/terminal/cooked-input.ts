/**
 * The terminal's input while a command runs. The page does a tty's canonical-mode
 * editing itself (echo, backspace, Ctrl-U) and hands over what the node's terminal in
 * the engine would read: a line when Enter is pressed; Ctrl-D as the byte 0x04 after
 * what is typed so far; other control keys (Ctrl-P, Ctrl-Q) as their bytes at once.
 * The engine's line discipline acts on those bytes — Ctrl-D ends one read of a cooked
 * terminal — or passes them on in raw mode (`docker run -it` sends them to the
 * container's terminal). Lines nobody read when the command ends are type-ahead: the
 * prompt runs them next, as bash would.
 */
export class CookedInput {
  #chunks: string[] = [];
  #waiting: ((chunk: string | null) => void) | undefined;

  /** The next chunk typed; the keyboard never ends (null is never given). */
  read(): Promise<string | null> {
    if (this.#chunks.length > 0) return Promise.resolve(this.#chunks.shift()!);
    return new Promise((resolve) => (this.#waiting = resolve));
  }

  /** a line typed and ended with Enter (without its newline) */
  line(text: string): void {
    this.#give(`${text}\n`);
  }

  /** Ctrl-D: what is typed so far, then EOF (0x04) */
  eof(text: string): void {
    this.#give(`${text}\x04`);
  }

  /** a control key the line editing does not act on (Ctrl-P, Ctrl-Q), sent as it is typed */
  key(byte: string): void {
    this.#give(byte);
  }

  /** lines typed but not read: the command ended before it asked for them */
  unread(): string[] {
    return this.#chunks.filter((c) => c.endsWith('\n')).map((c) => c.slice(0, -1));
  }

  #give(chunk: string): void {
    const waiting = this.#waiting;
    this.#waiting = undefined;
    if (waiting) waiting(chunk);
    else this.#chunks.push(chunk);
  }
}
