/**
 * The strconv errors docker's option parsers pass through: `strconv.ParseInt: parsing
 * "x": invalid syntax`. Go's NumError, so a caller can show only `.reason` (as
 * docker does where it unwraps `numErr.Err`).
 */
import { NumError } from '../../../golang/strconv-number.ts';

export { NumError };

function digitsOf(base: number): RegExp {
  return base === 2 ? /^[01]+$/ : base === 8 ? /^[0-7]+$/ : base === 16 ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/;
}

/** strconv.ParseUint(s, base, bits) for base 8, 10 or 16 (no prefixes). */
export function parseUint(s: string, base: number, bits: number, fn = 'ParseUint'): bigint {
  if (s === '' || !digitsOf(base).test(s)) throw new NumError(fn, s, 'invalid syntax');
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : '';
  const n = BigInt(prefix + s);
  if (n >= 1n << BigInt(bits)) throw new NumError(fn, s, 'value out of range');
  return n;
}

/** strconv.ParseInt(s, 10, bits) */
export function parseInt10(s: string, bits: number, fn = 'ParseInt'): bigint {
  const m = /^([+-]?)([0-9]+)$/.exec(s);
  if (!m) throw new NumError(fn, s, 'invalid syntax');
  const n = BigInt(m[1] === '-' ? '-' + m[2] : m[2]!);
  const limit = 1n << BigInt(bits - 1);
  if (n >= limit || n < -limit) throw new NumError(fn, s, 'value out of range');
  return n;
}

/** strconv.Atoi */
export function atoi(s: string): number {
  return Number(parseInt10(s, 64, 'Atoi'));
}
