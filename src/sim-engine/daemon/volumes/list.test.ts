import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FilterArgs } from '../../api/filters.ts';
import { getBoolOrDefault } from './list.ts';

const args = (values: string[]) =>
  FilterArgs.parse(JSON.stringify({ dangling: Object.fromEntries(values.map((v) => [v, true])) }));

describe('GetBoolOrDefault', () => {
  it('reads true/1 and false/0, refusing none, both or anything else', () => {
    expect(getBoolOrDefault(new FilterArgs(), 'dangling', true)).toBe(true);
    expect(getBoolOrDefault(args(['true']), 'dangling', false)).toBe(true);
    expect(getBoolOrDefault(args(['1', 'true']), 'dangling', false)).toBe(true);
    expect(getBoolOrDefault(args(['0']), 'dangling', true)).toBe(false);
    expect(() => getBoolOrDefault(args(['yes']), 'dangling', false)).toThrow(
      "invalid filter 'dangling=[yes]'",
    );
    expect(() => getBoolOrDefault(args(['true', 'false']), 'dangling', false)).toThrow(
      "invalid filter 'dangling=[true false]'",
    );
  });

  it('is true exactly when a truthy value and no falsy one is given', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom('0', '1', 'true', 'false', 'yes', 'no')), (values) => {
        const truthy = values.some((v) => v === '1' || v === 'true');
        const falsy = values.some((v) => v === '0' || v === 'false');
        try {
          return getBoolOrDefault(args(values), 'dangling', false) === truthy && truthy !== falsy;
        } catch {
          return truthy === falsy;
        }
      }),
    );
  });
});
