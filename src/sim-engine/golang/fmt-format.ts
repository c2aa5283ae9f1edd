/**
 * The low level of Go's fmt (fmt/format.go): one operand with its flags, width
 * and precision, padded. fmt-print.ts decides which of these a value gets.
 */
import { formatFloat, type FloatFormat } from './float-format.ts';
import { canBackquote, quote, quoteRune, quoteRuneToASCII, quoteToASCII } from './strconv-quote.ts';
import { encodeUtf8, runeCount } from './utf8.ts';

export interface Flags {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  /** %+v */
  plusV: boolean;
  /** %#v */
  sharpV: boolean;
  wid: number | undefined;
  prec: number | undefined;
}

export function clearFlags(): Flags {
  return {
    plus: false,
    minus: false,
    sharp: false,
    space: false,
    zero: false,
    plusV: false,
    sharpV: false,
    wid: undefined,
    prec: undefined,
  };
}

function padding(n: number, zero: boolean): string {
  return n > 0 ? (zero ? '0' : ' ').repeat(n) : '';
}

/** fmt.pad: honour width (counted in runes) and the minus flag. */
export function pad(f: Flags, s: string): string {
  if (f.wid === undefined || f.wid === 0) return s;
  const n = f.wid - runeCount(s);
  if (n <= 0) return s;
  return f.minus ? s + padding(n, false) : padding(n, f.zero) + s;
}

export function fmtBoolean(f: Flags, v: boolean): string {
  return pad(f, v ? 'true' : 'false');
}

const ldigits = '0123456789abcdefx';
const udigits = '0123456789ABCDEFX';

/** fmt.fmtInteger for base 2, 8, 10, 16 (verb decides case and prefixes). */
export function fmtInteger(f: Flags, v: bigint, base: number, verb: string): string {
  const negative = v < 0n;
  let u = negative ? -v : v;
  const digits = verb === 'X' ? udigits : ldigits;
  let prec = 0;
  if (f.prec !== undefined) {
    prec = f.prec;
    // Precision of 0 and value of 0 means "print nothing" but padding.
    if (prec === 0 && v === 0n) {
      const zero = f.zero;
      f.zero = false;
      const out = padding(f.wid ?? 0, false);
      f.zero = zero;
      return out;
    }
  } else if (f.zero && !f.minus && f.wid !== undefined) {
    prec = f.wid;
    if (negative || f.plus || f.space) prec--; // leave room for sign
  }
  let body = '';
  const b = BigInt(base);
  do {
    body = digits[Number(u % b)] + body;
    u /= b;
  } while (u > 0n);
  while (body.length < prec) body = '0' + body;
  if (f.sharp) {
    if (base === 2) body = '0b' + body;
    else if (base === 8 && body[0] !== '0') body = '0' + body;
    else if (base === 16) body = '0' + digits[16] + body;
  }
  if (verb === 'O') body = '0o' + body;
  if (negative) body = '-' + body;
  else if (f.plus) body = '+' + body;
  else if (f.space) body = ' ' + body;
  // Zero padding was done through precision; do not pad with zeros again.
  const zero = f.zero;
  f.zero = false;
  const out = pad(f, body);
  f.zero = zero;
  return out;
}

/** %c */
export function fmtC(f: Flags, v: bigint): string {
  const cp = v < 0n || v > 0x10ffffn ? 0xfffd : Number(v);
  return pad(f, String.fromCodePoint(cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp));
}

/** %q on an integer: a quoted rune literal */
export function fmtQc(f: Flags, v: bigint): string {
  const cp = v < 0n || v > 0x10ffffn ? 0xfffd : Number(v);
  return pad(f, f.plus ? quoteRuneToASCII(cp) : quoteRune(cp));
}

/** %U: U+0041, with # also the character */
export function fmtUnicode(f: Flags, v: bigint): string {
  let hex = (v < 0n ? -v : v).toString(16).toUpperCase();
  const prec = f.prec !== undefined && f.prec > 4 ? f.prec : 4;
  while (hex.length < prec) hex = '0' + hex;
  let out = 'U+' + hex;
  if (f.sharp && v >= 0n && v <= 0x10ffffn) out += " '" + String.fromCodePoint(Number(v)) + "'";
  const zero = f.zero;
  f.zero = false;
  const res = pad(f, out);
  f.zero = zero;
  return res;
}

/** fmt.fmtFloat: strconv formatting plus fmt's sign and padding rules. */
export function fmtFloat(f: Flags, v: number, verb: FloatFormat, defaultPrec: number): string {
  const prec = f.prec ?? defaultPrec;
  let num = formatFloat(v, verb, prec);
  if (num[0] === '-' || num[0] === '+') {
    // keep sign
  } else num = '+' + num;
  if (f.space && num[0] === '+' && !f.plus) num = ' ' + num.slice(1);
  if (num[1] === 'I' || num[1] === 'N') {
    const zero = f.zero;
    f.zero = false;
    if (num[1] === 'N' && !f.space && !f.plus) num = num.slice(1);
    const out = pad(f, num);
    f.zero = zero;
    return out;
  }
  if (f.sharp && !num.includes('.') && !/[eE]/.test(num)) num += '.';
  if (f.plus || num[0] !== '+') {
    if (f.zero && !f.minus && f.wid !== undefined && f.wid > num.length) {
      return num[0] + '0'.repeat(f.wid - num.length) + num.slice(1);
    }
    return pad(f, num);
  }
  return pad(f, num.slice(1));
}

function truncate(f: Flags, s: string): string {
  if (f.prec === undefined) return s;
  let n = 0;
  let i = 0;
  for (const ch of s) {
    if (n === f.prec) return s.slice(0, i);
    n++;
    i += ch.length;
  }
  return s;
}

/** %s and %v */
export function fmtS(f: Flags, s: string): string {
  return pad(f, truncate(f, s));
}

/** %q */
export function fmtQ(f: Flags, s: string): string {
  s = truncate(f, s);
  if (f.sharp && canBackquote(s)) return pad(f, '`' + s + '`');
  return pad(f, f.plus ? quoteToASCII(s) : quote(s));
}

/** %x and %X on a string: hex of its UTF-8 bytes */
export function fmtSx(f: Flags, s: string, upper: boolean): string {
  let bytes = encodeUtf8(s);
  if (f.prec !== undefined && f.prec < bytes.length) bytes = bytes.slice(0, f.prec);
  const digits = upper ? udigits : ldigits;
  let out = '';
  bytes.forEach((b, i) => {
    if (f.space && i > 0) out += ' ';
    if (f.sharp && (f.space || i === 0)) out += '0' + digits[16];
    out += digits[b >> 4]! + digits[b & 15]!;
  });
  return pad(f, out);
}
