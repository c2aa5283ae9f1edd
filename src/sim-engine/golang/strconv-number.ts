/**
 * strconv.ParseInt / ParseUint with base 0 (Go literal syntax: 0x, 0o, 0b, a leading
 * 0 for octal, `_` separators) and ParseFloat, with strconv's error texts — the
 * template parser reads number literals with them and go-units reports their errors
 * verbatim (`strconv.ParseFloat: parsing "x": invalid syntax`).
 */
import { quote } from './strconv-quote.ts';

export class NumError extends Error {
  readonly func: string;
  readonly input: string;
  readonly reason: 'invalid syntax' | 'value out of range';
  constructor(func: string, input: string, reason: 'invalid syntax' | 'value out of range') {
    super(`strconv.${func}: parsing ${quote(input)}: ${reason}`);
    this.func = func;
    this.input = input;
    this.reason = reason;
  }
}

function lower(c: string): string {
  return c.toLowerCase();
}

/** strconv's underscoreOK: underscores only between digits (or after a base prefix). */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(lower(s[1]!))) {
    i = 2;
    saw = '0';
    hex = lower(s[1]!) === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

const MAX_UINT64 = (1n << 64n) - 1n;

/** strconv.ParseUint(s, 0, 64) */
export function parseUint(s: string, func = 'ParseUint', orig = s): bigint {
  if (s === '') throw new NumError(func, orig, 'invalid syntax');
  let base = 10;
  let body = s;
  let prefixed = false;
  if (s[0] === '0') {
    const p = lower(s[1] ?? '');
    if (s.length >= 3 && (p === 'b' || p === 'o' || p === 'x')) {
      base = p === 'b' ? 2 : p === 'o' ? 8 : 16;
      body = s.slice(2);
      prefixed = true;
    } else {
      base = 8;
      body = s.slice(1);
      prefixed = true;
    }
  }
  let n = 0n;
  let underscores = false;
  for (const c of body) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    const d = parseInt(c, 36);
    if (Number.isNaN(d) || d >= base) throw new NumError(func, orig, 'invalid syntax');
    n = n * BigInt(base) + BigInt(d);
  }
  if (!prefixed && body === '') throw new NumError(func, orig, 'invalid syntax');
  if (underscores && !underscoreOK(s)) throw new NumError(func, orig, 'invalid syntax');
  if (n > MAX_UINT64) throw new NumError(func, orig, 'value out of range');
  return n;
}

/** strconv.ParseInt(s, 0, 64) */
export function parseInt64(s: string): bigint {
  if (s === '') throw new NumError('ParseInt', s, 'invalid syntax');
  let neg = false;
  let body = s;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    body = s.slice(1);
  }
  const u = parseUint(body, 'ParseInt', s);
  const limit = 1n << 63n;
  if (!neg && u >= limit) throw new NumError('ParseInt', s, 'value out of range');
  if (neg && u > limit) throw new NumError('ParseInt', s, 'value out of range');
  return neg ? -u : u;
}

const decimalFloat = /^[+-]?(?:\d[\d_]*\.?[\d_]*|\.[\d_]+)(?:[eE][+-]?[\d_]+)?$/;
const hexFloat = /^([+-]?)0[xX]([\da-fA-F_]*)(?:\.([\da-fA-F_]*))?[pP]([+-]?[\d_]+)$/;

/** strconv.ParseFloat(s, 64) */
export function parseFloat64(s: string): number {
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(s);
  if (special) {
    if (lower(special[2]!) === 'nan') return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  let value: number;
  const hx = hexFloat.exec(s);
  if (hx) {
    const [, sign, intPart, fracPart = '', expPart] = hx as unknown as [
      string,
      string,
      string,
      string,
      string,
    ];
    if ((intPart + fracPart).replaceAll('_', '') === '')
      throw new NumError('ParseFloat', s, 'invalid syntax');
    if (s.includes('_') && !underscoreOK(s.replace(/[.pP].*$/, ''))) {
      throw new NumError('ParseFloat', s, 'invalid syntax');
    }
    const digits = (intPart + fracPart).replaceAll('_', '');
    const mant = BigInt('0x' + digits);
    const exp = Number(expPart.replaceAll('_', '')) - 4 * fracPart.replaceAll('_', '').length;
    value = Number(mant) * 2 ** exp;
    if (sign === '-') value = -value;
  } else {
    if (!decimalFloat.test(s)) throw new NumError('ParseFloat', s, 'invalid syntax');
    if (s.includes('_') && !underscoreOK(s)) throw new NumError('ParseFloat', s, 'invalid syntax');
    value = Number(s.replaceAll('_', ''));
    if (Number.isNaN(value)) throw new NumError('ParseFloat', s, 'invalid syntax');
  }
  if (!Number.isFinite(value)) throw new NumError('ParseFloat', s, 'value out of range');
  return value;
}
