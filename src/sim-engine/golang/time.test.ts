import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { marshal } from './json.ts';
import { parseDockerTemplate } from './template/index.ts';
import {
  ANSIC,
  civilFromDays,
  daysFromCivil,
  formatGoDuration,
  formatGoTime,
  formatRFC3339Nano,
  GoTime,
  Hour,
  Kitchen,
  Microsecond,
  Millisecond,
  Minute,
  Nanosecond,
  parseGoDuration,
  parseGoDurationBig,
  parseRFC3339,
  RFC1123,
  RFC3339,
  Second,
  StampMilli,
  UnixDate,
  zeroTime,
} from './time.ts';

const T1 = 1_000_000_000_000; // 2001-09-09T01:46:40Z, a Sunday

describe('GoTime formatting', () => {
  it('prints Time.String() with the fraction trimmed', () => {
    expect(formatGoTime(0)).toBe('1970-01-01 00:00:00 +0000 UTC');
    expect(formatGoTime(T1)).toBe('2001-09-09 01:46:40 +0000 UTC');
    expect(formatGoTime(T1 + 123, 456789)).toBe('2001-09-09 01:46:40.123456789 +0000 UTC');
    expect(formatGoTime(T1 + 120)).toBe('2001-09-09 01:46:40.12 +0000 UTC');
    expect(zeroTime.String()).toBe('0001-01-01 00:00:00 +0000 UTC');
    expect(formatGoTime(-1)).toBe('1969-12-31 23:59:59.999 +0000 UTC');
  });

  it('marshals RFC3339Nano as the daemon does', () => {
    expect(formatRFC3339Nano(T1)).toBe('2001-09-09T01:46:40Z');
    expect(formatRFC3339Nano(T1 + 5, 1)).toBe('2001-09-09T01:46:40.005000001Z');
    expect(marshal({ Created: new GoTime(T1 + 100), Zero: zeroTime })).toBe(
      '{"Created":"2001-09-09T01:46:40.1Z","Zero":"0001-01-01T00:00:00Z"}',
    );
  });

  it.each([
    [ANSIC, 'Sun Sep  9 01:46:40 2001'],
    [UnixDate, 'Sun Sep  9 01:46:40 UTC 2001'],
    [RFC1123, 'Sun, 09 Sep 2001 01:46:40 UTC'],
    [RFC3339, '2001-09-09T01:46:40Z'],
    [Kitchen, '1:46AM'],
    [StampMilli, 'Sep  9 01:46:40.000'],
    ['Monday January 2 2006 __2 002 .999 ,000', 'Sunday September 9 2001 252 252  ,000'],
    ['06 1 3 4 5 PM pm -07 -07:00 Z0700 -070000 _2006', '01 9 1 46 40 AM am +00 +00:00 Z +000000 _2001'],
    ['Jane Mond MST', 'Jane Mond UTC'],
  ])('Format(%j)', (layout, want) => {
    expect(new GoTime(T1).Format(layout)).toBe(want);
  });

  it('prints a fixed zone without a name as its offset', () => {
    const t = new GoTime(T1, 0, { offset: 3600 });
    expect(t.String()).toBe('2001-09-09 02:46:40 +0100 +0100');
    expect(t.Format(RFC3339)).toBe('2001-09-09T02:46:40+01:00');
    expect(new GoTime(T1, 0, { offset: -(5 * 3600 + 30 * 60), name: 'XST' }).String()).toBe(
      '2001-09-08 20:16:40 -0530 XST',
    );
  });

  it('exposes Go methods to templates', () => {
    const data = { CreatedAt: new GoTime(T1 + 250) };
    expect(parseDockerTemplate('{{.CreatedAt}}').execute(data)).toBe('2001-09-09 01:46:40.25 +0000 UTC');
    expect(parseDockerTemplate('{{.CreatedAt.Format "2006-01-02"}}').execute(data)).toBe('2001-09-09');
    expect(
      parseDockerTemplate('{{.CreatedAt.Unix}} {{.CreatedAt.Year}} {{.CreatedAt.Month}}').execute(data),
    ).toBe('1000000000 2001 September');
    expect(parseDockerTemplate('{{json .CreatedAt}}').execute(data)).toBe('"2001-09-09T01:46:40.25Z"');
    expect(parseDockerTemplate('{{.CreatedAt.IsZero}}').execute(data)).toBe('false');
  });

  it('converts between day numbers and civil dates', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2024, 2, 29) + 1).toBe(daysFromCivil(2024, 3, 1));
    expect(civilFromDays(daysFromCivil(1, 1, 1))).toEqual({ year: 1, month: 1, day: 1 });
    fc.assert(
      fc.property(fc.integer({ min: -800_000, max: 3_000_000 }), (d) => {
        const c = civilFromDays(d);
        expect(daysFromCivil(c.year, c.month, c.day)).toBe(d);
      }),
    );
  });
});

