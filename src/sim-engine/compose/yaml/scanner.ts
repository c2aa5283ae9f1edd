/**
 * The YAML scanner of gopkg.in/yaml.v3 (scannerc.go, a port of libyaml), which is what
 * `docker stack deploy` parses compose files with: the same tokens, simple keys,
 * indentation stack and error texts, so that a broken file fails with Docker's words
 * and Docker's line. Comments are skipped (yaml.v3 collects them for its Node API,
 * which a compose file never reaches); everything that decides whether a file scans,
 * and where it fails, is kept statement for statement.
 *
 * Characters are code points; a mark's index and column count code points, as libyaml's
 * do. Past the end of the input every read sees NUL, libyaml's end-of-buffer sentinel.
 */
import { utf8Decode } from './bytes.ts';
import { YamlError, type Mark } from './errors.ts';
import { Reader } from './reader.ts';

export type TokenType =
  | 'STREAM-START'
  | 'STREAM-END'
  | 'VERSION-DIRECTIVE'
  | 'TAG-DIRECTIVE'
  | 'DOCUMENT-START'
  | 'DOCUMENT-END'
  | 'BLOCK-SEQUENCE-START'
  | 'BLOCK-MAPPING-START'
  | 'BLOCK-END'
  | 'FLOW-SEQUENCE-START'
  | 'FLOW-SEQUENCE-END'
  | 'FLOW-MAPPING-START'
  | 'FLOW-MAPPING-END'
  | 'BLOCK-ENTRY'
  | 'FLOW-ENTRY'
  | 'KEY'
  | 'VALUE'
  | 'ALIAS'
  | 'ANCHOR'
  | 'TAG'
  | 'SCALAR';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

export interface Token {
  type: TokenType;
  start: Mark;
  end: Mark;
  /** scalar text, anchor/alias name, tag handle, %TAG handle */
  value?: string;
  /** tag suffix */
  suffix?: string;
  /** %TAG prefix */
  prefix?: string;
  style?: ScalarStyle;
  major?: number;
  minor?: number;
}

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  mark: Mark;
}

const MAX_FLOW_LEVEL = 10000;
const MAX_INDENTS = 10000;

const NUL = 0;
const c = (s: string): number => s.codePointAt(0)!;
const SPACE = c(' ');
const TAB = c('\t');
const CR = c('\r');
const LF = c('\n');

const isBlank = (ch: number) => ch === SPACE || ch === TAB;
const isBreak = (ch: number) => ch === CR || ch === LF || ch === 0x85 || ch === 0x2028 || ch === 0x2029;
const isBreakZ = (ch: number) => isBreak(ch) || ch === NUL;
const isBlankZ = (ch: number) => isBlank(ch) || isBreakZ(ch);
const isDigit = (ch: number) => ch >= 0x30 && ch <= 0x39;
const isHex = (ch: number) => isDigit(ch) || (ch >= 0x41 && ch <= 0x46) || (ch >= 0x61 && ch <= 0x66);
const asHex = (ch: number) => (ch >= 0x61 ? ch - 0x61 + 10 : ch >= 0x41 ? ch - 0x41 + 10 : ch - 0x30);
/** libyaml's is_alpha: letters, digits, `_` and `-` */
const isAlpha = (ch: number) =>
  isDigit(ch) || (ch >= 0x41 && ch <= 0x5a) || (ch >= 0x61 && ch <= 0x7a) || ch === 0x5f || ch === 0x2d;
const URI_CHARS = new Set([...";/?:@&=+$,.!~*'()[]%"].map(c));

export class Scanner {
  readonly #in: Reader;
  #pos = 0;
  #mark: Mark = { index: 0, line: 0, column: 0 };

  #tokens: Token[] = [];
  #tokensHead = 0;
  #tokensParsed = 0;
  #tokenAvailable = false;
  #streamStartProduced = false;
  #streamEndProduced = false;

  #indent = -1;
  #indents: number[] = [];
  #simpleKeyAllowed = false;
  #simpleKeys: SimpleKey[] = [];
  #simpleKeysByTok = new Map<number, number>();
  #flowLevel = 0;
  /** line breaks passed since the last non-blank character (yaml.v3's `newlines`) */
  #newlines = 0;

  constructor(input: string) {
    this.#in = new Reader(input);
  }

  /** The next token without consuming it (peek_token). */
  peek(): Token {
    if (!this.#tokenAvailable) this.#fetchMoreTokens();
    return this.#tokens[this.#tokensHead]!;
  }

  /** Consume the peeked token (skip_token). */
  skip(): void {
    this.#tokenAvailable = false;
    this.#tokensParsed++;
    this.#streamEndProduced = this.#tokens[this.#tokensHead]!.type === 'STREAM-END';
    this.#tokensHead++;
  }

  get streamEndProduced(): boolean {
    return this.#streamEndProduced;
  }

  // -------------------------------------------------------------------------
  // the buffer

  #ch(offset = 0): number {
    return this.#in.at(this.#pos + offset, this.#mark);
  }

