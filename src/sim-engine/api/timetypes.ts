/**
 * (Shared by the CLI and the daemon, as docker's api/types/time package is.)
 *
 * Times given to `--since`, `--until` and the `until` filter (docker's
 * timetypes.GetTimestamp): a Go duration back from now (`10m`), seconds since the
 * epoch (`1700000000.5`), or an RFC 3339 date or date-time.
 */
import { invalidParameter } from '../errdefs.ts';
import { DurationError, parseGoDurationBig } from '../golang/duration.ts';
import { nextStdChunk } from '../golang/time-layout.ts';
import { daysFromCivil } from '../golang/time.ts';

/**
 * A time filter (`until`) as the daemon reads it: timetypes.GetTimestamp, then the
 * seconds it gives, in ms since the epoch. Errors are the daemon's InvalidParameter.
 */
export function parseUntil(value: string, now: number): number {
  let ts: string;
  try {
    ts = getTimestamp(value, now);
  } catch (err) {
    throw invalidParameter((err as Error).message);
  }
  const [sec = '0', frac = ''] = ts.split('.');
  return Number(sec) * 1000 + Math.floor(Number(`0.${frac || '0'}`) * 1000);
}

// ---------------------------------------------------------------------------
// timetypes.GetTimestamp exactly as the docker CLI runs it for `--since`/`--until`
// (api/types/time/timestamp.go): a Go duration back from `reference` in whole
// seconds; an RFC 3339-like date parsed with Go's time.Parse rules and errors, in
// the host's zone (UTC); or a Unix timestamp passed through as given.

const NS_PER_S = 1_000_000_000n;

