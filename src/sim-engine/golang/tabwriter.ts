/**
 * Go's text/tabwriter (elastic tabstops) as forked by docker/cli in
 * cli/command/formatter/tabwriter: the same algorithm, but a cell's width is its
 * display width (go-runewidth), so CJK and emoji columns line up in a terminal.
 *
 * Cells are terminated by '\t' (or '\v', a "soft" tab); tab-terminated cells in
 * consecutive lines form a column, padded to its widest cell plus `padding`, at
 * least `minwidth`. The last cell of a line is not tab-terminated and is never
 * padded — but an *empty* cell before it still is, which is why docker tables with
 * an empty last column end in spaces. Docker tables use (10, 1, 3, ' ', 0);
 * `docker version` uses (20, 1, 1, ' ', 0).
 *
 * Differs from Go: the Escape character (0xff) and FilterHTML are not supported —
 * JS strings have no invalid-UTF-8 byte to escape with, and docker uses neither.
 */
import { stringWidth } from './unicode.ts';

/** Force right-alignment of cell content. */
export const AlignRight = 1 << 2;
/** Handle empty columns as if they were not present in the input. */
export const DiscardEmptyColumns = 1 << 3;
/** Always use tabs for indentation columns (leading empty cells). */
export const TabIndent = 1 << 4;
/** Print a vertical bar ('|') between columns (after formatting). */
export const Debug = 1 << 5;

interface Cell {
  /** length of the cell's text in buf (UTF-16 units) */
  size: number;
  /** display width of the cell's text */
  width: number;
  /** terminated by a '\t' (not '\v') */
  htab: boolean;
}

export class TabWriter {
  readonly #minwidth: number;
  readonly #tabwidth: number;
  readonly #padding: number;
  readonly #padchar: string;
  readonly #flags: number;

  #buf = '';
  #pos = 0;
  #cell: Cell = { size: 0, width: 0, htab: false };
  #lines: Cell[][] = [];
  #widths: number[] = [];
  #out: string[] = [];

  constructor(minwidth: number, tabwidth: number, padding: number, padchar: string, flags: number) {
    if (minwidth < 0 || tabwidth < 0 || padding < 0)
      throw new Error('negative minwidth, tabwidth, or padding');
    this.#minwidth = minwidth;
    this.#tabwidth = tabwidth;
    this.#padding = padding;
    this.#padchar = padchar;
    // tab padding enforces left-alignment
    this.#flags = padchar === '\t' ? flags & ~AlignRight : flags;
    this.#reset();
  }

