import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortedMap } from './go-map.ts';

describe('sortedMap', () => {
  it("writes a map's keys in Go's order: bytewise, upper case before lower", () => {
    expect(Object.keys(sortedMap({ b: 1, 'com.docker.stack.namespace': 2, a: 3, B: 4, 'a.b': 5 }))).toEqual([
      'B',
      'a',
      'a.b',
      'b',
      'com.docker.stack.namespace',
    ]);
    expect(sortedMap(undefined)).toBeUndefined();
  });

  it('keeps a key named __proto__ as a key (fast-check found it lost)', () => {
    const m = JSON.parse('{"__proto__":"x","a":"y"}') as Record<string, string>;
    expect(JSON.stringify(sortedMap(m))).toBe('{"__proto__":"x","a":"y"}');
  });

  it('keeps every entry, and sorting twice changes nothing', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer()), (m) => {
        const once = sortedMap(m);
        expect(once).toEqual(m);
        expect(Object.keys(sortedMap(once))).toEqual(Object.keys(once));
      }),
    );
  });
});
