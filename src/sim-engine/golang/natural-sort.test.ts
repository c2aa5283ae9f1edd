import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { naturalCompare, naturalLess } from './natural-sort.ts';

describe('naturalLess (fvbommel/sortorder)', () => {
  it('sorts as the sortorder tests expect', () => {
    const got = ['abc5', 'abc1', 'abc01', 'ab', 'abc10', 'abc2'].sort(naturalCompare);
    expect(got).toEqual(['ab', 'abc1', 'abc01', 'abc2', 'abc5', 'abc10']);
  });

  it.each([
    ['0', '00'],
    ['aa', 'ab'],
    ['ab', 'abc'],
    ['abc', 'ad'],
    ['ab1', 'ab2'],
    ['ab12', 'abc'],
    ['ab2a', 'ab10'],
    ['a0001', 'a0000001'],
    ['a10', 'abcdefgh2'],
    ['аб2аб', 'аб10аб'],
    ['2аб', '3аб'],
    ['a1b', 'a01b'],
    ['ab01b', 'ab010b'],
    ['a01b001', 'a001b01'],
    ['a1', 'a1x'],
    ['1ax', '1b'],
    ['082', '83'],
    ['9a', '083a'],
  ])('%s < %s', (a, b) => {
    expect(naturalLess(a, b)).toBe(true);
    expect(naturalLess(b, a)).toBe(false);
  });

  it('is irreflexive', () => {
    expect(naturalLess('ab1c', 'ab1c')).toBe(false);
  });

  it('orders docker networks and volumes like network ls', () => {
    const names = [
      'network_10',
      'bridge',
      'network_2',
      'host',
      'none',
      'Network_1',
      'docker_gwbridge',
      'ingress',
    ];
    expect(names.sort(naturalCompare)).toEqual([
      'Network_1',
      'bridge',
      'docker_gwbridge',
      'host',
      'ingress',
      'network_2',
      'network_10',
      'none',
    ]);
  });

  it('is a strict weak order', () => {
    const str = fc.stringMatching(/^[a0-9é]{0,6}$/);
    fc.assert(
      fc.property(str, str, str, (a, b, c) => {
        expect(naturalLess(a, b) && naturalLess(b, a)).toBe(false);
        if (naturalLess(a, b) && naturalLess(b, c)) expect(naturalLess(a, c)).toBe(true);
      }),
    );
  });
});
