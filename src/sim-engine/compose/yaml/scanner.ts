/**
 * The YAML scanner of gopkg.in/yaml.v3 (scannerc.go, a port of libyaml), which is what
 * `docker stack deploy` parses compose files with: the same tokens, simple keys,
 * indentation stack and error texts, so that a broken file fails with Docker's words
 * and Docker's line. This file is the token queue, the simple keys, the indentation
 * stack and the dispatch on the next character; the scalars are scanned in
 * scan-scalars.ts, directives, anchors and tags in scan-properties.ts, comments are
 * consumed in comments.ts, and the read position is cursor.ts.
 *
 * Characters are code points; a mark's index and column count code points, as libyaml's
 * do. Past the end of the input every read sees NUL, libyaml's end-of-buffer sentinel.
 */
import type { Mark } from './errors.ts';
import { c, Cursor, isBlank, isBlankZ, isBreak, NUL, SPACE, TAB } from './cursor.ts';
import { skipComments, skipLineComment } from './comments.ts';
import { scanAnchor, scanDirective, scanTag } from './scan-properties.ts';
import { scanBlockScalar, scanFlowScalar, scanPlainScalar } from './scan-scalars.ts';

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

export class Scanner {
  readonly #cur: Cursor;

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

  constructor(input: string) {
    this.#cur = new Cursor(input);
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
    this.#unrollIndent(this.#cur.mark.column, this.#cur.markCopy());
    const ch = this.#cur.ch();
    if (ch === NUL) return this.#fetchStreamEnd();
    if (this.#cur.mark.column === 0 && ch === c('%')) return this.#fetchDirective();
    if (this.#cur.mark.column === 0 && isBlankZ(this.#cur.ch(3))) {
      if (ch === c('-') && this.#cur.ch(1) === c('-') && this.#cur.ch(2) === c('-'))
        return this.#fetchDocumentIndicator('DOCUMENT-START');
      if (ch === c('.') && this.#cur.ch(1) === c('.') && this.#cur.ch(2) === c('.'))
        return this.#fetchDocumentIndicator('DOCUMENT-END');
    }
    this.#fetchToken(ch);
    // yaml.v3 reads a comment that follows a token on its line right away
    // (scan_line_comment), blanks and tabs before it included
    if (this.#tokens[this.#tokens.length - 1]?.type !== 'BLOCK-ENTRY') skipLineComment(this.#cur);
  }

  #fetchToken(ch: number): void {
    if (ch === c('[')) return this.#fetchFlowCollectionStart('FLOW-SEQUENCE-START');
    if (ch === c('{')) return this.#fetchFlowCollectionStart('FLOW-MAPPING-START');
    if (ch === c(']')) return this.#fetchFlowCollectionEnd('FLOW-SEQUENCE-END');
    if (ch === c('}')) return this.#fetchFlowCollectionEnd('FLOW-MAPPING-END');
    if (ch === c(',')) return this.#fetchFlowEntry();
    const next = this.#cur.ch(1);
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
    this.#cur.error(
      'while scanning for the next token',
      this.#cur.markCopy(),
      'found character that cannot start any token',
    );
  }

  #simpleKeyIsValid(key: SimpleKey): boolean {
    if (!key.possible) return false;
    // a simple key is one line and at most 1024 characters long
    if (key.mark.line < this.#cur.mark.line || key.mark.index + 1024 < this.#cur.mark.index) {
      if (key.required)
        this.#cur.error('while scanning a simple key', key.mark, "could not find expected ':'");
      key.possible = false;
      return false;
    }
    return true;
  }

  #saveSimpleKey(): void {
    // a simple key is required at the current indentation in block context
    const required = this.#flowLevel === 0 && this.#indent === this.#cur.mark.column;
    if (this.#simpleKeyAllowed) {
      const key: SimpleKey = {
        possible: true,
        required,
        tokenNumber: this.#tokensParsed + (this.#tokens.length - this.#tokensHead),
        mark: this.#cur.markCopy(),
      };
      this.#removeSimpleKey();
      this.#simpleKeys[this.#simpleKeys.length - 1] = key;
      this.#simpleKeysByTok.set(key.tokenNumber, this.#simpleKeys.length - 1);
    }
  }

