/**
 * (Shared by the CLI and the daemon, as docker's api/types/time package is.)
 *
 * Times given to `--since`, `--until` and the `until` filter (docker's
 * timetypes.GetTimestamp): a Go duration back from now (`10m`), seconds since the
 * epoch (`1700000000.5`), or an RFC 3339 date or date-time.
 */
import { invalidParameter } from '../errdefs.ts';

const UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

function parseDuration(s: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(s))) {
    total += Number(m[1]) * UNITS[m[2]!]!;
    consumed = re.lastIndex;
  }
  return consumed === s.length && s.length > 0 ? total : undefined;
}

/** Returns ms since the epoch. */
export function parseUntil(value: string, now: number): number {
  const d = parseDuration(value);
  if (d !== undefined) return now - d;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(
    value,
  );
  if (m) {
    const [, y, mo, da, h = '0', mi = '0', se = '0', frac = '', tz = 'Z'] = m;
    const days = daysFromCivil(Number(y), Number(mo), Number(da));
    let ms =
      (((days * 24 + Number(h)) * 60 + Number(mi)) * 60 + Number(se)) * 1000 +
      Math.round(Number(frac || 0) * 1000);
    if (tz !== 'Z') {
      const sign = tz[0] === '-' ? -1 : 1;
      ms -= sign * (Number(tz.slice(1, 3)) * 60 + Number(tz.slice(4, 6))) * 60_000;
    }
    return ms;
  }
  throw invalidParameter(`failed to parse value as time or duration: "${value}"`);
}

function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** timetypes.GetTimestamp as the CLI sends it: seconds with nine fractional digits. */
export function timestampParam(value: string, now: number): string {
  if (/^\d+(\.\d+)?$/.test(value)) return value;
  const ms = parseUntil(value, now);
  const secs = Math.floor(ms / 1000);
  return `${secs}.${String((ms - secs * 1000) * 1_000_000).padStart(9, '0')}`;
}