describe('parseRFC3339', () => {
  it('reads the API timestamps back exactly', () => {
    const t = parseRFC3339('2026-11-28T05:21:18.123456789Z');
    expect(t.String()).toBe('2026-11-28 05:21:18.123456789 +0000 UTC');
    expect(t.Format('2006-01-02T15:04:05.999999999Z07:00')).toBe('2026-11-28T05:21:18.123456789Z');
    expect(parseRFC3339('2001-09-09T03:46:40+02:00').UTC().String()).toBe('2001-09-09 01:46:40 +0000 UTC');
    expect(parseRFC3339('2001-09-09T01:46:40Z').epochMillis()).toBe(T1);
  });

  it('round-trips RFC3339Nano', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -62135596800000, max: 253402300799999 }),
        fc.integer({ min: 0, max: 999999 }),
        (ms, ns) => {
          const text = formatRFC3339Nano(ms, ns);
          const back = parseRFC3339(text);
          expect(back.epochMillis()).toBe(ms);
          expect(back.nanosRemainder()).toBe(ns);
        },
      ),
    );
  });

  it.each([
    [
      '2006/01/02T15:04:05Z',
      'parsing time "2006/01/02T15:04:05Z" as "2006-01-02T15:04:05Z07:00": cannot parse "/01/02T15:04:05Z" as "-"',
    ],
    ['x', 'parsing time "x" as "2006-01-02T15:04:05Z07:00": cannot parse "x" as "2006"'],
    [
      '2006-01-02 15:04:05Z',
      'parsing time "2006-01-02 15:04:05Z" as "2006-01-02T15:04:05Z07:00": cannot parse " 15:04:05Z" as "T"',
    ],
    [
      '2006-01-02T15:04:05',
      'parsing time "2006-01-02T15:04:05" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"',
    ],
    ['2006-13-02T15:04:05Z', 'parsing time "2006-13-02T15:04:05Z": month out of range'],
    ['2006-02-30T15:04:05Z', 'parsing time "2006-02-30T15:04:05Z": day out of range'],
    ['2006-01-02T15:04:05Zjunk', 'parsing time "2006-01-02T15:04:05Zjunk": extra text: "junk"'],
  ])('%j', (s, want) => {
    expect(() => parseRFC3339(s)).toThrow(want);
  });
});

describe('Duration.String', () => {
  it.each([
    ['0s', 0n],
    ['1ns', 1n],
    ['1.1µs', 1100n],
    ['2.2ms', 2200n * 1000n],
    ['3.3s', 3300n * 1000000n],
    ['4m5s', 4n * 60000000000n + 5000000000n],
    ['4m5.001s', 4n * 60000000000n + 5001n * 1000000n],
    ['5h6m7.001s', 5n * 3600000000000n + 6n * 60000000000n + 7001n * 1000000n],
    ['8m0.000000001s', 8n * 60000000000n + 1n],
    ['2562047h47m16.854775807s', (1n << 63n) - 1n],
    ['-2562047h47m16.854775808s', -(1n << 63n)],
    ['1m30s', 90n * 1000000000n],
    ['500ms', 500n * 1000000n],
    ['10s', 10n * 1000000000n],
    ['1h0m0s', 3600n * 1000000000n],
  ])('%s', (want, ns) => {
    expect(formatGoDuration(ns)).toBe(want);
  });

  it('takes numbers too', () => {
    expect(formatGoDuration(90 * Second)).toBe('1m30s');
    expect(formatGoDuration(-1.5 * Millisecond)).toBe('-1.5ms');
  });
});

