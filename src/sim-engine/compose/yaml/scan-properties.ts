/**
 * Directives, anchors, aliases and tags — yaml.v3 scannerc.go yaml_parser_scan_directive,
 * scan_anchor, scan_tag and their helpers, with their error texts.
 */
import { utf8Decode } from './bytes.ts';
import type { Mark } from './errors.ts';
import {
  asHex,
  c,
  type Cursor,
  isAlpha,
  isBlank,
  isBlankZ,
  isBreak,
  isBreakZ,
  isDigit,
  isHex,
} from './cursor.ts';
import type { Token } from './scanner.ts';

const URI_CHARS = new Set([...";/?:@&=+$,.!~*'()[]%"].map(c));

export function scanDirective(cur: Cursor): Token {
  const start = cur.markCopy();
  cur.skipChar();
  let name = '';
  while (isAlpha(cur.ch())) name += cur.read();
  if (name === '') cur.error('while scanning a directive', start, 'could not find expected directive name');
  if (!isBlankZ(cur.ch()))
    cur.error('while scanning a directive', start, 'found unexpected non-alphabetical character');
  let token: Token;
  if (name === 'YAML') {
    cur.skipBlanks();
    const major = scanVersionNumber(cur, start);
    if (cur.ch() !== c('.'))
      cur.error('while scanning a %YAML directive', start, "did not find expected digit or '.' character");
    cur.skipChar();
    const minor = scanVersionNumber(cur, start);
    token = { type: 'VERSION-DIRECTIVE', start, end: cur.markCopy(), major, minor };
  } else if (name === 'TAG') {
    cur.skipBlanks();
    const handle = scanTagHandle(cur, true, start);
    if (!isBlank(cur.ch()))
      cur.error('while scanning a %TAG directive', start, 'did not find expected whitespace');
    cur.skipBlanks();
    const prefix = scanTagUri(cur, true, '', start);
    if (!isBlankZ(cur.ch()))
      cur.error('while scanning a %TAG directive', start, 'did not find expected whitespace or line break');
    token = { type: 'TAG-DIRECTIVE', start, end: cur.markCopy(), value: handle, prefix };
  } else {
    cur.error('while scanning a directive', start, 'found unknown directive name');
  }
  cur.skipBlanks();
  if (cur.ch() === c('#')) while (!isBreakZ(cur.ch())) cur.skipChar();
  if (!isBreakZ(cur.ch()))
    cur.error('while scanning a directive', start, 'did not find expected comment or line break');
  if (isBreak(cur.ch())) cur.skipLine();
  return token;
}

function scanVersionNumber(cur: Cursor, start: Mark): number {
  let value = 0;
  let length = 0;
  while (isDigit(cur.ch())) {
    if (++length > 2)
      cur.error('while scanning a %YAML directive', start, 'found extremely long version number');
    value = value * 10 + (cur.ch() - 0x30);
    cur.skipChar();
  }
  if (length === 0)
    cur.error('while scanning a %YAML directive', start, 'did not find expected version number');
  return value;
}

export function scanAnchor(cur: Cursor, type: 'ALIAS' | 'ANCHOR'): Token {
  const start = cur.markCopy();
  cur.skipChar();
  let s = '';
  while (isAlpha(cur.ch())) s += cur.read();
  const end = cur.markCopy();
  const ch = cur.ch();
  if (s === '' || !(isBlankZ(ch) || [...'?:,]}%@`'].map(c).includes(ch)))
    cur.error(
      type === 'ANCHOR' ? 'while scanning an anchor' : 'while scanning an alias',
      start,
      'did not find expected alphabetic or numeric character',
    );
  return { type, start, end, value: s };
}

function tagError(cur: Cursor, directive: boolean, start: Mark, problem: string): never {
  cur.error(directive ? 'while parsing a %TAG directive' : 'while parsing a tag', start, problem);
}

export function scanTag(cur: Cursor): Token {
  const start = cur.markCopy();
  let handle = '';
  let suffix: string;
  if (cur.ch(1) === c('<')) {
    // verbatim: !<tag:yaml.org,2002:str>
    cur.skipChar();
    cur.skipChar();
    suffix = scanTagUri(cur, false, '', start);
    if (cur.ch() !== c('>')) cur.error('while scanning a tag', start, "did not find the expected '>'");
    cur.skipChar();
  } else {
    handle = scanTagHandle(cur, false, start);
    if (handle[0] === '!' && handle.length > 1 && handle.endsWith('!')) {
      suffix = scanTagUri(cur, false, '', start);
    } else {
      // `!foo` is the handle `!` and the suffix `foo`; a lone `!` is the non-specific tag
      suffix = scanTagUri(cur, false, handle, start);
      handle = '!';
      if (suffix === '') [handle, suffix] = [suffix, handle];
    }
  }
  if (!isBlankZ(cur.ch()))
    cur.error('while scanning a tag', start, 'did not find expected whitespace or line break');
  return { type: 'TAG', start, end: cur.markCopy(), value: handle, suffix };
}

function scanTagHandle(cur: Cursor, directive: boolean, start: Mark): string {
  if (cur.ch() !== c('!')) tagError(cur, directive, start, "did not find expected '!'");
  let s = cur.read();
  while (isAlpha(cur.ch())) s += cur.read();
  if (cur.ch() === c('!')) s += cur.read();
  else if (directive && s !== '!') tagError(cur, directive, start, "did not find expected '!'");
  return s;
}

function scanTagUri(cur: Cursor, directive: boolean, head: string, start: Mark): string {
  let s = head.length > 1 ? head.slice(1) : '';
  let hasTag = head.length > 0;
  while (isAlpha(cur.ch()) || URI_CHARS.has(cur.ch())) {
    if (cur.ch() === c('%')) s += scanUriEscapes(cur, directive, start);
    else s += cur.read();
    hasTag = true;
  }
  if (!hasTag) tagError(cur, directive, start, 'did not find expected tag URI');
  return s;
}

function scanUriEscapes(cur: Cursor, directive: boolean, start: Mark): string {
  const bytes: number[] = [];
  let w = 1024;
  while (w > 0) {
    if (!(cur.ch() === c('%') && isHex(cur.ch(1)) && isHex(cur.ch(2))))
      tagError(cur, directive, start, 'did not find URI escaped octet');
    const octet = (asHex(cur.ch(1)) << 4) + asHex(cur.ch(2));
    if (w === 1024) {
      w = utf8Width(octet);
      if (w === 0) tagError(cur, directive, start, 'found an incorrect leading UTF-8 octet');
    } else if ((octet & 0xc0) !== 0x80) {
      tagError(cur, directive, start, 'found an incorrect trailing UTF-8 octet');
    }
    bytes.push(octet);
    cur.skipChar();
    cur.skipChar();
    cur.skipChar();
    w--;
  }
  return utf8Decode(bytes);
}

function utf8Width(b: number): number {
  if ((b & 0x80) === 0) return 1;
  if ((b & 0xe0) === 0xc0) return 2;
  if ((b & 0xf0) === 0xe0) return 3;
  if ((b & 0xf8) === 0xf0) return 4;
  return 0;
}