  #reset(): void {
    this.#buf = '';
    this.#pos = 0;
    this.#cell = { size: 0, width: 0, htab: false };
    this.#lines = [[]];
    this.#widths = [];
  }

  #writePadding(textw: number, cellw: number, useTabs: boolean): void {
    if (this.#padchar === '\t' || useTabs) {
      // padding is done with tabs
      if (this.#tabwidth === 0) return; // tabs have no width - can't do any padding
      // make cellw the smallest multiple of tabwidth
      cellw = Math.ceil(cellw / this.#tabwidth) * this.#tabwidth;
      const n = cellw - textw; // amount of padding
      if (n < 0) throw new Error('internal error');
      this.#out.push('\t'.repeat(Math.ceil(n / this.#tabwidth)));
      return;
    }
    // padding is done with non-tab characters
    if (cellw > textw) this.#out.push(this.#padchar.repeat(cellw - textw));
  }

  #writeLines(pos0: number, line0: number, line1: number): number {
    let pos = pos0;
    for (let i = line0; i < line1; i++) {
      const line = this.#lines[i]!;
      // if TabIndent is set, use tabs to pad leading empty cells
      let useTabs = (this.#flags & TabIndent) !== 0;
      line.forEach((c, j) => {
        if (j > 0 && (this.#flags & Debug) !== 0) this.#out.push('|'); // indicate column break
        if (c.size === 0) {
          // empty cell
          if (j < this.#widths.length) this.#writePadding(c.width, this.#widths[j]!, useTabs);
        } else {
          // non-empty cell
          useTabs = false;
          const text = this.#buf.slice(pos, pos + c.size);
          pos += c.size;
          if ((this.#flags & AlignRight) === 0) {
            this.#out.push(text);
            if (j < this.#widths.length) this.#writePadding(c.width, this.#widths[j]!, false);
          } else {
            if (j < this.#widths.length) this.#writePadding(c.width, this.#widths[j]!, false);
            this.#out.push(text);
          }
        }
      });
      if (i + 1 === this.#lines.length) {
        // last buffered line - we don't have a newline, so just write any outstanding buffered data
        this.#out.push(this.#buf.slice(pos, pos + this.#cell.size));
        pos += this.#cell.size;
      } else {
        this.#out.push('\n');
      }
    }
    return pos;
  }

  /**
   * Format the text between line0 and line1 (excluding line1); pos is the buffer
   * position of the beginning of line0. Returns the buffer position of line1.
   */
  #format(pos0: number, line0: number, line1: number): number {
    let pos = pos0;
    const column = this.#widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= this.#lines[current]!.length - 1) continue;
      // cell exists in this column => this line has more cells than the previous line
      // (the last cell per line is ignored because cells are tab-terminated; the last
      // cell per line describes the text before the newline and is not in a column)

      // print unprinted lines until beginning of block
      pos = this.#writeLines(pos, line0, current);
      line0 = current;

      // column block begin
      let width = this.#minwidth; // minimal column width
      let discardable = true; // true if all cells in this column are empty and "soft"
      for (; current < line1; current++) {
        const line = this.#lines[current]!;
        if (column >= line.length - 1) break;
        // cell exists in this column
        const c = line[column]!;
        width = Math.max(width, c.width + this.#padding);
        if (c.width > 0 || c.htab) discardable = false;
      }
      // column block end

      // discard empty columns if necessary
      if (discardable && (this.#flags & DiscardEmptyColumns) !== 0) width = 0;

      // format and print all columns to the right of this column
      // (we know the widths of this column and all columns to the left)
      this.#widths.push(width);
      pos = this.#format(pos, line0, current);
      this.#widths.pop();
      line0 = current;
      // (the loop's increment skips the line that ended the block; it has no cell
      // in this column, so it would have been skipped anyway)
    }
    // print unprinted lines until end
    return this.#writeLines(pos, line0, line1);
  }

  #append(text: string): void {
    this.#buf += text;
    this.#cell.size += text.length;
  }

  #updateWidth(): void {
    this.#cell.width += stringWidth(this.#buf.slice(this.#pos));
    this.#pos = this.#buf.length;
  }

  /** Terminate the current cell; returns the number of cells in the line. */
  #terminateCell(htab: boolean): number {
    this.#cell.htab = htab;
    const line = this.#lines[this.#lines.length - 1]!;
    line.push(this.#cell);
    this.#cell = { size: 0, width: 0, htab: false };
    return line.length;
  }

  #flushInternal(): void {
    // add current cell if not empty
    if (this.#cell.size > 0) this.#terminateCell(false);
    // format contents of buffer
    this.#format(0, 0, this.#lines.length);
    this.#reset();
  }

  /** Write text; complete lines may be formatted (and output) as soon as they can be. */
  write(text: string): void {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue;
      // end of cell
      this.#append(text.slice(n, i));
      this.#updateWidth();
      n = i + 1; // ch consumed
      const ncells = this.#terminateCell(ch === '\t');
      if (ch === '\n' || ch === '\f') {
        // terminate line
        this.#lines.push([]);
        if (ch === '\f' || ncells === 1) {
          // A '\f' always forces a flush. Otherwise, if the previous line has only one
          // cell, it does not affect the formatting of the lines that follow.
          this.#flushInternal();
          if (ch === '\f' && (this.#flags & Debug) !== 0) this.#out.push('---\n'); // section break
        }
      }
    }
    // append leftover text
    this.#append(text.slice(n));
  }

  /** Format everything buffered; returns all output produced since the last flush. */
  flush(): string {
    this.#flushInternal();
    const out = this.#out.join('');
    this.#out = [];
    return out;
  }
}

/** Align `text` in one go: `new TabWriter(...)`, write, flush. */
export function tabwrite(
  text: string,
  minwidth: number,
  tabwidth: number,
  padding: number,
  padchar: string,
  flags = 0,
): string {
  const w = new TabWriter(minwidth, tabwidth, padding, padchar, flags);
  w.write(text);
  return w.flush();
}