  #removeSimpleKey(): void {
    const key = this.#simpleKeys[this.#simpleKeys.length - 1]!;
    if (key.possible) {
      if (key.required)
        this.#cur.error('while scanning a simple key', key.mark, "could not find expected ':'");
      key.possible = false;
      this.#simpleKeysByTok.delete(key.tokenNumber);
    }
  }

  #increaseFlowLevel(): void {
    this.#simpleKeys.push({
      possible: false,
      required: false,
      tokenNumber: this.#tokensParsed + (this.#tokens.length - this.#tokensHead),
      mark: this.#cur.markCopy(),
    });
    this.#flowLevel++;
    if (this.#flowLevel > MAX_FLOW_LEVEL)
      this.#cur.error(
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
        this.#cur.error(
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
    this.#simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: this.#cur.markCopy() });
    this.#simpleKeyAllowed = true;
    this.#streamStartProduced = true;
    this.#insert(-1, { type: 'STREAM-START', start: this.#cur.markCopy(), end: this.#cur.markCopy() });
  }

  #fetchStreamEnd(): void {
    if (this.#cur.mark.column !== 0) {
      this.#cur.mark.column = 0;
      this.#cur.mark.line++;
    }
    this.#unrollIndent(-1, this.#cur.markCopy());
    this.#removeSimpleKey();
    this.#simpleKeyAllowed = false;
    this.#insert(-1, { type: 'STREAM-END', start: this.#cur.markCopy(), end: this.#cur.markCopy() });
  }

  #fetchDirective(): void {
    this.#unrollIndent(-1, this.#cur.markCopy());
    this.#removeSimpleKey();
    this.#simpleKeyAllowed = false;
    this.#insert(-1, scanDirective(this.#cur));
  }

  #fetchDocumentIndicator(type: TokenType): void {
    this.#unrollIndent(-1, this.#cur.markCopy());
    this.#removeSimpleKey();
    this.#simpleKeyAllowed = false;
    const start = this.#cur.markCopy();
    this.#cur.skipChar();
    this.#cur.skipChar();
    this.#cur.skipChar();
    this.#insert(-1, { type, start, end: this.#cur.markCopy() });
  }

  #fetchFlowCollectionStart(type: TokenType): void {
    this.#saveSimpleKey();
    this.#increaseFlowLevel();
    this.#simpleKeyAllowed = true;
    const start = this.#cur.markCopy();
    this.#cur.skipChar();
    this.#insert(-1, { type, start, end: this.#cur.markCopy() });
  }

  #fetchFlowCollectionEnd(type: TokenType): void {
    this.#removeSimpleKey();
    this.#decreaseFlowLevel();
    this.#simpleKeyAllowed = false;
    const start = this.#cur.markCopy();
    this.#cur.skipChar();
    this.#insert(-1, { type, start, end: this.#cur.markCopy() });
  }

  #fetchFlowEntry(): void {
    this.#removeSimpleKey();
    this.#simpleKeyAllowed = true;
    const start = this.#cur.markCopy();
    this.#cur.skipChar();
    this.#insert(-1, { type: 'FLOW-ENTRY', start, end: this.#cur.markCopy() });
  }

  #fetchBlockEntry(): void {
    if (this.#flowLevel === 0) {
      if (!this.#simpleKeyAllowed)
        this.#cur.error('', this.#cur.markCopy(), 'block sequence entries are not allowed in this context');
      this.#rollIndent(this.#cur.mark.column, -1, 'BLOCK-SEQUENCE-START', this.#cur.markCopy());
    }
    this.#removeSimpleKey();
    this.#simpleKeyAllowed = true;
    const start = this.#cur.markCopy();
    this.#cur.skipChar();
    this.#insert(-1, { type: 'BLOCK-ENTRY', start, end: this.#cur.markCopy() });
  }

  #fetchKey(): void {
    if (this.#flowLevel === 0) {
      if (!this.#simpleKeyAllowed)
        this.#cur.error('', this.#cur.markCopy(), 'mapping keys are not allowed in this context');
      this.#rollIndent(this.#cur.mark.column, -1, 'BLOCK-MAPPING-START', this.#cur.markCopy());
    }
    this.#removeSimpleKey();
    this.#simpleKeyAllowed = this.#flowLevel === 0;
    const start = this.#cur.markCopy();
    this.#cur.skipChar();
    this.#insert(-1, { type: 'KEY', start, end: this.#cur.markCopy() });
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
          this.#cur.error('', this.#cur.markCopy(), 'mapping values are not allowed in this context');
        this.#rollIndent(this.#cur.mark.column, -1, 'BLOCK-MAPPING-START', this.#cur.markCopy());
      }
      this.#simpleKeyAllowed = this.#flowLevel === 0;
    }
    const start = this.#cur.markCopy();
    this.#cur.skipChar();
    this.#insert(-1, { type: 'VALUE', start, end: this.#cur.markCopy() });
  }

  #fetchAnchor(type: 'ALIAS' | 'ANCHOR'): void {
    this.#saveSimpleKey();
    this.#simpleKeyAllowed = false;
    this.#insert(-1, scanAnchor(this.#cur, type));
  }

  #fetchTag(): void {
    this.#saveSimpleKey();
    this.#simpleKeyAllowed = false;
    this.#insert(-1, scanTag(this.#cur));
  }

  #fetchBlockScalar(literal: boolean): void {
    this.#removeSimpleKey();
    this.#simpleKeyAllowed = true;
    this.#insert(-1, scanBlockScalar(this.#cur, literal, this.#indent));
  }

  #fetchFlowScalar(single: boolean): void {
    this.#saveSimpleKey();
    this.#simpleKeyAllowed = false;
    this.#insert(-1, scanFlowScalar(this.#cur, single));
  }

  #fetchPlainScalar(): void {
    this.#saveSimpleKey();
    this.#simpleKeyAllowed = false;
    const { token, leadingBlanks } = scanPlainScalar(this.#cur, this.#indent, this.#flowLevel);
    // a plain scalar that ended at a line break leaves room for a simple key
    if (leadingBlanks) this.#simpleKeyAllowed = true;
    this.#insert(-1, token);
  }

  #scanToNextToken(): void {
    for (;;) {
      // tabs separate tokens only in flow context or where no simple key may start
      while (
        this.#cur.ch() === SPACE ||
        ((this.#flowLevel > 0 || !this.#simpleKeyAllowed) && this.#cur.ch() === TAB)
      )
        this.#cur.skipChar();
      if (this.#cur.ch() === c('#')) skipComments(this.#cur, this.#flowLevel);
      if (isBreak(this.#cur.ch())) {
        this.#cur.skipLine();
        if (this.#flowLevel === 0) this.#simpleKeyAllowed = true;
      } else break;
    }
  }
}
