/**
 * The prompt's line editor, readline-style: insert and delete at the cursor, move by
 * character and word, Ctrl-U/K/W, history with ↑/↓ (the line being written is kept
 * while browsing). It knows nothing of xterm: `render` returns the bytes that redraw
 * the prompt and the line, wrapped at `cols`, and leave the cursor where it belongs.
 */
export class LineEditor {
  #text = '';
  #cursor = 0;
  #history: string[] = [];
  /** position while browsing history; history.length means the line being written */
  #browse = 0;
  #draft = '';
  /** where the terminal's cursor is, in cells from the start of the prompt */
  #shown = 0;

  get text(): string {
    return this.#text;
  }

  get cursor(): number {
    return this.#cursor;
  }

  get history(): readonly string[] {
    return this.#history;
  }

  set(text: string): void {
    this.#text = text;
    this.#cursor = text.length;
  }

  insert(text: string): void {
    this.#text = this.#text.slice(0, this.#cursor) + text + this.#text.slice(this.#cursor);
    this.#cursor += text.length;
  }

  /** Put `text` in place of the line's `from`…cursor (a completed word); the cursor goes after it. */
  replace(from: number, text: string): void {
    const start = Math.max(0, Math.min(from, this.#cursor));
    this.#text = this.#text.slice(0, start) + text + this.#text.slice(this.#cursor);
    this.#cursor = start + text.length;
  }

  /** Lines typed before (a saved lab's), oldest first, for ↑/↓; the browse starts after them. */
  restoreHistory(lines: readonly string[]): void {
    const kept = lines.filter((l) => l.trim() !== '');
    this.#history = [...kept, ...this.#history];
    this.#browse = this.#history.length;
  }

  backspace(): void {
    if (this.#cursor === 0) return;
    this.#text = this.#text.slice(0, this.#cursor - 1) + this.#text.slice(this.#cursor);
    this.#cursor--;
  }

  delete(): void {
    this.#text = this.#text.slice(0, this.#cursor) + this.#text.slice(this.#cursor + 1);
  }

  move(to: 'left' | 'right' | 'home' | 'end' | 'word-left' | 'word-right'): void {
    const t = this.#text;
    let c = this.#cursor;
    if (to === 'left') c = Math.max(0, c - 1);
    else if (to === 'right') c = Math.min(t.length, c + 1);
    else if (to === 'home') c = 0;
    else if (to === 'end') c = t.length;
    else if (to === 'word-left') {
      while (c > 0 && t[c - 1] === ' ') c--;
      while (c > 0 && t[c - 1] !== ' ') c--;
    } else {
      while (c < t.length && t[c] === ' ') c++;
      while (c < t.length && t[c] !== ' ') c++;
    }
    this.#cursor = c;
  }

  kill(what: 'kill-start' | 'kill-end' | 'kill-word'): void {
    const t = this.#text;
    if (what === 'kill-end') this.#text = t.slice(0, this.#cursor);
    else {
      const from = this.#cursor;
      if (what === 'kill-start') this.#cursor = 0;
      else {
        while (this.#cursor > 0 && t[this.#cursor - 1] === ' ') this.#cursor--;
        while (this.#cursor > 0 && t[this.#cursor - 1] !== ' ') this.#cursor--;
      }
      this.#text = t.slice(0, this.#cursor) + t.slice(from);
    }
  }

  /** ↑ (-1) or ↓ (+1) through the history. */
  recall(step: -1 | 1): void {
    const to = this.#browse + step;
    if (to < 0 || to > this.#history.length) return;
    if (this.#browse === this.#history.length) this.#draft = this.#text;
    this.#browse = to;
    this.set(to === this.#history.length ? this.#draft : this.#history[to]!);
  }

  /** Enter: the line is done; it joins the history (not blank, not a repeat) and the editor empties. */
  accept(): string {
    const line = this.#text;
    if (line.trim() !== '' && this.#history[this.#history.length - 1] !== line) this.#history.push(line);
    this.#browse = this.#history.length;
    this.#draft = '';
    this.#text = '';
    this.#cursor = 0;
    this.#shown = 0;
    return line;
  }

  /** Drop the line (Ctrl-C at the prompt). */
  discard(): void {
    this.#browse = this.#history.length;
    this.#text = '';
    this.#cursor = 0;
    this.#shown = 0;
  }

  /** The next prompt starts at the cursor, at column 0. */
  fresh(): void {
    this.#shown = 0;
  }

  /**
   * Bytes that take the cursor from where the line is shown to the start of the row
   * below its end (where a list of completions goes); the next render starts afresh there.
   */
  below(prompt: string, cols: number): string {
    const width = Math.max(1, cols);
    const end = prompt.length + this.#text.length;
    const down = Math.floor(end / width) - Math.floor(this.#shown / width);
    this.#shown = 0;
    return (down > 0 ? `\x1b[${down}B` : '') + '\r\n';
  }

  /**
   * Bytes that redraw `prompt` + the line from where the prompt starts and put the
   * cursor at the editing position; the prompt must have started at column 0.
   */
  render(prompt: string, cols: number): string {
    const width = Math.max(1, cols);
    let out = '';
    const up = Math.floor(this.#shown / width);
    if (up > 0) out += `\x1b[${up}A`;
    out += '\r\x1b[J' + prompt + this.#text;
    const end = prompt.length + this.#text.length;
    // a line that exactly fills its last row leaves xterm's cursor waiting to wrap: wrap it
    if (end > 0 && end % width === 0) out += ' \b';
    const target = prompt.length + this.#cursor;
    const back = Math.floor(end / width) - Math.floor(target / width);
    if (back > 0) out += `\x1b[${back}A`;
    out += '\r';
    if (target % width > 0) out += `\x1b[${target % width}C`;
    this.#shown = target;
    return out;
  }
}