/** GetTimestamp: the value to send; throws an Error with Go's message. */
export function getTimestamp(value: string, referenceMs: number): string {
  if (value !== '0') {
    try {
      const d = parseGoDurationBig(value);
      const ns = BigInt(Math.floor(referenceMs)) * 1_000_000n - d;
      return floorDiv(ns, NS_PER_S).toString();
    } catch (err) {
      if (!(err instanceof DurationError)) throw err;
    }
  }
  const parseInLocation = !/[zZ+]/.test(value) && count(value, '-') !== 3;
  let layout: string;
  if (value.includes('.')) {
    layout = parseInLocation ? '2006-01-02T15:04:05.999999999' : '2006-01-02T15:04:05.999999999Z07:00';
  } else if (value.includes('T')) {
    let colons = count(value, ':');
    if (!parseInLocation && !/[zZ]/.test(value) && colons > 0) colons--;
    if (parseInLocation) {
      layout = colons === 0 ? '2006-01-02T15' : colons === 1 ? '2006-01-02T15:04' : '2006-01-02T15:04:05';
    } else {
      layout =
        colons === 0
          ? '2006-01-02T15Z07:00'
          : colons === 1
            ? '2006-01-02T15:04Z07:00'
            : '2006-01-02T15:04:05Z07:00';
    }
  } else {
    layout = parseInLocation ? '2006-01-02' : '2006-01-02Z07:00';
  }
  const parsed = goParseTime(layout, value);
  if ('error' in parsed) {
    // with a `-` it was meant as a date: Go's parse error stands
    if (value.includes('-')) throw new Error(parsed.error);
    if (!isUnixTimestamp(value)) throw new Error(`failed to parse value as time or duration: "${value}"`);
    return value;
  }
  return `${parsed.sec}.${String(parsed.nsec).padStart(9, '0')}`;
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/**
 * strconv.ParseInt(s, 10, 64): an optional sign and decimal digits (leading zeros are
 * fine, unlike base 0); throws with Go's message.
 */
export function parseInt10(s: string): bigint {
  const fail = (why: string) => new Error(`strconv.ParseInt: parsing ${goQuote(s)}: ${why}`);
  if (!/^[+-]?\d+$/.test(s)) throw fail('invalid syntax');
  const n = BigInt(s);
  if (n > 9_223_372_036_854_775_807n || n < -9_223_372_036_854_775_808n) throw fail('value out of range');
  return n;
}

/** parseTimestamp succeeds: `seconds[.nanoseconds]`, each a Go int64. */
function isUnixTimestamp(value: string): boolean {
  const dot = value.indexOf('.');
  const ok = (s: string) => {
    try {
      parseInt10(s);
      return true;
    } catch {
      return false;
    }
  };
  return ok(dot < 0 ? value : value.slice(0, dot)) && (dot < 0 || ok(value.slice(dot + 1)));
}

const isDigitAt = (s: string, i: number) => i < s.length && s[i]! >= '0' && s[i]! <= '9';

/** time.quote for ASCII text. */
const goQuote = (s: string) => '"' + s.replace(/["\\]/g, '\\$&') + '"';

/** getnum: one or two digits (exactly two when `fixed`). */
function getnum(s: string, fixed: boolean): [number, string] | undefined {
  if (!isDigitAt(s, 0)) return undefined;
  if (!isDigitAt(s, 1)) return fixed ? undefined : [Number(s[0]), s.slice(1)];
  return [Number(s.slice(0, 2)), s.slice(2)];
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

/**
 * Go's time.Parse for the layouts GetTimestamp uses (years, zero-padded month, day,
 * minute and second, hour, `.999999999`, `Z07:00`), in UTC, with its error texts.
 */
export function goParseTime(
  layout: string,
  value: string,
): { sec: bigint; nsec: number } | { error: string } {
  const aValue = value;
  const fail = (layoutElem: string, valueElem: string) => ({
    error: `parsing time ${goQuote(aValue)} as ${goQuote(layout)}: cannot parse ${goQuote(valueElem)} as ${goQuote(layoutElem)}`,
  });
  const range = (what: string) => ({ error: `parsing time ${goQuote(aValue)}: ${what} out of range` });
  let rest = layout;
  let year = 0;
  let month = -1;
  let day = -1;
  let hour = 0;
  let min = 0;
  let sec = 0;
  let nsec = 0;
  let offset = 0;
  for (;;) {
    const { prefix, std, suffix } = nextStdChunk(rest);
    const stdstr = rest.slice(prefix.length, rest.length - suffix.length);
    for (let i = 0; i < prefix.length; i++) {
      if (value[0] !== prefix[i]) return fail(prefix, value);
      value = value.slice(1);
    }
    if (std === null) {
      if (value.length !== 0)
        return { error: `parsing time ${goQuote(aValue)}: extra text: ${goQuote(value)}` };
      break;
    }
    rest = suffix;
    const hold = value;
    let bad = false;
    let rangeErr = '';
    if (typeof std === 'object') {
      // stdFracSecond9: optional; takes every digit there is
      if (value.length >= 2 && (value[0] === '.' || value[0] === ',') && isDigitAt(value, 1)) {
        let n = 1;
        while (isDigitAt(value, n)) n++;
        nsec = Number(value.slice(1, Math.min(n, 10)).padEnd(9, '0'));
        value = value.slice(n);
      }
    } else {
      switch (std) {
        case 'LongYear':
          if (value.length < 4 || !isDigitAt(value, 0) || !/^[+-]?\d+$/.test(value.slice(0, 4))) bad = true;
          else [year, value] = [Number(value.slice(0, 4)), value.slice(4)];
          break;
        case 'ZeroMonth': {
          const r = getnum(value, true);
          if (!r) bad = true;
          else {
            [month, value] = r;
            if (month <= 0 || month > 12) rangeErr = 'month';
          }
          break;
        }
        case 'ZeroDay': {
          const r = getnum(value, true);
          if (!r) bad = true;
          else [day, value] = r;
          break;
        }
        case 'Hour': {
          const r = getnum(value, false);
          if (!r) bad = true;
          else [hour, value] = r;
          if (hour >= 24) rangeErr = 'hour';
          break;
        }
        case 'ZeroMinute': {
          const r = getnum(value, true);
          if (!r) bad = true;
          else [min, value] = r;
          if (min >= 60) rangeErr = 'minute';
          break;
        }
        case 'ZeroSecond': {
          const r = getnum(value, true);
          if (!r) {
            bad = true;
            break;
          }
          [sec, value] = r;
          if (sec >= 60) {
            rangeErr = 'second';
            break;
          }
          // a fraction the layout does not ask for is still taken
          const next = nextStdChunk(rest).std;
          if (value.length >= 2 && (value[0] === '.' || value[0] === ',') && isDigitAt(value, 1)) {
            if (typeof next === 'object' && next !== null) break;
            let n = 2;
            while (isDigitAt(value, n)) n++;
            nsec = Number(value.slice(1, Math.min(n, 10)).padEnd(9, '0'));
            value = value.slice(n);
          }
          break;
        }
        case 'ISO8601ColonTZ': {
          if (value[0] === 'Z') {
            value = value.slice(1);
            break;
          }
          if (value.length < 6 || value[3] !== ':') {
            bad = true;
            break;
          }
          const hh = getnum(value.slice(1, 3), true);
          const mm = getnum(value.slice(4, 6), true);
          if (!hh || !mm || (value[0] !== '+' && value[0] !== '-')) {
            bad = true;
            break;
          }
          if (hh[0] > 24) rangeErr = 'time zone offset hour';
          if (mm[0] > 60) rangeErr = 'time zone offset minute';
          offset = (hh[0] * 60 + mm[0]) * 60 * (value[0] === '-' ? -1 : 1);
          value = value.slice(6);
          break;
        }
        default:
          bad = true;
      }
    }
    if (rangeErr) return range(rangeErr);
    if (bad) return fail(stdstr, hold);
  }
  if (month < 0) month = 1;
  if (day < 0) day = 1;
  const dim = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day < 1 || day > dim) return range('day');
  const days = daysFromCivil(year, month, day);
  const secs = BigInt(days) * 86400n + BigInt(hour * 3600 + min * 60 + sec - offset);
  return { sec: secs, nsec };
}
