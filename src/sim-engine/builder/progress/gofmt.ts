// The few Go formatting behaviours the progress output depends on. The virtual clock
// counts milliseconds; progressui works on time.Duration (nanoseconds) and prints
// seconds through fmt, which rounds the exact binary value half to even — so 250 ms
// prints as "0.2s", where JS's toFixed would say "0.3s".

import { byteLength, formatFloat, sliceBytes } from '../../golang/index.ts';

/** time.Duration(ms).Seconds(): whole seconds plus the nanosecond remainder / 1e9, as Go computes it. */
export function durationSeconds(ms: number): number {
  const ns = Math.round(ms * 1e6);
  const sec = Math.trunc(ns / 1e9);
  const rem = ns - sec * 1e9;
  return sec + rem / 1e9;
}

/** fmt's %.<prec>f for a float64. */
export function fixed(x: number, prec: number): string {
  return formatFloat(x, 'f', prec);
}

/** fmt.Sprintf("%<width>.<prec>f", x): right-aligned in `width` runes. */
export function fixedWidth(x: number, width: number, prec: number): string {
  const s = fixed(x, prec);
  return s.length >= width ? s : ' '.repeat(width - s.length) + s;
}

const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];

/**
 * fmt.Sprintf("%.2f", units.Bytes(n)) from github.com/tonistiigi/units: below 1000 the
 * integer and "B" ("187B"), above it a decimal unit with two decimals ("8.16kB").
 */
export function bytesString(n: number): string {
  let i = 0;
  let base = n < 0 ? -1 : 1;
  for (;;) {
    const next = base * 1e3;
    if ((base > 0 && n >= next) || (base < 0 && n <= next)) {
      i++;
      base = next;
      continue;
    }
    if (i === 0) return `${Math.trunc(n)}B`;
    return fixed(n / Math.abs(base), 2) + DECIMAL_UNITS[i];
  }
}

/** Go's len(s): the UTF-8 byte count. */
export const goLen = byteLength;

/** Go's s[:n] on a string's bytes. */
export function goPrefix(s: string, n: number): string {
  return sliceBytes(s, 0, n);
}

/** fmt's %-*s: pad on the right to `width` runes (fmt counts runes, not bytes). */
export function padRight(s: string, width: number): string {
  let n = 0;
  for (const _ of s) n++;
  return n >= width ? s : s + ' '.repeat(width - n);
}
