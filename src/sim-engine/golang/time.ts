/**
 * Go's time.Time as the CLI shows it, without the JS Date: a GoTime is milliseconds
 * since the epoch plus a nanosecond remainder, in UTC or a fixed zone. It prints as
 * Time.String() (`2026-11-28 05:21:18.123456789 +0000 UTC`), marshals to JSON as
 * RFC3339Nano (`"2026-11-28T05:21:18.123456789Z"`), and templates can call its Go
 * methods (`{{.CreatedAt.Format "2006-01-02"}}`, `{{.CreatedAt.Unix}}`).
 */
import { formatLayout, MONTH_NAMES, type Fields } from './time-format.ts';

export { MONTH_NAMES };
import { RFC3339, RFC3339Nano } from './time-layout.ts';
import { withGoType } from './values.ts';

export * from './time-layout.ts';
export * from './duration.ts';

const MS_PER_DAY = 86_400_000;
/** 0001-01-01T00:00:00Z, Go's zero Time, in ms since the Unix epoch. */
export const ZERO_TIME_MS = -62_135_596_800_000;

/** Days since 1970-01-01 of a civil date (proleptic Gregorian). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number (days since 1970-01-01). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * `YYYY-MM-DD` and `HH:MM:SS` of an instant (ms since the epoch, UTC) joined by `sep`:
 * ' ' as time.Time's String() prints them, 'T' as RFC 3339 does.
 */
export function civilDateTime(ms: number, sep: string): string {
  const secs = Math.floor(ms / 1000);
  const days = Math.floor(secs / 86400);
  const rem = secs - days * 86400;
  const { year, month, day } = civilFromDays(days);
  const p = (n: number) => String(n).padStart(2, '0');
  const time = `${p(Math.floor(rem / 3600))}:${p(Math.floor((rem % 3600) / 60))}:${p(rem % 60)}`;
  return `${String(year).padStart(4, '0')}-${p(month)}-${p(day)}${sep}${time}`;
}

export interface Zone {
  /** seconds east of UTC (default 0) */
  offset?: number;
  /** zone abbreviation; defaults to "UTC" at offset 0 and none otherwise (printed as -0700) */
  name?: string;
}

export class GoTime {
  readonly #ms: number;
  readonly #ns: number;
  readonly #offset: number;
  readonly #zone: string;

  /** @param ms milliseconds since the Unix epoch; @param nsRemainder 0..999999 more nanoseconds */
  constructor(ms: number, nsRemainder = 0, zone: Zone = {}) {
    let whole = Math.floor(ms);
    let ns = Math.round((ms - whole) * 1e6) + Math.trunc(nsRemainder);
    whole += Math.floor(ns / 1e6);
    ns = ((ns % 1e6) + 1e6) % 1e6;
    this.#ms = whole;
    this.#ns = ns;
    this.#offset = zone.offset ?? 0;
    this.#zone = zone.name ?? (this.#offset === 0 ? 'UTC' : '');
    withGoType(this, 'time.Time');
  }

  /** milliseconds since the epoch (not a Go method: lower-case stays hidden from templates) */
  epochMillis(): number {
    return this.#ms;
  }

  /** nanoseconds beyond epochMillis() */
  nanosRemainder(): number {
    return this.#ns;
  }

