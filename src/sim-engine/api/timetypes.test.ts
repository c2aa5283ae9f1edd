import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRFC3339Nano } from '../golang/time.ts';
import { getTimestamp } from './timetypes.ts';

const NOW = 1_795_860_000_123; // 2026-11-28T10:00:00.123Z

/**
 * Recorded with the docker CLI 28.2.2 (`docker events --since X --until 1`, whose
 * error shows the converted value); api/types/time/timestamp.go is the same in 28.5.2.
 */
const RECORDED: [string, string][] = [
  ['2024-01-01', '1704067200.000000000'],
  ['2024-01-01T10', '1704103200.000000000'],
  ['2024-01-01T10:30', '1704105000.000000000'],
  ['2024-01-01T10:30:15', '1704105015.000000000'],
  ['2024-01-01T10:30:15.5', '1704105015.500000000'],
  ['2024-01-01T10:30:15,25Z', '1704105015.250000000'],
  ['2024-01-01T10:30:15.000000001Z', '1704105015.000000001'],
  ['2024-01-01T10:00:00.1234567891Z', '1704103200.123456789'],
  ['2024-01-01T10:30:15+02:00', '1704097815.000000000'],
  ['2024-01-01T10:30+02:00', '1704097800.000000000'],
  ['2024-01-01T10+02:00', '1704096000.000000000'],
  ['2024-01-01Z', '1704067200.000000000'],
  ['2024-01-01+02:00', '1704060000.000000000'],
  ['2024-02-29T23:59:59Z', '1709251199.000000000'],
  ['2024-01-01T10:30:15.5-03:30', '1704117615.500000000'],
  ['1700000000', '1700000000'],
  ['1700000000.5', '1700000000.5'],
  ['1704103200.0000000001', '1704103200.0000000001'],
  ['0', '0'],
];

const RECORDED_ERRORS: [string, string][] = [
  ['2024-13-01', 'parsing time "2024-13-01": month out of range'],
  ['2024-02-30', 'parsing time "2024-02-30": day out of range'],
  ['2024-1-01', 'parsing time "2024-1-01" as "2006-01-02": cannot parse "1-01" as "01"'],
  ['2024-01-01T25', 'parsing time "2024-01-01T25": hour out of range'],
  ['2024-01-01T10:61', 'parsing time "2024-01-01T10:61": minute out of range'],
  ['2024-01-01T10:00:60', 'parsing time "2024-01-01T10:00:60": second out of range'],
  ['2024-01-01x', 'parsing time "2024-01-01x": extra text: "x"'],
  ['2024/01/01', 'failed to parse value as time or duration: "2024/01/01"'],
  ['foo', 'failed to parse value as time or duration: "foo"'],
  ['1.x', 'failed to parse value as time or duration: "1.x"'],
  ['-5', 'parsing time "-5" as "2006-01-02": cannot parse "-5" as "2006"'],
  [
    '2024-01-01T10:00:00+25:00',
    'parsing time "2024-01-01T10:00:00+25:00": time zone offset hour out of range',
  ],
  [
    '2024-01-01T10:00:00+0100',
    'parsing time "2024-01-01T10:00:00+0100" as "2006-01-02T15:04Z07:00": cannot parse ":00+0100" as "Z07:00"',
  ],
  ['2024-01-01T10:00:00.5+01:00x', 'parsing time "2024-01-01T10:00:00.5+01:00x": extra text: "x"'],
  ['10q', 'failed to parse value as time or duration: "10q"'],
  ['1h-', 'parsing time "1h-" as "2006-01-02": cannot parse "1h-" as "2006"'],
  ['2024-01-01Z01:00', 'parsing time "2024-01-01Z01:00": extra text: "01:00"'],
  ['2024-01-01T', 'parsing time "2024-01-01T" as "2006-01-02T15": cannot parse "" as "15"'],
  ['abc-def', 'parsing time "abc-def" as "2006-01-02": cannot parse "abc-def" as "2006"'],
  ['12:30', 'failed to parse value as time or duration: "12:30"'],
  [
    '2024-01-01t10:00:00Z',
    'parsing time "2024-01-01t10:00:00Z" as "2006-01-02Z07:00": cannot parse "t10:00:00Z" as "Z07:00"',
  ],
];

describe('getTimestamp (timetypes.GetTimestamp)', () => {
  it.each(RECORDED)('%s → %s', (value, want) => {
    expect(getTimestamp(value, NOW)).toBe(want);
  });

  it.each(RECORDED_ERRORS)('%s fails: %s', (value, message) => {
    expect(() => getTimestamp(value, NOW)).toThrow(message);
  });

  it('takes durations back from now, in whole seconds', () => {
    expect(getTimestamp('0s', NOW)).toBe('1795860000');
    expect(getTimestamp('1m', NOW)).toBe('1795859940');
    expect(getTimestamp('1.5s', NOW)).toBe('1795859998');
    expect(getTimestamp('-10s', NOW)).toBe('1795860010');
  });

  it('property: an RFC 3339 time in UTC comes back as its seconds and nanoseconds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 253_402_300_799_999 }),
        fc.integer({ min: 0, max: 999_999 }),
        (ms, ns) => {
          const text = formatRFC3339Nano(ms, ns);
          const secs = Math.floor(ms / 1000);
          const frac = String((ms % 1000) * 1_000_000 + ns).padStart(9, '0');
          return getTimestamp(text, NOW) === `${secs}.${frac}`;
        },
      ),
    );
  });

  it('property: a duration is now minus it, floored to the second', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000 }), fc.constantFrom('ms', 's', 'm', 'h'), (n, unit) => {
        const ms = n * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit];
        return getTimestamp(`${n}${unit}`, NOW) === String(Math.floor((NOW - ms) / 1000));
      }),
    );
  });

  it('property: a Unix timestamp is sent as it was given', () => {
    fc.assert(
      fc.property(fc.nat(), fc.option(fc.stringMatching(/^\d{1,12}$/)), (secs, frac) => {
        const value = frac === null ? String(secs) : `${secs}.${frac}`;
        return getTimestamp(value, NOW) === value;
      }),
    );
  });

  it('property: anything with a dash that is not a date fails with a parse error, never a fallback', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ -~]{0,12}$/), (s) => {
        const value = `x-${s.replace(/["\\]/g, '')}`;
        try {
          getTimestamp(value, NOW);
          return false;
        } catch (err) {
          return (err as Error).message.startsWith(`parsing time "${value}"`);
        }
      }),
    );
  });
});
