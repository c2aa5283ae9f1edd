/**
 * strconv.Quote, QuoteRune, QuoteToASCII, CanBackquote and Unquote. The CLI quotes
 * container commands with strconv.Quote (`"/docker-entrypoint.…"`), fmt's %q uses
 * it, and template string literals are read with Unquote.
 */
import { isPrint } from './unicode.ts';
import { decodeUtf8, encodeUtf8 } from './utf8.ts';

const hex = '0123456789abcdef';

function escapeRune(cp: number, quote: number, asciiOnly: boolean): string {
  if (cp === quote || cp === 0x5c) return '\\' + String.fromCodePoint(cp);
  if (asciiOnly ? cp < 0x80 && isPrint(cp) : isPrint(cp)) return String.fromCodePoint(cp);
  switch (cp) {
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x0b:
      return '\\v';
  }
  if (cp < 0x20 || cp === 0x7f) return '\\x' + hex[cp >> 4] + hex[cp & 15];
  if (cp >= 0xd800 && cp <= 0xdfff) return '\\ufffd'; // a lone surrogate is invalid UTF-8 in Go
  if (cp < 0x10000) return '\\u' + cp.toString(16).padStart(4, '0');
  return '\\U' + cp.toString(16).padStart(8, '0');
}

function quoteWith(s: string, quote: number, asciiOnly: boolean): string {
  let out = String.fromCharCode(quote);
  for (const ch of s) out += escapeRune(ch.codePointAt(0)!, quote, asciiOnly);
  return out + String.fromCharCode(quote);
}

/** strconv.Quote */
export function quote(s: string): string {
  return quoteWith(s, 0x22, false);
}

/** strconv.QuoteToASCII */
export function quoteToASCII(s: string): string {
  return quoteWith(s, 0x22, true);
}

/** strconv.QuoteRune */
export function quoteRune(cp: number): string {
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp < 0) cp = 0xfffd;
  return "'" + escapeRune(cp, 0x27, false) + "'";
}

/** strconv.QuoteRuneToASCII */
export function quoteRuneToASCII(cp: number): string {
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp < 0) cp = 0xfffd;
  return "'" + escapeRune(cp, 0x27, true) + "'";
}

/** strconv.CanBackquote */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x60 || cp === 0xfeff) return false;
    if (cp < 0x20 && cp !== 0x09) return false;
    if (cp === 0x7f) return false;
  }
  return true;
}

export class ErrSyntax extends Error {
  constructor() {
    super('invalid syntax');
  }
}

function unhex(c: string): number {
  const v = parseInt(c, 16);
  return Number.isNaN(v) ? -1 : v;
}

/**
 * strconv.UnquoteChar: one (possibly escaped) character of a quoted literal.
 * Returns the bytes it stands for (a \x or octal escape is a single byte).
 */
function unquoteChar(s: string, i: number, quote: string): { bytes: number[]; next: number } {
  const c = s[i]!;
  if (c === quote && (quote === "'" || quote === '"')) throw new ErrSyntax();
  if (c !== '\\') {
    const cp = s.codePointAt(i)!;
    return { bytes: encodeUtf8(String.fromCodePoint(cp)), next: i + (cp > 0xffff ? 2 : 1) };
  }
  const e = s[i + 1];
  if (e === undefined) throw new ErrSyntax();
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 0x5c };
  if (e in simple) return { bytes: [simple[e]!], next: i + 2 };
  if (e === "'" || e === '"') {
    if (e !== quote) throw new ErrSyntax();
    return { bytes: [e.charCodeAt(0)], next: i + 2 };
  }
  if (e === 'x' || e === 'u' || e === 'U') {
    const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
    let v = 0;
    for (let k = 0; k < n; k++) {
      const d = unhex(s[i + 2 + k] ?? '');
      if (d < 0) throw new ErrSyntax();
      v = v * 16 + d;
    }
    if (e === 'x') return { bytes: [v], next: i + 2 + n };
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new ErrSyntax();
    return { bytes: encodeUtf8(String.fromCodePoint(v)), next: i + 2 + n };
  }
  if (e >= '0' && e <= '7') {
    let v = 0;
    for (let k = 0; k < 3; k++) {
      const d = s.charCodeAt(i + 1 + k) - 48;
      if (!(d >= 0 && d <= 7)) throw new ErrSyntax();
      v = v * 8 + d;
    }
    if (v > 255) throw new ErrSyntax();
    return { bytes: [v], next: i + 4 };
  }
  throw new ErrSyntax();
}

/** strconv.Unquote for "…", `…` and '…' literals. Throws ErrSyntax ("invalid syntax"). */
export function unquote(s: string): string {
  if (s.length < 2) throw new ErrSyntax();
  const q = s[0]!;
  if (q !== s[s.length - 1]) throw new ErrSyntax();
  const body = s.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new ErrSyntax();
    return body.replaceAll('\r', '');
  }
  if (q !== '"' && q !== "'") throw new ErrSyntax();
  if (body.includes('\n')) throw new ErrSyntax();
  const bytes: number[] = [];
  let count = 0;
  for (let i = 0; i < body.length;) {
    const r = unquoteChar(body, i, q);
    bytes.push(...r.bytes);
    i = r.next;
    count++;
    if (q === "'" && count > 1) throw new ErrSyntax();
  }
  if (q === "'" && count !== 1) throw new ErrSyntax();
  return decodeUtf8(bytes);
}

/**
 * The first character of a '…' literal with what follows it, as
 * strconv.UnquoteChar(text[1:], '\'') returns it to the template parser.
 */
export function unquoteCharLiteral(text: string): { rune: number; tail: string } {
  const r = unquoteChar(text, 1, "'");
  const rune =
    text[1] === '\\' && (text[2] === 'x' || (text[2]! >= '0' && text[2]! <= '7'))
      ? r.bytes[0]!
      : decodeUtf8(r.bytes).codePointAt(0)!;
  return { rune, tail: text.slice(r.next) };
}
