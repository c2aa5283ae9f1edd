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

/** `YYYY-MM-DDTHH:MM:SS` in UTC for ms since the epoch (civil-from-days, no Date). */
export function isoSeconds(ms: number): string {
  const secs = Math.floor(ms / 1000);
  const days = Math.floor(secs / 86400);
  const rem = secs - days * 86400;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${String(y).padStart(4, '0')}-${p2(m)}-${p2(d)}T${p2(Math.floor(rem / 3600))}:${p2(Math.floor((rem % 3600) / 60))}:${p2(rem % 60)}`;
}
