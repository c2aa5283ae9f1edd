/**
 * The date formats of the servers' logs, from virtual time (ms since the epoch, UTC:
 * containers have no TZ set). Sub-millisecond digits, where a log prints them, come
 * from the caller (the seeded generator), since the clock counts milliseconds.
 */
import { civil, strftime } from '../../../shell/utils/support/time.ts';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** nginx's error log and Go's `log` package: `2026/11/28 05:21:18`. */
export function slashTime(ms: number): string {
  return strftime('%Y/%m/%d %H:%M:%S', ms);
}

/** Common/combined log format: `28/Nov/2026:05:21:18 +0000`. */
export function clfTime(ms: number): string {
  return strftime('%d/%b/%Y:%H:%M:%S +0000', ms);
}

/** redis: `28 Nov 2026 05:21:18.123`. */
export function redisTime(ms: number): string {
  return `${strftime('%d %b %Y %H:%M:%S', ms)}.${pad(civil(ms).ms, 3)}`;
}

/** Apache's error log: `Sat Nov 28 05:21:18.123456 2026`. */
export function apacheTime(ms: number, micros = 0): string {
  const c = civil(ms);
  return `${strftime('%a %b %d %H:%M:%S', ms)}.${pad(c.ms * 1000 + micros, 6)} ${c.year}`;
}

/** PostgreSQL's log_line_prefix `%m`: `2026-11-28 05:21:18.123 UTC`. */
export function postgresTime(ms: number): string {
  return `${strftime('%Y-%m-%d %H:%M:%S', ms)}.${pad(civil(ms).ms, 3)} UTC`;
}

/** MySQL's error log: `2026-11-28T05:21:18.123456Z`. */
export function mysqlTime(ms: number, micros = 0): string {
  return `${strftime('%Y-%m-%dT%H:%M:%S', ms)}.${pad(civil(ms).ms * 1000 + micros, 6)}Z`;
}

/** `date --rfc-3339=seconds` in UTC: `2026-11-28 05:21:18+00:00`. */
export function rfc3339Seconds(ms: number): string {
  return `${strftime('%Y-%m-%d %H:%M:%S', ms)}+00:00`;
}

/** An HTTP Date header: `Sat, 28 Nov 2026 05:21:18 GMT`. */
export function httpDate(ms: number): string {
  return strftime('%a, %d %b %Y %H:%M:%S GMT', ms);
}

/**
 * Go's RFC3339Nano (logrus' `time=` field): nanoseconds with trailing zeros trimmed,
 * `2026-11-28T05:21:18.123456789Z`.
 */
export function rfc3339Nano(ms: number, subMsNanos = 0): string {
  const nanos = civil(ms).ms * 1_000_000 + subMsNanos;
  const frac = nanos === 0 ? '' : `.${pad(nanos, 9).replace(/0+$/, '')}`;
  return `${strftime('%Y-%m-%dT%H:%M:%S', ms)}${frac}Z`;
}

/** Python's BaseHTTPRequestHandler.log_date_time_string: `28/Nov/2026 05:21:18`. */
export function pythonLogTime(ms: number): string {
  return strftime('%d/%b/%Y %H:%M:%S', ms);
}

/** A random number of sub-millisecond units below `unit` (micro: 1000, nano: 1e6). */
export function subMs(random: () => number, unit: number): number {
  return Math.floor(random() * unit);
}
