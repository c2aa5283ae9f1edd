/**
 * A point in virtual time as the daemon records it: milliseconds from the clock plus
 * a nanosecond remainder drawn once from the seeded generator, so timestamps print
 * with Docker's nine fractional digits and stay stable for the life of the object.
 */
export interface Instant {
  ms: number;
  /** 0–999999: the nanoseconds below the millisecond */
  nano: number;
}

import { civilDateTime } from '../golang/time.ts';

/** Go's zero time, which Docker prints as `0001-01-01T00:00:00Z`. */
export const ZERO_TIME = '0001-01-01T00:00:00Z';

/** RFC 3339 with nanoseconds, trailing zeros dropped, as Go's time.RFC3339Nano marshals. */
export function rfc3339Nano(t: Instant): string {
  const frac = (String(t.ms % 1000).padStart(3, '0') + String(t.nano).padStart(6, '0')).replace(/0+$/, '');
  return isoSeconds(t.ms) + (frac ? '.' + frac : '') + 'Z';
}

/** Seconds since the epoch (the `Created` of list endpoints). */
export function unixSeconds(t: Instant): number {
  return Math.floor(t.ms / 1000);
}

/** Nanoseconds since the epoch, as a decimal string (events' timeNano exceeds 2^53). */
export function unixNanoString(t: Instant): string {
  return String(Math.floor(t.ms / 1000)) + String((t.ms % 1000) * 1_000_000 + t.nano).padStart(9, '0');
}

/** `YYYY-MM-DDTHH:MM:SS` in UTC for ms since the epoch. */
export function isoSeconds(ms: number): string {
  return civilDateTime(ms, 'T');
}