describe('ParseDuration', () => {
  it.each([
    ['0', 0],
    ['5s', 5 * Second],
    ['30s', 30 * Second],
    ['1478s', 1478 * Second],
    ['-5s', -5 * Second],
    ['+5s', 5 * Second],
    ['-0', 0],
    ['+0', 0],
    ['5.0s', 5 * Second],
    ['5.6s', 5 * Second + 600 * Millisecond],
    ['5.s', 5 * Second],
    ['.5s', 500 * Millisecond],
    ['1.004s', Second + 4 * Millisecond],
    ['100.00100s', 100 * Second + Millisecond],
    ['10ns', 10 * Nanosecond],
    ['11us', 11 * Microsecond],
    ['12µs', 12 * Microsecond],
    ['12μs', 12 * Microsecond],
    ['13ms', 13 * Millisecond],
    ['15m', 15 * Minute],
    ['16h', 16 * Hour],
    ['3h30m', 3 * Hour + 30 * Minute],
    ['10.5s4m', 4 * Minute + 10 * Second + 500 * Millisecond],
    ['-2m3.4s', -(2 * Minute + 3 * Second + 400 * Millisecond)],
    ['1h2m3s4ms5us6ns', Hour + 2 * Minute + 3 * Second + 4 * Millisecond + 5 * Microsecond + 6],
    ['39h9m14.425s', 39 * Hour + 9 * Minute + 14 * Second + 425 * Millisecond],
    ['52763797000ns', 52763797000],
    ['0.3333333333333333333h', 20 * Minute],
    ['0.100000000000000000000h', 6 * Minute],
  ])('%j', (s, want) => {
    expect(parseGoDuration(s)).toBe(want);
  });

  it('is exact at the int64 limits', () => {
    expect(parseGoDurationBig('9223372036854775807ns')).toBe((1n << 63n) - 1n);
    expect(parseGoDurationBig('-9223372036854775808ns')).toBe(-(1n << 63n));
    expect(parseGoDurationBig('9007199254740993ns')).toBe((1n << 53n) + 1n);
    expect(parseGoDurationBig('0.830103483285477580700h')).toBe(
      49n * 60000000000n + 48n * 1000000000n + 372539827n,
    );
  });

  it.each([
    ['', 'time: invalid duration ""'],
    ['3', 'time: missing unit in duration "3"'],
    ['-', 'time: invalid duration "-"'],
    ['s', 'time: invalid duration "s"'],
    ['.', 'time: invalid duration "."'],
    ['-.', 'time: invalid duration "-."'],
    ['.s', 'time: invalid duration ".s"'],
    ['+.s', 'time: invalid duration "+.s"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['x', 'time: invalid duration "x"'],
    ['1é', 'time: unknown unit "\\xc3\\xa9" in duration "1\\xc3\\xa9"'],
    ['9223372036854775810ns', 'time: invalid duration "9223372036854775810ns"'],
    ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
    ['-9223372036854775809ns', 'time: invalid duration "-9223372036854775809ns"'],
    ['9223372036854776us', 'time: invalid duration "9223372036854776us"'],
    ['3000000h', 'time: invalid duration "3000000h"'],
    ['9223372036854775.808us', 'time: invalid duration "9223372036854775.808us"'],
  ])('%j fails', (s, want) => {
    expect(() => parseGoDuration(s)).toThrow(want);
  });

  it('round-trips String()', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(1n << 63n) + 1n, max: (1n << 63n) - 1n }), (d) => {
        expect(parseGoDurationBig(formatGoDuration(d))).toBe(d);
      }),
    );
  });
});
