import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRfc3339 } from './rfc3339.ts';

describe('parseRfc3339', () => {
  it('agrees with Date.parse', () => {
    for (const s of [
      '1970-01-01T00:00:00Z',
      '2026-07-15T23:30:55.953154252Z',
      '2026-07-24T12:48:28.650696+00:00',
      '2000-02-29T12:00:00-05:30',
    ]) {
      expect(parseRfc3339(s)).toBe(Date.parse(s));
    }
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }),
        (d) => {
          expect(parseRfc3339(d.toISOString())).toBe(d.getTime());
        },
      ),
    );
  });
  it('refuses other text', () => {
    expect(() => parseRfc3339('yesterday')).toThrow();
  });
});
