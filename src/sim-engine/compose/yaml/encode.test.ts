/**
 * encode.ts against yaml.v3's own rules: keyList's order (sorter.go), the style stringv
 * asks for, and floatv's spelling of a float32. The whole path is checked against the real
 * docker CLI by config-yaml.test.ts; these pin the pieces.
 */
import { describe, expect, it } from 'vitest';
import { float32, float64, sortedKeys, str } from './encode.ts';

describe('keyList order', () => {
  it('compares runs of digits as numbers, and letters before other runes', () => {
    expect(sortedKeys(['a10', 'a2', 'A1', 'a02', '_x', '10', '9', '1', 'b'])).toEqual([
      '_x',
      '1',
      '9',
      '10',
      'A1',
      'a2',
      'a02',
      'a10',
      'b',
    ]);
  });
  it('puts numbers before strings, by value', () => {
    expect(sortedKeys<unknown>(['x', 10, 2, true])).toEqual([true, 2, 10, 'x']);
  });
});

describe('stringv', () => {
  it('quotes what would read back as another type, or as a YAML 1.1 bool or base-60 float', () => {
    for (const s of [
      '',
      'true',
      'null',
      '~',
      '42',
      '0x1F',
      '1e3',
      '.inf',
      '2024-01-31',
      'yes',
      'Off',
      '1:20',
    ])
      expect(str(s)).toMatchObject({ style: 'double' });
    for (const s of ['hello', 'a:b', '1000:1000', '02:42:ac:11:65:43', '-flag', "it's"])
      expect(str(s)).toMatchObject({ style: 'plain' });
    expect(str('a\nb')).toMatchObject({ style: 'literal' });
  });
});

describe('floatv', () => {
  it('spells a float32 with the fewest digits that read back as it', () => {
    expect(float32(0.1)).toMatchObject({ value: '0.1' });
    expect(float32(1 / 3)).toMatchObject({ value: '0.33333334' });
    expect(float32(0.7)).toMatchObject({ value: '0.7' });
  });
  it("uses Go's 'g' layout and YAML's infinities", () => {
    expect(float64(1e6)).toMatchObject({ value: '1e+06' });
    expect(float64(123456789)).toMatchObject({ value: '1.23456789e+08' });
    expect(float64(1e-7)).toMatchObject({ value: '1e-07' });
    expect(float64(-Infinity)).toMatchObject({ value: '-.inf' });
    expect(float64(NaN)).toMatchObject({ value: '.nan' });
  });
});
