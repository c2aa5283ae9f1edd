/**
 * Character classes and delimiter markers shared by the lexer's states
 * (parse/lex.go): spaces, identifiers, and the "{{- " / " -}}" trim markers.
 */
import { isDigit, isLetter } from '../unicode.ts';

export const LEFT = '{{';
export const RIGHT = '}}';
export const EOF = -1;
export const spaceChars = ' \t\r\n';

export function isSpace(r: number): boolean {
  return r === 0x20 || r === 0x09 || r === 0x0d || r === 0x0a;
}

export function isAlphaNumeric(r: number): boolean {
  return r === 0x5f || (r >= 0 && (isLetter(r) || isDigit(r)));
}

export function hasLeftTrimMarker(s: string, i: number): boolean {
  return s[i] === '-' && isSpace(s.charCodeAt(i + 1));
}

export function hasRightTrimMarker(s: string, i: number): boolean {
  return isSpace(s.charCodeAt(i)) && s[i + 1] === '-';
}

export function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 0x0a) n++;
  return n;
}
