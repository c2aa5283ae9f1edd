/**
 * The read position of the YAML scanner (yaml.v3 scannerc.go's buffer helpers: skip,
 * skip_line, read, read_line): characters are code points, a mark counts them as
 * libyaml does (index, 0-based line and column), and `newlines` counts the line breaks
 * passed since the last non-blank character. Past the end every read sees NUL.
 */
import { YamlError, type Mark } from './errors.ts';
import { Reader } from './reader.ts';

export const NUL = 0;
export const c = (s: string): number => s.codePointAt(0)!;
export const SPACE = c(' ');
export const TAB = c('\t');
const CR = c('\r');
const LF = c('\n');

export const isBlank = (ch: number) => ch === SPACE || ch === TAB;
export const isBreak = (ch: number) =>
  ch === CR || ch === LF || ch === 0x85 || ch === 0x2028 || ch === 0x2029;
export const isBreakZ = (ch: number) => isBreak(ch) || ch === NUL;
export const isBlankZ = (ch: number) => isBlank(ch) || isBreakZ(ch);
export const isDigit = (ch: number) => ch >= 0x30 && ch <= 0x39;
export const isHex = (ch: number) => isDigit(ch) || (ch >= 0x41 && ch <= 0x46) || (ch >= 0x61 && ch <= 0x66);
export const asHex = (ch: number) => (ch >= 0x61 ? ch - 0x61 + 10 : ch >= 0x41 ? ch - 0x41 + 10 : ch - 0x30);
/** libyaml's is_alpha: letters, digits, `_` and `-` */
export const isAlpha = (ch: number) =>
  isDigit(ch) || (ch >= 0x41 && ch <= 0x5a) || (ch >= 0x61 && ch <= 0x7a) || ch === 0x5f || ch === 0x2d;

export class Cursor {
  readonly #in: Reader;
  #pos = 0;
  readonly mark: Mark = { index: 0, line: 0, column: 0 };
  /** line breaks passed since the last non-blank character (yaml.v3's `newlines`) */
  newlines = 0;

  constructor(input: string) {
    this.#in = new Reader(input);
  }

  /** The character `offset` ahead (NUL past the end). */
  ch(offset = 0): number {
    return this.#in.at(this.#pos + offset);
  }

  markCopy(): Mark {
    return { ...this.mark };
  }

  /** skip */
  skipChar(): void {
    if (!isBlank(this.ch())) this.newlines = 0;
    this.mark.index++;
    this.mark.column++;
    this.#pos++;
  }

  /** skip_line: CR LF counts as one break */
  skipLine(): void {
    if (this.ch() === CR && this.ch(1) === LF) {
      this.mark.index += 2;
      this.mark.column = 0;
      this.mark.line++;
      this.#pos += 2;
      this.newlines++;
    } else if (isBreak(this.ch())) {
      this.mark.index++;
      this.mark.column = 0;
      this.mark.line++;
      this.#pos++;
      this.newlines++;
    }
  }

  /** read: the character, consumed */
  read(): string {
    const s = String.fromCodePoint(this.ch());
    this.skipChar();
    return s;
  }

  /** read_line: a line break is read as `\n` (LS and PS as themselves). */
  readLine(): string {
    const ch = this.ch();
    let s: string;
    if (ch === CR && this.ch(1) === LF) {
      s = '\n';
      this.#pos += 2;
      this.mark.index++;
    } else if (ch === CR || ch === LF || ch === 0x85) {
      s = '\n';
      this.#pos++;
    } else if (ch === 0x2028 || ch === 0x2029) {
      s = String.fromCodePoint(ch);
      this.#pos++;
    } else return '';
    this.mark.index++;
    this.mark.column = 0;
    this.mark.line++;
    this.newlines++;
    return s;
  }

  skipBlanks(): void {
    while (isBlank(this.ch())) this.skipChar();
  }

  /** yaml_parser_set_scanner_error: the problem is where the cursor is */
  error(context: string, contextMark: Mark, problem: string): never {
    throw new YamlError('scanner', problem, this.markCopy(), context, contextMark);
  }
}