  #markCopy(): Mark {
    return { ...this.#mark };
  }

  #skipChar(): void {
    if (!isBlank(this.#ch())) this.#newlines = 0;
    this.#mark.index++;
    this.#mark.column++;
    this.#pos++;
  }

  #skipLine(): void {
    if (this.#ch() === CR && this.#ch(1) === LF) {
      this.#mark.index += 2;
      this.#mark.column = 0;
      this.#mark.line++;
      this.#pos += 2;
      this.#newlines++;
    } else if (isBreak(this.#ch())) {
      this.#mark.index++;
      this.#mark.column = 0;
      this.#mark.line++;
      this.#pos++;
      this.#newlines++;
    }
  }

  #read(): string {
    const s = String.fromCodePoint(this.#ch());
    this.#skipChar();
    return s;
  }

  /** read_line: a line break is read as `\n` (LS and PS as themselves). */
  #readLine(): string {
    const ch = this.#ch();
    let s: string;
    if (ch === CR && this.#ch(1) === LF) {
      s = '\n';
      this.#pos += 2;
      this.#mark.index++;
    } else if (ch === CR || ch === LF || ch === 0x85) {
      s = '\n';
      this.#pos++;
    } else if (ch === 0x2028 || ch === 0x2029) {
      s = String.fromCodePoint(ch);
      this.#pos++;
    } else return '';
    this.#mark.index++;
    this.#mark.column = 0;
    this.#mark.line++;
    this.#newlines++;
    return s;
  }

  #error(context: string, contextMark: Mark, problem: string): never {
    throw new YamlError('scanner', problem, this.#markCopy(), context, contextMark);
  }

  // -------------------------------------------------------------------------
  // the token queue

