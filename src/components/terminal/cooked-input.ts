/**
 * The terminal's input while a command runs, as a tty in canonical mode hands it over:
 * a line at a time when Enter is pressed, end of input on Ctrl-D at the start of a
 * line. Lines nobody read when the command ends are type-ahead: the prompt runs them
 * next, as bash would.
 */
export class CookedInput {
  #lines: (string | null)[] = [];
  #waiting: ((chunk: string | null) => void) | undefined;
  #ended = false;

  read(): Promise<string | null> {
    if (this.#lines.length > 0) return Promise.resolve(this.#lines.shift()!);
    if (this.#ended) return Promise.resolve(null);
    return new Promise((resolve) => (this.#waiting = resolve));
  }

  /** a line typed and ended with Enter (without its newline) */
  line(text: string): void {
    this.#give(`${text}\n`);
  }

  /** Ctrl-D: what is typed so far, or end of input on an empty line */
  eof(text: string): void {
    if (text !== '') this.#give(text);
    else {
      this.#ended = true;
      this.#give(null);
    }
  }

  /** lines typed but not read: the command ended before it asked for them */
  unread(): string[] {
    return this.#lines.filter((l): l is string => l !== null).map((l) => l.replace(/\n$/, ''));
  }

  #give(chunk: string | null): void {
    const waiting = this.#waiting;
    this.#waiting = undefined;
    if (waiting) waiting(chunk);
    else this.#lines.push(chunk);
  }
}
