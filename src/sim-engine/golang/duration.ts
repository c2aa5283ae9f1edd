/**
 * time.Duration's String and ParseDuration: "1m30s", "500ms", "1.5µs", "2h0m0s",
 * and errors like `time: invalid duration "x"` / `time: missing unit in duration
 * "10"` — what docker prints for --update-delay, --stop-timeout, healthchecks.
 * Durations are nanoseconds (a number; a bigint where exactness beyond 2^53 matters).
 */
import { encodeUtf8 } from './utf8.ts';

const NS = 1n;
const US = 1000n * NS;
const MS = 1000n * US;
const S = 1000n * MS;
const MIN = 60n * S;
const H = 60n * MIN;

export const Nanosecond = 1;
export const Microsecond = 1e3;
export const Millisecond = 1e6;
export const Second = 1e9;
export const Minute = 60e9;
export const Hour = 3600e9;

/** fmtFrac: the fraction of v / 10^prec, trailing zeros and a bare "." omitted. */
function fmtFrac(v: bigint, prec: number): [string, bigint] {
  let out = '';
  let print = false;
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n;
    print ||= digit !== 0n;
    if (print) out = digit.toString() + out;
    v /= 10n;
  }
  return [print ? '.' + out : '', v];
}

/** Duration.String: "72h3m0.5s", "1.5ms", "0s". */
export function formatGoDuration(ns: number | bigint): string {
  let u = BigInt(typeof ns === 'number' ? Math.trunc(ns) : ns);
  const neg = u < 0n;
  if (neg) u = -u;
  let out: string;
  if (u < S) {
    // smaller than a second: use smaller units, like 1.2ms
    if (u === 0n) return '0s';
    let prec: number;
    let unit: string;
    if (u < US) {
      prec = 0;
      unit = 'ns';
    } else if (u < MS) {
      prec = 3;
      unit = 'µs'; // U+00B5 MICRO SIGN
    } else {
      prec = 6;
      unit = 'ms';
    }
    const [frac, rest] = fmtFrac(u, prec);
    out = rest.toString() + frac + unit;
  } else {
    const [frac, secs] = fmtFrac(u, 9);
    out = (secs % 60n).toString() + frac + 's';
    const mins = secs / 60n;
    if (mins > 0n) {
      out = (mins % 60n).toString() + 'm' + out;
      const hours = mins / 60n;
      // stop at hours because days can be different lengths
      if (hours > 0n) out = hours.toString() + 'h' + out;
    }
  }
  return neg ? '-' + out : out;
}

/** time's own quote(): non-ASCII and control bytes as \xNN. */
function timeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x80 || c < 0x20) {
      for (const b of encodeUtf8(ch)) out += '\\x' + b.toString(16).padStart(2, '0');
    } else {
      if (ch === '"' || ch === '\\') out += '\\';
      out += ch;
    }
  }
  return out + '"';
}

export class DurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DurationError';
  }
}

const unitMap: Record<string, bigint> = {
  ns: NS,
  us: US,
  µs: US, // U+00B5 = micro symbol
  μs: US, // U+03BC = Greek letter mu
  ms: MS,
  s: S,
  m: MIN,
  h: H,
};

const LIMIT = 1n << 63n;

/** time.ParseDuration, returning exact nanoseconds. Throws DurationError. */
export function parseGoDurationBig(orig: string): bigint {
  let s = orig;
  const invalid = () => new DurationError('time: invalid duration ' + timeQuote(orig));
  let d = 0n;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw invalid();
  while (s !== '') {
    if (!(s[0] === '.' || (s[0]! >= '0' && s[0]! <= '9'))) throw invalid();
    // [0-9]*
    const intDigits = /^\d*/.exec(s)![0];
    s = s.slice(intDigits.length);
    let v = 0n;
    for (const c of intDigits) {
      if (v > LIMIT / 10n) throw invalid(); // leadingInt overflow
      v = v * 10n + BigInt(c.charCodeAt(0) - 48);
      if (v > LIMIT) throw invalid();
    }
    // (\.[0-9]*)?
    let f = 0n;
    let scale = 1;
    let post = false;
    if (s[0] === '.') {
      s = s.slice(1);
      const fracDigits = /^\d*/.exec(s)![0];
      s = s.slice(fracDigits.length);
      post = fracDigits.length > 0;
      let overflow = false;
      for (const c of fracDigits) {
        if (overflow) continue;
        if (f > (LIMIT - 1n) / 10n) {
          overflow = true; // it's possible for overflow to give a positive number, so take care
          continue;
        }
        f = f * 10n + BigInt(c.charCodeAt(0) - 48);
        scale *= 10;
      }
    }
    if (intDigits === '' && !post) throw invalid(); // no digits (e.g. ".s" or "-.s")
    // unit
    const unitText = /^[^.0-9]*/.exec(s)![0];
    if (unitText === '') throw new DurationError('time: missing unit in duration ' + timeQuote(orig));
    s = s.slice(unitText.length);
    const unit = Object.hasOwn(unitMap, unitText) ? unitMap[unitText]! : undefined;
    if (unit === undefined) {
      throw new DurationError(
        'time: unknown unit ' + timeQuote(unitText) + ' in duration ' + timeQuote(orig),
      );
    }
    if (v > LIMIT / unit) throw invalid();
    v *= unit;
    if (f > 0n) {
      // float64 is needed to be nanosecond accurate for fractions of hours
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > LIMIT) throw invalid();
    }
    d += v;
    if (d > LIMIT) throw invalid();
  }
  if (neg) return -d;
  if (d > LIMIT - 1n) throw invalid();
  return d;
}

/** time.ParseDuration in nanoseconds. Throws DurationError ("time: invalid duration …"). */
export function parseGoDuration(s: string): number {
  return Number(parseGoDurationBig(s));
}
