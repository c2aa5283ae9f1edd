/**
 * Go strings are bytes, JS strings are UTF-16. Wherever Docker's output depends on
 * byte counts (`len`, `slice`, `truncate`, error columns, tabwriter cell sizes) we
 * measure the UTF-8 encoding, so these helpers stand in for Go's `unicode/utf8`.
 */

/** The number of bytes of `s` encoded as UTF-8 (what Go's `len(s)` returns). */
export function byteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) {
      n += 4;
      i++;
    } else n += 3; // BMP, or a lone surrogate (Go would have U+FFFD, also 3 bytes)
  }
  return n;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Encode `s` as UTF-8; lone surrogates become U+FFFD as Go's conversion does. */
export function encodeUtf8(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    let cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else
      out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return out;
}

/**
 * Decode one rune from `bytes` at `i` like utf8.DecodeRune: invalid or truncated
 * sequences yield U+FFFD with width 1.
 */
export function decodeRune(bytes: ArrayLike<number>, i: number): { rune: number; size: number } {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return { rune: b0, size: 1 };
  const bad = { rune: 0xfffd, size: 1 };
  const cont = (k: number): number => {
    const b = bytes[i + k];
    return b !== undefined && (b & 0xc0) === 0x80 ? b & 0x3f : -1;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    const c1 = cont(1);
    return c1 < 0 ? bad : { rune: ((b0 & 0x1f) << 6) | c1, size: 2 };
  }
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const c1 = cont(1);
    const c2 = cont(2);
    if (c1 < 0 || c2 < 0) return bad;
    const r = ((b0 & 0x0f) << 12) | (c1 << 6) | c2;
    if (r < 0x800 || (r >= 0xd800 && r <= 0xdfff)) return bad;
    return { rune: r, size: 3 };
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const c1 = cont(1);
    const c2 = cont(2);
    const c3 = cont(3);
    if (c1 < 0 || c2 < 0 || c3 < 0) return bad;
    const r = ((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3;
    if (r < 0x10000 || r > 0x10ffff) return bad;
    return { rune: r, size: 4 };
  }
  return bad;
}

/** Decode UTF-8 bytes to a JS string, replacing invalid sequences with U+FFFD. */
export function decodeUtf8(bytes: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const { rune, size } = decodeRune(bytes, i);
    out += String.fromCodePoint(rune);
    i += size;
  }
  return out;
}

/**
 * `s[start:end]` with Go's byte indexes. A cut through a multi-byte rune leaves
 * invalid UTF-8 in Go; a terminal shows it as U+FFFD, and so do we.
 */
export function sliceBytes(s: string, start: number, end?: number): string {
  // ASCII (IDs, names): bytes are characters
  if (isAscii(s)) return s.slice(start, end);
  const bytes = encodeUtf8(s);
  if (start === 0 && (end === undefined || end >= bytes.length) && !hasLoneSurrogate(s)) return s;
  return decodeUtf8(bytes.slice(start, end));
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

function hasLoneSurrogate(s: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

/** The code points of `s` (Go's `[]rune(s)`). */
export function runes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

/** The number of runes in `s` (utf8.RuneCountInString). */
export function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
