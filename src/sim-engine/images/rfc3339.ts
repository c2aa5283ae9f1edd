/**
 * RFC 3339 timestamps (the `created` of image configs) to milliseconds since the epoch,
 * without Date: the engine takes no time from the environment, and a pure conversion
 * keeps that rule visible.
 */

import { daysFromCivil } from '../golang/time.ts';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch; throws on a malformed timestamp. */
export function parseRfc3339(s: string): number {
  const m = RFC3339.exec(s);
  if (!m) throw new Error(`not an RFC 3339 time: ${s}`);
  const [, y, mo, d, h, mi, sec, frac, zone] = m;
  const days = daysFromCivil(Number(y), Number(mo), Number(d));
  let ms = ((days * 24 + Number(h)) * 60 + Number(mi)) * 60_000 + Number(sec) * 1000;
  if (frac) ms += Math.floor(Number(`0.${frac}`) * 1000);
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    ms -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  }
  return ms;
}
