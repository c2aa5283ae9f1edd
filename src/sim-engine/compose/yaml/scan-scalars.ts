/**
 * Scalars — yaml.v3 scannerc.go yaml_parser_scan_block_scalar (`|`, `>`, chomping and
 * indentation indicators), scan_flow_scalar (quoted, with `\` escapes and line folding)
 * and scan_plain_scalar, with their error texts.
 */
import type { Mark } from './errors.ts';
import {
  c,
  type Cursor,
  isBlank,
  isBlankZ,
  isBreak,
  isBreakZ,
  isDigit,
  isHex,
  asHex,
  NUL,
  SPACE,
  TAB,
} from './cursor.ts';
import type { Token } from './scanner.ts';

const ESCAPES: Record<string, string> = {
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

/** `indent`: the scanner's current indentation */
export function scanBlockScalar(cur: Cursor, literal: boolean, indent: number): Token {
  const start = cur.markCopy();
  cur.skipChar();
  let chomping = 0;
  let increment = 0;
  const indicatorOf = (ch: number) => (ch === c('+') ? 1 : ch === c('-') ? -1 : 0);
  if (indicatorOf(cur.ch())) {
    chomping = indicatorOf(cur.ch());
    cur.skipChar();
    if (isDigit(cur.ch())) {
      if (cur.ch() === c('0'))
        cur.error('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
      increment = cur.ch() - 0x30;
      cur.skipChar();
    }
  } else if (isDigit(cur.ch())) {
    if (cur.ch() === c('0'))
      cur.error('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
    increment = cur.ch() - 0x30;
    cur.skipChar();
    if (indicatorOf(cur.ch())) {
      chomping = indicatorOf(cur.ch());
      cur.skipChar();
    }
  }
  cur.skipBlanks();
  if (cur.ch() === c('#')) while (!isBreakZ(cur.ch())) cur.skipChar();
  if (!isBreakZ(cur.ch()))
    cur.error('while scanning a block scalar', start, 'did not find expected comment or line break');
  if (isBreak(cur.ch())) cur.skipLine();
  const endRef = { end: cur.markCopy() };
  const state = {
    indent: increment > 0 ? (indent >= 0 ? indent + increment : increment) : 0,
    breaks: '',
  };
  let s = '';
  let leadingBreak = '';
  scanBlockScalarBreaks(cur, indent, state, start, endRef);
  let leadingBlank = false;
  while (cur.mark.column === state.indent && cur.ch() !== NUL) {
    const trailingBlank = isBlank(cur.ch());
    if (!literal && !leadingBlank && !trailingBlank && leadingBreak.startsWith('\n')) {
      // folded: a single line break between two text lines is a space
      if (state.breaks === '') s += ' ';
    } else s += leadingBreak;
    s += state.breaks;
    state.breaks = '';
    leadingBlank = isBlank(cur.ch());
    while (!isBreakZ(cur.ch())) s += cur.read();
    leadingBreak = cur.readLine();
    scanBlockScalarBreaks(cur, indent, state, start, endRef);
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

function scanBlockScalarBreaks(
  cur: Cursor,
  indent: number,
  state: { indent: number; breaks: string },
  start: Mark,
  endRef: { end: Mark },
): void {
  endRef.end = cur.markCopy();
  let maxIndent = 0;
  for (;;) {
    while ((state.indent === 0 || cur.mark.column < state.indent) && cur.ch() === SPACE) cur.skipChar();
    if (cur.mark.column > maxIndent) maxIndent = cur.mark.column;
    if ((state.indent === 0 || cur.mark.column < state.indent) && cur.ch() === TAB)
      cur.error(
        'while scanning a block scalar',
        start,
        'found a tab character where an indentation space is expected',
      );
    if (!isBreak(cur.ch())) break;
    state.breaks += cur.readLine();
    endRef.end = cur.markCopy();
  }
  if (state.indent === 0) {
    state.indent = Math.max(maxIndent, indent + 1, 1);
  }
}

export function scanFlowScalar(cur: Cursor, single: boolean): Token {
  const start = cur.markCopy();
  cur.skipChar();
  let s = '';
  let leadingBreak = '';
  let trailingBreaks = '';
  let whitespaces = '';
  for (;;) {
    if (
      cur.mark.column === 0 &&
      ((cur.ch() === c('-') && cur.ch(1) === c('-') && cur.ch(2) === c('-')) ||
        (cur.ch() === c('.') && cur.ch(1) === c('.') && cur.ch(2) === c('.'))) &&
      isBlankZ(cur.ch(3))
    )
      cur.error('while scanning a quoted scalar', start, 'found unexpected document indicator');
    if (cur.ch() === NUL)
      cur.error('while scanning a quoted scalar', start, 'found unexpected end of stream');
    let leadingBlanks = false;
    while (!isBlankZ(cur.ch())) {
      const ch = cur.ch();
      if (single && ch === c("'") && cur.ch(1) === c("'")) {
        s += "'";
        cur.skipChar();
        cur.skipChar();
      } else if (single && ch === c("'")) break;
      else if (!single && ch === c('"')) break;
      else if (!single && ch === c('\\') && isBreak(cur.ch(1))) {
        cur.skipChar();
        cur.skipLine();
        leadingBlanks = true;
        break;
      } else if (!single && ch === c('\\')) {
        s += scanEscape(cur, start);
      } else s += cur.read();
    }
    if (cur.ch() === c(single ? "'" : '"')) break;
    while (isBlank(cur.ch()) || isBreak(cur.ch())) {
      if (isBlank(cur.ch())) {
        if (!leadingBlanks) whitespaces += cur.read();
        else cur.skipChar();
      } else if (!leadingBlanks) {
        whitespaces = '';
        leadingBreak = cur.readLine();
        leadingBlanks = true;
      } else trailingBreaks += cur.readLine();
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
  cur.skipChar();
  return { type: 'SCALAR', start, end: cur.markCopy(), value: s, style: single ? 'single' : 'double' };
}

function scanEscape(cur: Cursor, start: Mark): string {
  const e = String.fromCodePoint(cur.ch(1));
  const codeLength = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
  const simple = ESCAPES[e];
  if (simple === undefined && codeLength === 0)
    cur.error('while parsing a quoted scalar', start, 'found unknown escape character');
  cur.skipChar();
  cur.skipChar();
  if (codeLength === 0) return simple!;
  let value = 0;
  for (let k = 0; k < codeLength; k++) {
    if (!isHex(cur.ch(k)))
      cur.error('while parsing a quoted scalar', start, 'did not find expected hexdecimal number');
    value = value * 16 + asHex(cur.ch(k));
  }
  if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff)
    cur.error('while parsing a quoted scalar', start, 'found invalid Unicode character escape code');
  for (let k = 0; k < codeLength; k++) cur.skipChar();
  return String.fromCodePoint(value);
}

/** `indent`, `flowLevel`: the scanner's; `leadingBlanks` says a line break followed the scalar */
export function scanPlainScalar(
  cur: Cursor,
  indent: number,
  flowLevel: number,
): { token: Token; leadingBlanks: boolean } {
  let s = '';
  let leadingBreak = '';
  let trailingBreaks = '';
  let whitespaces = '';
  let leadingBlanks = false;
  const minIndent = indent + 1;
  const start = cur.markCopy();
  let end = cur.markCopy();
  for (;;) {
    if (
      cur.mark.column === 0 &&
      ((cur.ch() === c('-') && cur.ch(1) === c('-') && cur.ch(2) === c('-')) ||
        (cur.ch() === c('.') && cur.ch(1) === c('.') && cur.ch(2) === c('.'))) &&
      isBlankZ(cur.ch(3))
    )
      break;
    if (cur.ch() === c('#')) break;
    while (!isBlankZ(cur.ch())) {
      const ch = cur.ch();
      if ((ch === c(':') && isBlankZ(cur.ch(1))) || (flowLevel > 0 && [...',?[]{}'].map(c).includes(ch)))
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
      s += cur.read();
      end = cur.markCopy();
    }
    if (!(isBlank(cur.ch()) || isBreak(cur.ch()))) break;
    while (isBlank(cur.ch()) || isBreak(cur.ch())) {
      if (isBlank(cur.ch())) {
        if (leadingBlanks && cur.mark.column < minIndent && cur.ch() === TAB)
          cur.error(
            'while scanning a plain scalar',
            start,
            'found a tab character that violates indentation',
          );
        if (!leadingBlanks) whitespaces += cur.read();
        else cur.skipChar();
      } else if (!leadingBlanks) {
        whitespaces = '';
        leadingBreak = cur.readLine();
        leadingBlanks = true;
      } else trailingBreaks += cur.readLine();
    }
    if (flowLevel === 0 && cur.mark.column < minIndent) break;
  }
  return { token: { type: 'SCALAR', start, end, value: s, style: 'plain' }, leadingBlanks };
}