  #fields(): Fields {
    const local = this.#ms + this.#offset * 1000;
    const days = Math.floor(local / MS_PER_DAY);
    const msOfDay = local - days * MS_PER_DAY;
    const { year, month, day } = civilFromDays(days);
    return {
      year,
      month,
      day,
      yday: days - daysFromCivil(year, 1, 1) + 1,
      weekday: (((days + 4) % 7) + 7) % 7,
      hour: Math.floor(msOfDay / 3_600_000),
      min: Math.floor(msOfDay / 60_000) % 60,
      sec: Math.floor(msOfDay / 1000) % 60,
      nsec: (msOfDay % 1000) * 1e6 + this.#ns,
      offset: this.#offset,
      zoneName: this.#zone,
    };
  }

  // --- Go methods, callable from templates ---------------------------------------

  /** Time.String: "2006-01-02 15:04:05.999999999 -0700 MST" */
  String(): string {
    return this.Format('2006-01-02 15:04:05.999999999 -0700 MST');
  }
  Format(layout: string): string {
    return formatLayout(this.#fields(), String(layout));
  }
  UTC(): GoTime {
    return new GoTime(this.#ms, this.#ns);
  }
  Local(): GoTime {
    return this; // the simulated hosts run in UTC
  }
  IsZero(): boolean {
    return this.#ms === ZERO_TIME_MS && this.#ns === 0;
  }
  Unix(): number {
    return Math.floor(this.#ms / 1000);
  }
  UnixMilli(): number {
    return this.#ms;
  }
  UnixNano(): bigint {
    return BigInt(this.#ms) * 1_000_000n + BigInt(this.#ns);
  }
  Year(): number {
    return this.#fields().year;
  }
  Month(): { String(): string } {
    const m = this.#fields().month;
    return withGoType({ String: () => MONTH_NAMES[m - 1]! }, 'time.Month');
  }
  Day(): number {
    return this.#fields().day;
  }
  YearDay(): number {
    return this.#fields().yday;
  }
  Hour(): number {
    return this.#fields().hour;
  }
  Minute(): number {
    return this.#fields().min;
  }
  Second(): number {
    return this.#fields().sec;
  }
  Nanosecond(): number {
    return this.#fields().nsec;
  }
  MarshalText(): string {
    const y = this.#fields().year;
    if (y < 0 || y > 9999) throw new Error('Time.MarshalText: year outside of range [0,9999]');
    return this.Format(RFC3339Nano);
  }
  MarshalJSON(): string {
    const y = this.#fields().year;
    if (y < 0 || y > 9999) throw new Error('Time.MarshalJSON: year outside of range [0,9999]');
    return '"' + this.Format(RFC3339Nano) + '"';
  }
}

/** Go's zero Time (0001-01-01 00:00:00 +0000 UTC). */
export const zeroTime = new GoTime(ZERO_TIME_MS);

/** A Go time from ms since the epoch (plus a nanosecond remainder), in UTC. */
export function goTime(ms: number, nsRemainder = 0): GoTime {
  return new GoTime(ms, nsRemainder);
}

/** time.Time.String() of an instant. */
export function formatGoTime(ms: number, nsRemainder = 0): string {
  return new GoTime(ms, nsRemainder).String();
}

/** The RFC3339Nano form the daemon's JSON carries: 2026-11-28T05:21:18.123456789Z */
export function formatRFC3339Nano(ms: number, nsRemainder = 0): string {
  return new GoTime(ms, nsRemainder).Format(RFC3339Nano);
}

function timeQuote(s: string): string {
  return '"' + s.replace(/["\\]/g, '\\$&') + '"';
}

export class TimeParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimeParseError';
  }
}

/**
 * time.Parse(time.RFC3339, s) — also accepting fractional seconds, as Go does —
 * with Go's error texts. Throws TimeParseError.
 */
export function parseRFC3339(value: string): GoTime {
  const elems: [string, RegExp][] = [
    ['2006', /^\d{4}/],
    ['-', /^-/],
    ['01', /^\d{2}/],
    ['-', /^-/],
    ['02', /^\d{2}/],
    ['T', /^T/],
    ['15', /^\d{2}/],
    [':', /^:/],
    ['04', /^\d{2}/],
    [':', /^:/],
    ['05', /^\d{2}/],
    ['', /^(?:[.,]\d+)?/],
    ['Z07:00', /^(?:Z|[+-]\d{2}:\d{2})/],
  ];
  let rest = value;
  const parts: string[] = [];
  let layoutRest = RFC3339;
  for (const [elem, re] of elems) {
    const m = re.exec(rest);
    if (!m) {
      const layoutElem = elem.length === 1 ? layoutRest.slice(0, layoutRest.indexOf(elem) + 1) : elem;
      throw new TimeParseError(
        `parsing time ${timeQuote(value)} as ${timeQuote(RFC3339)}: cannot parse ${timeQuote(rest)} as ${timeQuote(layoutElem)}`,
      );
    }
    if (elem !== '') layoutRest = layoutRest.slice(layoutRest.indexOf(elem) + elem.length);
    parts.push(m[0]);
    rest = rest.slice(m[0].length);
  }
  if (rest !== '')
    throw new TimeParseError(`parsing time ${timeQuote(value)}: extra text: ${timeQuote(rest)}`);
  const [y, , mo, , d, , h, , mi, , s, frac, zone] = parts.map((p) => p) as string[];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const range = (what: string) =>
    new TimeParseError(`parsing time ${timeQuote(value)}: ${what} out of range`);
  if (month < 1 || month > 12) throw range('month');
  const daysIn =
    daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) -
    daysFromCivil(year, month, 1);
  if (day < 1 || day > daysIn) throw range('day');
  if (Number(h) > 23) throw range('hour');
  if (Number(mi) > 59) throw range('minute');
  if (Number(s) > 59) throw range('second');
  let offset = 0;
  if (zone !== 'Z') {
    offset =
      (Number(zone!.slice(1, 3)) * 3600 + Number(zone!.slice(4, 6)) * 60) * (zone![0] === '-' ? -1 : 1);
    if (Number(zone!.slice(1, 3)) > 23 || Number(zone!.slice(4, 6)) > 59) throw range('time zone offset');
  }
  const digits = (frac ?? '').slice(1).padEnd(9, '0').slice(0, 9);
  const nanos = digits === '' ? 0 : Number(digits);
  const ms =
    daysFromCivil(year, month, day) * MS_PER_DAY +
    ((Number(h) * 60 + Number(mi)) * 60 + Number(s)) * 1000 -
    offset * 1000 +
    Math.floor(nanos / 1e6);
  return new GoTime(ms, nanos % 1e6, { offset, name: offset === 0 ? 'UTC' : '' });
}
