/**
 * How each kind of flag value parses, with the error texts Go's strconv/time and
 * docker's opts produce (they reach the user as `invalid argument "x" for "--y" flag: …`).
 * The parsing itself is golang/'s, which follows Go's strconv and time exactly.
 */
import { parseGoDuration as parseDurationNs } from '../golang/duration.ts';
import { NumError, parseFloat64, parseInt64, parseUint } from '../golang/strconv-number.ts';
import { quote } from '../golang/strconv-quote.ts';

/** Go's %q of a string (strconv.Quote). */
export const goQuote = quote;

/** strconv.ParseBool */
export function parseGoBool(s: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  throw new Error(`strconv.ParseBool: parsing ${goQuote(s)}: invalid syntax`);
}

/** strconv.ParseInt(s, 0, bits) */
export function parseGoInt(s: string, bits = 64): number {
  const n = parseInt64(s);
  const limit = 1n << BigInt(bits - 1);
  if (n >= limit || n < -limit) throw new NumError('ParseInt', s, 'value out of range');
  return Number(n);
}

/** strconv.ParseUint(s, 0, bits) */
export function parseGoUint(s: string, bits = 64): number {
  const n = parseUint(s);
  if (n >= 1n << BigInt(bits)) throw new NumError('ParseUint', s, 'value out of range');
  return Number(n);
}

/** strconv.ParseFloat(s, 64) */
export function parseGoFloat(s: string): number {
  return parseFloat64(s);
}

/** time.ParseDuration, in milliseconds. */
export function parseGoDuration(s: string): number {
  return parseDurationNs(s) / 1e6;
}