  #insert(pos: number, token: Token): void {
    if (pos < 0) this.#tokens.push(token);
    else this.#tokens.splice(this.#tokensHead + pos, 0, token);
  }

  #fetchMoreTokens(): void {
    for (;;) {
      if (this.#tokensHead < this.#tokens.length - 2) {
        // a token that may still become a simple key's KEY must wait for its ':'
        const idx = this.#simpleKeysByTok.get(this.#tokensParsed);
        if (idx === undefined) break;
        if (!this.#simpleKeyIsValid(this.#simpleKeys[idx]!)) break;
      }
      this.#fetchNextToken();
    }
    this.#tokenAvailable = true;
  }

  #fetchNextToken(): void {
    if (!this.#streamStartProduced) return this.#fetchStreamStart();
    this.#scanToNextToken();
    this.#unrollIndent(this.#mark.column, this.#markCopy());
    const ch = this.#ch();
    if (ch === NUL) return this.#fetchStreamEnd();
    if (this.#mark.column === 0 && ch === c('%')) return this.#fetchDirective();
    if (this.#mark.column === 0 && isBlankZ(this.#ch(3))) {
      if (ch === c('-') && this.#ch(1) === c('-') && this.#ch(2) === c('-'))
        return this.#fetchDocumentIndicator('DOCUMENT-START');
      if (ch === c('.') && this.#ch(1) === c('.') && this.#ch(2) === c('.'))
        return this.#fetchDocumentIndicator('DOCUMENT-END');
    }
    this.#fetchToken(ch);
    // yaml.v3 reads a comment that follows a token on its line right away
    // (scan_line_comment), blanks and tabs before it included
    if (this.#tokens[this.#tokens.length - 1]?.type !== 'BLOCK-ENTRY') this.#skipLineComment();
  }

  #fetchToken(ch: number): void {
    if (ch === c('[')) return this.#fetchFlowCollectionStart('FLOW-SEQUENCE-START');
    if (ch === c('{')) return this.#fetchFlowCollectionStart('FLOW-MAPPING-START');
    if (ch === c(']')) return this.#fetchFlowCollectionEnd('FLOW-SEQUENCE-END');
    if (ch === c('}')) return this.#fetchFlowCollectionEnd('FLOW-MAPPING-END');
    if (ch === c(',')) return this.#fetchFlowEntry();
    const next = this.#ch(1);
    if (ch === c('-') && isBlankZ(next)) return this.#fetchBlockEntry();
    if (ch === c('?') && (this.#flowLevel > 0 || isBlankZ(next))) return this.#fetchKey();
    if (ch === c(':') && (this.#flowLevel > 0 || isBlankZ(next))) return this.#fetchValue();
    if (ch === c('*')) return this.#fetchAnchor('ALIAS');
    if (ch === c('&')) return this.#fetchAnchor('ANCHOR');
    if (ch === c('!')) return this.#fetchTag();
    if (ch === c('|') && this.#flowLevel === 0) return this.#fetchBlockScalar(true);
    if (ch === c('>') && this.#flowLevel === 0) return this.#fetchBlockScalar(false);
    if (ch === c("'")) return this.#fetchFlowScalar(true);
    if (ch === c('"')) return this.#fetchFlowScalar(false);
    // a plain scalar starts with anything but an indicator, or with `-`, `?` or `:`
    // followed by a non-space (`?`/`:` only in block context)
    if (
      !(isBlankZ(ch) || [...'-?:,[]{}#&*!|>\'"%@`'].map(c).includes(ch)) ||
      (ch === c('-') && !isBlank(next)) ||
      (this.#flowLevel === 0 && (ch === c('?') || ch === c(':')) && !isBlankZ(next))
    )
      return this.#fetchPlainScalar();
    this.#error(
      'while scanning for the next token',
      this.#markCopy(),
      'found character that cannot start any token',
    );
  }

  #simpleKeyIsValid(key: SimpleKey): boolean {
    if (!key.possible) return false;
    // a simple key is one line and at most 1024 characters long
    if (key.mark.line < this.#mark.line || key.mark.index + 1024 < this.#mark.index) {
      if (key.required) this.#error('while scanning a simple key', key.mark, "could not find expected ':'");
      key.possible = false;
      return false;
    }
    return true;
  }

  #saveSimpleKey(): void {
    // a simple key is required at the current indentation in block context
    const required = this.#flowLevel === 0 && this.#indent === this.#mark.column;
    if (this.#simpleKeyAllowed) {
      const key: SimpleKey = {
        possible: true,
        required,
        tokenNumber: this.#tokensParsed + (this.#tokens.length - this.#tokensHead),
        mark: this.#markCopy(),
      };
      this.#removeSimpleKey();
      this.#simpleKeys[this.#simpleKeys.length - 1] = key;
      this.#simpleKeysByTok.set(key.tokenNumber, this.#simpleKeys.length - 1);
    }
  }

  #removeSimpleKey(): void {
    const key = this.#simpleKeys[this.#simpleKeys.length - 1]!;
    if (key.possible) {
      if (key.required) this.#error('while scanning a simple key', key.mark, "could not find expected ':'");
      key.possible = false;
      this.#simpleKeysByTok.delete(key.tokenNumber);
    }
  }

  #increaseFlowLevel(): void {
    this.#simpleKeys.push({
      possible: false,
      required: false,
      tokenNumber: this.#tokensParsed + (this.#tokens.length - this.#tokensHead),
      mark: this.#markCopy(),
    });
    this.#flowLevel++;
    if (this.#flowLevel > MAX_FLOW_LEVEL)
      this.#error(
        'while increasing flow level',
        this.#simpleKeys[this.#simpleKeys.length - 1]!.mark,
        `exceeded max depth of ${MAX_FLOW_LEVEL}`,
      );
  }

  #decreaseFlowLevel(): void {
    if (this.#flowLevel > 0) {
      this.#flowLevel--;
      const last = this.#simpleKeys.pop()!;
      this.#simpleKeysByTok.delete(last.tokenNumber);
    }
  }

  #rollIndent(column: number, number: number, type: TokenType, mark: Mark): void {
    if (this.#flowLevel > 0) return;
    if (this.#indent < column) {
      this.#indents.push(this.#indent);
      this.#indent = column;
      if (this.#indents.length > MAX_INDENTS)
        this.#error(
          'while increasing indent level',
          this.#simpleKeys[this.#simpleKeys.length - 1]!.mark,
          `exceeded max depth of ${MAX_INDENTS}`,
        );
      const token: Token = { type, start: { ...mark }, end: { ...mark } };
      this.#insert(number > -1 ? number - this.#tokensParsed : -1, token);
    }
  }

  #unrollIndent(column: number, scanMark: Mark): void {
    if (this.#flowLevel > 0) return;
    // the BLOCK-END sits just before where scanning started (yaml.v3 moves it onto a
    // dedented comment, which only changes positions nobody prints)
    const blockMark = { ...scanMark, index: scanMark.index - 1 };
    while (this.#indent > column) {
      this.#insert(-1, { type: 'BLOCK-END', start: { ...blockMark }, end: { ...blockMark } });
      this.#indent = this.#indents.pop()!;
    }
  }

  #fetchStreamStart(): void {
    this.#indent = -1;
    this.#simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: this.#markCopy() });
    this.#simpleKeyAllowed = true;
    this.#streamStartProduced = true;
    this.#insert(-1, { type: 'STREAM-START', start: this.#markCopy(), end: this.#markCopy() });
  }

  #fetchStreamEnd(): void {
    if (this.#mark.column !== 0) {
      this.#mark.column = 0;
      this.#mark.line++;
    }
    this.#unrollIndent(-1, this.#markCopy());
    this.#removeSimpleKey();
    this.#simpleKeyAllowed = false;
    this.#insert(-1, { type: 'STREAM-END', start: this.#markCopy(), end: this.#markCopy() });
  }

  #fetchDirective(): void {
    this.#unrollIndent(-1, this.#markCopy());
    this.#removeSimpleKey();
    this.#simpleKeyAllowed = false;
    this.#insert(-1, this.#scanDirective());
  }

  #fetchDocumentIndicator(type: TokenType): void {
    this.#unrollIndent(-1, this.#markCopy());
    this.#removeSimpleKey();
    this.#simpleKeyAllowed = false;
    const start = this.#markCopy();
    this.#skipChar();
    this.#skipChar();
    this.#skipChar();
    this.#insert(-1, { type, start, end: this.#markCopy() });
  }

  #fetchFlowCollectionStart(type: TokenType): void {
    this.#saveSimpleKey();
    this.#increaseFlowLevel();
    this.#simpleKeyAllowed = true;
    const start = this.#markCopy();
    this.#skipChar();
    this.#insert(-1, { type, start, end: this.#markCopy() });
  }

  #fetchFlowCollectionEnd(type: TokenType): void {
    this.#removeSimpleKey();
    this.#decreaseFlowLevel();
    this.#simpleKeyAllowed = false;
    const start = this.#markCopy();
    this.#skipChar();
    this.#insert(-1, { type, start, end: this.#markCopy() });
  }

  #fetchFlowEntry(): void {
    this.#removeSimpleKey();
    this.#simpleKeyAllowed = true;
    const start = this.#markCopy();
    this.#skipChar();
    this.#insert(-1, { type: 'FLOW-ENTRY', start, end: this.#markCopy() });
  }

  #fetchBlockEntry(): void {
    if (this.#flowLevel === 0) {
      if (!this.#simpleKeyAllowed)
        this.#error('', this.#markCopy(), 'block sequence entries are not allowed in this context');
      this.#rollIndent(this.#mark.column, -1, 'BLOCK-SEQUENCE-START', this.#markCopy());
    }
    this.#removeSimpleKey();
    this.#simpleKeyAllowed = true;
    const start = this.#markCopy();
    this.#skipChar();
    this.#insert(-1, { type: 'BLOCK-ENTRY', start, end: this.#markCopy() });
  }

  #fetchKey(): void {
    if (this.#flowLevel === 0) {
      if (!this.#simpleKeyAllowed)
        this.#error('', this.#markCopy(), 'mapping keys are not allowed in this context');
      this.#rollIndent(this.#mark.column, -1, 'BLOCK-MAPPING-START', this.#markCopy());
    }
    this.#removeSimpleKey();
    this.#simpleKeyAllowed = this.#flowLevel === 0;
    const start = this.#markCopy();
    this.#skipChar();
    this.#insert(-1, { type: 'KEY', start, end: this.#markCopy() });
  }

  #fetchValue(): void {
    const key = this.#simpleKeys[this.#simpleKeys.length - 1]!;
    if (this.#simpleKeyIsValid(key)) {
      // the saved token was a simple key: put KEY (and maybe BLOCK-MAPPING-START) before it
      this.#insert(key.tokenNumber - this.#tokensParsed, {
        type: 'KEY',
        start: { ...key.mark },
        end: { ...key.mark },
      });
      this.#rollIndent(key.mark.column, key.tokenNumber, 'BLOCK-MAPPING-START', key.mark);
      key.possible = false;
      this.#simpleKeysByTok.delete(key.tokenNumber);
      this.#simpleKeyAllowed = false;
    } else {
      if (this.#flowLevel === 0) {
        if (!this.#simpleKeyAllowed)
          this.#error('', this.#markCopy(), 'mapping values are not allowed in this context');
        this.#rollIndent(this.#mark.column, -1, 'BLOCK-MAPPING-START', this.#markCopy());
      }
      this.#simpleKeyAllowed = this.#flowLevel === 0;
    }
    const start = this.#markCopy();
    this.#skipChar();
    this.#insert(-1, { type: 'VALUE', start, end: this.#markCopy() });
  }

  #fetchAnchor(type: 'ALIAS' | 'ANCHOR'): void {
    this.#saveSimpleKey();
    this.#simpleKeyAllowed = false;
    this.#insert(-1, this.#scanAnchor(type));
  }

  #fetchTag(): void {
    this.#saveSimpleKey();
    this.#simpleKeyAllowed = false;
    this.#insert(-1, this.#scanTag());
  }

  #fetchBlockScalar(literal: boolean): void {
    this.#removeSimpleKey();
    this.#simpleKeyAllowed = true;
    this.#insert(-1, this.#scanBlockScalar(literal));
  }

  #fetchFlowScalar(single: boolean): void {
    this.#saveSimpleKey();
    this.#simpleKeyAllowed = false;
    this.#insert(-1, this.#scanFlowScalar(single));
  }

  #fetchPlainScalar(): void {
    this.#saveSimpleKey();
    this.#simpleKeyAllowed = false;
    this.#insert(-1, this.#scanPlainScalar());
  }

  #scanToNextToken(): void {
    for (;;) {
      // tabs separate tokens only in flow context or where no simple key may start
      while (this.#ch() === SPACE || ((this.#flowLevel > 0 || !this.#simpleKeyAllowed) && this.#ch() === TAB))
        this.#skipChar();
      if (this.#ch() === c('#')) this.#skipComments();
      if (isBreak(this.#ch())) {
        this.#skipLine();
        if (this.#flowLevel === 0) this.#simpleKeyAllowed = true;
      } else break;
    }
  }

  /**
   * scan_line_comment: within 512 characters, blanks then `#` — the comment is consumed
   * up to its line break. Not after a line break was passed.
   */
  #skipLineComment(): void {
    if (this.#newlines > 0) return;
    for (let peek = 0; peek < 512; peek++) {
      const ch = this.#ch(peek);
      if (isBlank(ch)) continue;
      if (ch === c('#')) this.#consumeComment(peek);
      break;
    }
  }

  /**
   * scan_comments: a comment and the comment lines after it, with the blank and empty
   * lines between them (tabs too), are consumed; what follows the last one is not.
   */
  #skipComments(): void {
    for (let peek = 0; peek < 512; peek++) {
      const ch = this.#ch(peek);
      if (isBlank(ch)) continue;
      if (this.#flowLevel > 0 && (ch === c(']') || ch === c('}'))) break;
      if (isBreakZ(ch)) {
        if (!isBreak(ch)) break;
        continue;
      }
      if (ch !== c('#')) break;
      this.#consumeComment(peek);
      peek = 0;
    }
  }

  /** Skip `peek` characters (line breaks as lines), then the comment to its line break. */
  #consumeComment(peek: number): void {
    const seen = this.#mark.index + peek;
    for (;;) {
      if (isBreakZ(this.#ch())) {
        if (this.#mark.index >= seen || this.#ch() === NUL) break;
        this.#skipLine();
      } else this.#skipChar();
    }
  }

  // -------------------------------------------------------------------------
  // directives, anchors, tags

  #skipBlanks(): void {
    while (isBlank(this.#ch())) this.#skipChar();
  }

  #scanDirective(): Token {
    const start = this.#markCopy();
    this.#skipChar();
    let name = '';
    while (isAlpha(this.#ch())) name += this.#read();
    if (name === '')
      this.#error('while scanning a directive', start, 'could not find expected directive name');
    if (!isBlankZ(this.#ch()))
      this.#error('while scanning a directive', start, 'found unexpected non-alphabetical character');
    let token: Token;
    if (name === 'YAML') {
      this.#skipBlanks();
      const major = this.#scanVersionNumber(start);
      if (this.#ch() !== c('.'))
        this.#error(
          'while scanning a %YAML directive',
          start,
          "did not find expected digit or '.' character",
        );
      this.#skipChar();
      const minor = this.#scanVersionNumber(start);
      token = { type: 'VERSION-DIRECTIVE', start, end: this.#markCopy(), major, minor };
    } else if (name === 'TAG') {
      this.#skipBlanks();
      const handle = this.#scanTagHandle(true, start);
      if (!isBlank(this.#ch()))
        this.#error('while scanning a %TAG directive', start, 'did not find expected whitespace');
      this.#skipBlanks();
      const prefix = this.#scanTagUri(true, '', start);
      if (!isBlankZ(this.#ch()))
        this.#error(
          'while scanning a %TAG directive',
          start,
          'did not find expected whitespace or line break',
        );
      token = { type: 'TAG-DIRECTIVE', start, end: this.#markCopy(), value: handle, prefix };
    } else {
      this.#error('while scanning a directive', start, 'found unknown directive name');
    }
    this.#skipBlanks();
    if (this.#ch() === c('#')) while (!isBreakZ(this.#ch())) this.#skipChar();
    if (!isBreakZ(this.#ch()))
      this.#error('while scanning a directive', start, 'did not find expected comment or line break');
    if (isBreak(this.#ch())) this.#skipLine();
    return token;
  }

  #scanVersionNumber(start: Mark): number {
    let value = 0;
    let length = 0;
    while (isDigit(this.#ch())) {
      if (++length > 2)
        this.#error('while scanning a %YAML directive', start, 'found extremely long version number');
      value = value * 10 + (this.#ch() - 0x30);
      this.#skipChar();
    }
    if (length === 0)
      this.#error('while scanning a %YAML directive', start, 'did not find expected version number');
    return value;
  }

  #scanAnchor(type: 'ALIAS' | 'ANCHOR'): Token {
    const start = this.#markCopy();
    this.#skipChar();
    let s = '';
    while (isAlpha(this.#ch())) s += this.#read();
    const end = this.#markCopy();
    const ch = this.#ch();
    if (s === '' || !(isBlankZ(ch) || [...'?:,]}%@`'].map(c).includes(ch)))
      this.#error(
        type === 'ANCHOR' ? 'while scanning an anchor' : 'while scanning an alias',
        start,
        'did not find expected alphabetic or numeric character',
      );
    return { type, start, end, value: s };
  }

  #tagError(directive: boolean, start: Mark, problem: string): never {
    this.#error(directive ? 'while parsing a %TAG directive' : 'while parsing a tag', start, problem);
  }

  #scanTag(): Token {
    const start = this.#markCopy();
    let handle = '';
    let suffix: string;
    if (this.#ch(1) === c('<')) {
      // verbatim: !<tag:yaml.org,2002:str>
      this.#skipChar();
      this.#skipChar();
      suffix = this.#scanTagUri(false, '', start);
      if (this.#ch() !== c('>')) this.#error('while scanning a tag', start, "did not find the expected '>'");
      this.#skipChar();
    } else {
      handle = this.#scanTagHandle(false, start);
      if (handle[0] === '!' && handle.length > 1 && handle.endsWith('!')) {
        suffix = this.#scanTagUri(false, '', start);
      } else {
        // `!foo` is the handle `!` and the suffix `foo`; a lone `!` is the non-specific tag
        suffix = this.#scanTagUri(false, handle, start);
        handle = '!';
        if (suffix === '') [handle, suffix] = [suffix, handle];
      }
    }
    if (!isBlankZ(this.#ch()))
      this.#error('while scanning a tag', start, 'did not find expected whitespace or line break');
    return { type: 'TAG', start, end: this.#markCopy(), value: handle, suffix };
  }

  #scanTagHandle(directive: boolean, start: Mark): string {
    if (this.#ch() !== c('!')) this.#tagError(directive, start, "did not find expected '!'");
    let s = this.#read();
    while (isAlpha(this.#ch())) s += this.#read();
    if (this.#ch() === c('!')) s += this.#read();
    else if (directive && s !== '!') this.#tagError(directive, start, "did not find expected '!'");
    return s;
  }

  #scanTagUri(directive: boolean, head: string, start: Mark): string {
    let s = head.length > 1 ? head.slice(1) : '';
    let hasTag = head.length > 0;
    while (isAlpha(this.#ch()) || URI_CHARS.has(this.#ch())) {
      if (this.#ch() === c('%')) s += this.#scanUriEscapes(directive, start);
      else s += this.#read();
      hasTag = true;
    }
    if (!hasTag) this.#tagError(directive, start, 'did not find expected tag URI');
    return s;
  }

  #scanUriEscapes(directive: boolean, start: Mark): string {
    const bytes: number[] = [];
    let w = 1024;
    while (w > 0) {
      if (!(this.#ch() === c('%') && isHex(this.#ch(1)) && isHex(this.#ch(2))))
        this.#tagError(directive, start, 'did not find URI escaped octet');
      const octet = (asHex(this.#ch(1)) << 4) + asHex(this.#ch(2));
      if (w === 1024) {
        w = utf8Width(octet);
        if (w === 0) this.#tagError(directive, start, 'found an incorrect leading UTF-8 octet');
      } else if ((octet & 0xc0) !== 0x80) {
        this.#tagError(directive, start, 'found an incorrect trailing UTF-8 octet');
      }
      bytes.push(octet);
      this.#skipChar();
      this.#skipChar();
      this.#skipChar();
      w--;
    }
    return utf8Decode(bytes);
  }

  // -------------------------------------------------------------------------
  // scalars

  #scanBlockScalar(literal: boolean): Token {
    const start = this.#markCopy();
    this.#skipChar();
    let chomping = 0;
    let increment = 0;
    const indicatorOf = (ch: number) => (ch === c('+') ? 1 : ch === c('-') ? -1 : 0);
    if (indicatorOf(this.#ch())) {
      chomping = indicatorOf(this.#ch());
      this.#skipChar();
      if (isDigit(this.#ch())) {
        if (this.#ch() === c('0'))
          this.#error('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
        increment = this.#ch() - 0x30;
        this.#skipChar();
      }
    } else if (isDigit(this.#ch())) {
      if (this.#ch() === c('0'))
        this.#error('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
      increment = this.#ch() - 0x30;
      this.#skipChar();
      if (indicatorOf(this.#ch())) {
        chomping = indicatorOf(this.#ch());
        this.#skipChar();
      }
    }
    this.#skipBlanks();
    if (this.#ch() === c('#')) while (!isBreakZ(this.#ch())) this.#skipChar();
    if (!isBreakZ(this.#ch()))
      this.#error('while scanning a block scalar', start, 'did not find expected comment or line break');
    if (isBreak(this.#ch())) this.#skipLine();
    const endRef = { end: this.#markCopy() };
    const state = {
      indent: increment > 0 ? (this.#indent >= 0 ? this.#indent + increment : increment) : 0,
      breaks: '',
    };
    let s = '';
    let leadingBreak = '';
    this.#scanBlockScalarBreaks(state, start, endRef);
    let leadingBlank = false;
    while (this.#mark.column === state.indent && this.#ch() !== NUL) {
      const trailingBlank = isBlank(this.#ch());
      if (!literal && !leadingBlank && !trailingBlank && leadingBreak.startsWith('\n')) {
        // folded: a single line break between two text lines is a space
        if (state.breaks === '') s += ' ';
      } else s += leadingBreak;
      s += state.breaks;
      state.breaks = '';
      leadingBlank = isBlank(this.#ch());
      while (!isBreakZ(this.#ch())) s += this.#read();
      leadingBreak = this.#readLine();
      this.#scanBlockScalarBreaks(state, start, endRef);
    }
    if (chomping !== -1) s += leadingBreak;
    if (chomping === 1) s += state.breaks;
    return {
      type: 'SCALAR',
      start,
      end: endRef.end,
      value: s,
      style: literal ? 'literal' : 'folded',
    };
  }

  #scanBlockScalarBreaks(
    state: { indent: number; breaks: string },
    start: Mark,
    endRef: { end: Mark },
  ): void {
    endRef.end = this.#markCopy();
    let maxIndent = 0;
    for (;;) {
      while ((state.indent === 0 || this.#mark.column < state.indent) && this.#ch() === SPACE)
        this.#skipChar();
      if (this.#mark.column > maxIndent) maxIndent = this.#mark.column;
      if ((state.indent === 0 || this.#mark.column < state.indent) && this.#ch() === TAB)
        this.#error(
          'while scanning a block scalar',
          start,
          'found a tab character where an indentation space is expected',
        );
      if (!isBreak(this.#ch())) break;
      state.breaks += this.#readLine();
      endRef.end = this.#markCopy();
    }
    if (state.indent === 0) {
      state.indent = Math.max(maxIndent, this.#indent + 1, 1);
    }
  }

  #scanFlowScalar(single: boolean): Token {
    const start = this.#markCopy();
    this.#skipChar();
    let s = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    let whitespaces = '';
    for (;;) {
      if (
        this.#mark.column === 0 &&
        ((this.#ch() === c('-') && this.#ch(1) === c('-') && this.#ch(2) === c('-')) ||
          (this.#ch() === c('.') && this.#ch(1) === c('.') && this.#ch(2) === c('.'))) &&
        isBlankZ(this.#ch(3))
      )
        this.#error('while scanning a quoted scalar', start, 'found unexpected document indicator');
      if (this.#ch() === NUL)
        this.#error('while scanning a quoted scalar', start, 'found unexpected end of stream');
      let leadingBlanks = false;
      while (!isBlankZ(this.#ch())) {
        const ch = this.#ch();
        if (single && ch === c("'") && this.#ch(1) === c("'")) {
          s += "'";
          this.#skipChar();
          this.#skipChar();
        } else if (single && ch === c("'")) break;
        else if (!single && ch === c('"')) break;
        else if (!single && ch === c('\\') && isBreak(this.#ch(1))) {
          this.#skipChar();
          this.#skipLine();
          leadingBlanks = true;
          break;
        } else if (!single && ch === c('\\')) {
          s += this.#scanEscape(start);
        } else s += this.#read();
      }
      if (this.#ch() === c(single ? "'" : '"')) break;
      while (isBlank(this.#ch()) || isBreak(this.#ch())) {
        if (isBlank(this.#ch())) {
          if (!leadingBlanks) whitespaces += this.#read();
          else this.#skipChar();
        } else if (!leadingBlanks) {
          whitespaces = '';
          leadingBreak = this.#readLine();
          leadingBlanks = true;
        } else trailingBreaks += this.#readLine();
      }
      if (leadingBlanks) {
        if (leadingBreak.startsWith('\n')) s += trailingBreaks === '' ? ' ' : trailingBreaks;
        else s += leadingBreak + trailingBreaks;
        trailingBreaks = '';
        leadingBreak = '';
      } else {
        s += whitespaces;
        whitespaces = '';
      }
    }
    this.#skipChar();
    return { type: 'SCALAR', start, end: this.#markCopy(), value: s, style: single ? 'single' : 'double' };
  }

  static readonly #ESCAPES: Record<string, string> = {
    '0': '\0',
    a: '\x07',
    b: '\x08',
    t: '\t',
    '\t': '\t',
    n: '\n',
    v: '\x0b',
    f: '\x0c',
    r: '\r',
    e: '\x1b',
    ' ': ' ',
    '"': '"',
    "'": "'",
    '\\': '\\',
    N: '\x85',
    _: '\xa0',
    L: '\u2028',
    P: '\u2029',
  };

  #scanEscape(start: Mark): string {
    const e = String.fromCodePoint(this.#ch(1));
    const codeLength = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    const simple = Scanner.#ESCAPES[e];
    if (simple === undefined && codeLength === 0)
      this.#error('while parsing a quoted scalar', start, 'found unknown escape character');
    this.#skipChar();
    this.#skipChar();
    if (codeLength === 0) return simple!;
    let value = 0;
    for (let k = 0; k < codeLength; k++) {
      if (!isHex(this.#ch(k)))
        this.#error('while parsing a quoted scalar', start, 'did not find expected hexdecimal number');
      value = value * 16 + asHex(this.#ch(k));
    }
    if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff)
      this.#error('while parsing a quoted scalar', start, 'found invalid Unicode character escape code');
    for (let k = 0; k < codeLength; k++) this.#skipChar();
    return String.fromCodePoint(value);
  }

  #scanPlainScalar(): Token {
    let s = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    let whitespaces = '';
    let leadingBlanks = false;
    const indent = this.#indent + 1;
    const start = this.#markCopy();
    let end = this.#markCopy();
    for (;;) {
      if (
        this.#mark.column === 0 &&
        ((this.#ch() === c('-') && this.#ch(1) === c('-') && this.#ch(2) === c('-')) ||
          (this.#ch() === c('.') && this.#ch(1) === c('.') && this.#ch(2) === c('.'))) &&
        isBlankZ(this.#ch(3))
      )
        break;
      if (this.#ch() === c('#')) break;
      while (!isBlankZ(this.#ch())) {
        const ch = this.#ch();
        if (
          (ch === c(':') && isBlankZ(this.#ch(1))) ||
          (this.#flowLevel > 0 && [...',?[]{}'].map(c).includes(ch))
        )
          break;
        if (leadingBlanks || whitespaces !== '') {
          if (leadingBlanks) {
            if (leadingBreak.startsWith('\n')) s += trailingBreaks === '' ? ' ' : trailingBreaks;
            else s += leadingBreak + trailingBreaks;
            trailingBreaks = '';
            leadingBreak = '';
            leadingBlanks = false;
          } else {
            s += whitespaces;
            whitespaces = '';
          }
        }
        s += this.#read();
        end = this.#markCopy();
      }
      if (!(isBlank(this.#ch()) || isBreak(this.#ch()))) break;
      while (isBlank(this.#ch()) || isBreak(this.#ch())) {
        if (isBlank(this.#ch())) {
          if (leadingBlanks && this.#mark.column < indent && this.#ch() === TAB)
            this.#error(
              'while scanning a plain scalar',
              start,
              'found a tab character that violates indentation',
            );
          if (!leadingBlanks) whitespaces += this.#read();
          else this.#skipChar();
        } else if (!leadingBlanks) {
          whitespaces = '';
          leadingBreak = this.#readLine();
          leadingBlanks = true;
        } else trailingBreaks += this.#readLine();
      }
      if (this.#flowLevel === 0 && this.#mark.column < indent) break;
    }
    if (leadingBlanks) this.#simpleKeyAllowed = true;
    return { type: 'SCALAR', start, end, value: s, style: 'plain' };
  }
}

function utf8Width(b: number): number {
  if ((b & 0x80) === 0) return 1;
  if ((b & 0xe0) === 0xc0) return 2;
  if ((b & 0xf0) === 0xe0) return 3;
  if ((b & 0xf8) === 0xf0) return 4;
  return 0;
}
