/**
 * The date strings people give `date -d` and `touch -d`: `@SECONDS`, ISO dates and
 * times (`2024-01-02`, `2024-01-02 03:04:05`, `2024-01-02T03:04:05Z`), `now`,
 * `today`, `yesterday`, `tomorrow`, and relative items (`2 days ago`, `+1 hour`,
 * `next week`). All in UTC. Undefined when the text is not understood.
 *
 * Differs from GNU: GNU's parse_datetime grammar is far larger (month names,
 * weekdays, time zones); those forms are refused here.
 */
import { toMs } from '../support/time.ts';

const UNITS: Record<string, number> = {
  second: 1000,
  sec: 1000,
  minute: 60000,
  min: 60000,
  hour: 3600000,
  day: 86400000,
  week: 7 * 86400000,
  fortnight: 14 * 86400000,
};

export function parseDate(text: string, now: number): number | undefined {
  let s = text.trim().toLowerCase();
  if (s.startsWith('@')) {
    const secs = Number(s.slice(1));
    return Number.isFinite(secs) && s.length > 1 ? Math.round(secs * 1000) : undefined;
  }
  let base = now;
  const iso =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(z|utc|\+00:?00)?/.exec(
      s,
    );
  if (iso) {
    const [, y, mo, d, h, mi, se] = iso;
    if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return undefined;
    base = toMs(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(se ?? 0));
    s = s.slice(iso[0].length).trim();
  } else {
    const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(s);
    if (clock) {
      const day = Math.floor(now / 86400000) * 86400000;
      base = day + (Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0)) * 1000;
      s = s.slice(clock[0].length).trim();
    }
  }
  // relative items
  const words = s.split(/\s+/).filter((w) => w !== '');
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    if (w === 'now') {
      i++;
      continue;
    }
    if (w === 'today') {
      i++;
      continue;
    }
    if (w === 'yesterday' || w === 'tomorrow') {
      base += w === 'yesterday' ? -86400000 : 86400000;
      i++;
      continue;
    }
    let count = 1;
    const start = base;
    if (/^[+-]?\d+$/.test(w)) {
      count = Number(w);
      i++;
    } else if (w === 'next') {
      i++;
    } else if (w === 'last') {
      count = -1;
      i++;
    }
    const unit = words[i]?.replace(/s$/, '');
    const size = unit === undefined ? undefined : UNITS[unit];
    let delta: number;
    if (size !== undefined) delta = count * size;
    // Differs from GNU: months and years are 30 and 365 days, not calendar steps
    else if (unit === 'month' || unit === 'year') delta = count * (unit === 'month' ? 30 : 365) * 86400000;
    else return undefined;
    i++;
    if (words[i] === 'ago') {
      delta = -delta;
      i++;
    }
    base = start + delta;
  }
  return base;
}
