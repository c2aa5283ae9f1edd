import { describe, expect, it } from 'vitest';
import {
  bytesSize,
  customSize,
  ellipsis,
  fromHumanSize,
  GiB,
  humanDuration,
  humanSize,
  humanSizeWithPrecision,
  KiB,
  MiB,
  prettyPrint,
  ramInBytes,
  truncateID,
} from './units.ts';

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

describe('humanDuration (go-units duration_test.go)', () => {
  it.each([
    [450, 'Less than a second'],
    [-1, 'Less than a second'],
    [1 * SEC, '1 second'],
    [1 * SEC + 500, '1 second'],
    [2 * SEC, '2 seconds'],
    [59 * SEC + 999, '59 seconds'],
    [60 * SEC, 'About a minute'],
    [1 * MIN + 59 * SEC, 'About a minute'],
    [2 * MIN, '2 minutes'],
    [59 * MIN, '59 minutes'],
    [59 * MIN + 59 * SEC, '59 minutes'],
    [60 * MIN, 'About an hour'],
    [1 * HOUR + 29 * MIN, 'About an hour'],
    [1 * HOUR + 31 * MIN, '2 hours'],
    [1 * DAY, '24 hours'],
    [1 * DAY + 12 * HOUR, '36 hours'],
    [2 * DAY, '2 days'],
    [7 * DAY, '7 days'],
    [13 * DAY + 5 * HOUR, '13 days'],
    [2 * WEEK, '2 weeks'],
    [2 * WEEK + 4 * DAY, '2 weeks'],
    [3 * WEEK, '3 weeks'],
    [4 * WEEK, '4 weeks'],
    [4 * WEEK + 3 * DAY, '4 weeks'],
    [1 * MONTH, '4 weeks'],
    [1 * MONTH + 2 * WEEK, '6 weeks'],
    [2 * MONTH, '2 months'],
    [2 * MONTH + 2 * WEEK, '2 months'],
    [3 * MONTH, '3 months'],
    [1 * YEAR, '12 months'],
    [1 * YEAR + 2 * MONTH, '14 months'],
    [2 * YEAR, '2 years'],
    [3 * YEAR, '3 years'],
    [3 * YEAR + 2 * MONTH, '3 years'],
    [10 * YEAR, '10 years'],
  ])('%d ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});

describe('sizes (go-units size_test.go)', () => {
  it.each([
    [1000, '1kB'],
    [1024, '1.024kB'],
    [1_000_000, '1MB'],
    [1_048_576, '1.049MB'],
    [2 * 1_000_000, '2MB'],
    [3.42 * 1e9, '3.42GB'],
    [5.372 * 1e12, '5.372TB'],
    [2.22 * 1e15, '2.22PB'],
    [1e21, '1ZB'],
    [1e24, '1YB'],
    [0, '0B'],
    [2048, '2.048kB'],
    [10000000000000 * 1e15, '1e+04YB'],
  ])('humanSize(%d) = %s', (n, want) => {
    expect(humanSize(n)).toBe(want);
  });

  it('humanSizeWithPrecision as docker images prints it (3 significant digits)', () => {
    expect(humanSizeWithPrecision(124_000_000, 3)).toBe('124MB');
    expect(humanSizeWithPrecision(7_800_000, 3)).toBe('7.8MB');
    expect(humanSizeWithPrecision(187_654_321, 3)).toBe('188MB');
    expect(humanSizeWithPrecision(999_999, 3)).toBe('1e+03kB');
    expect(humanSizeWithPrecision(0, 3)).toBe('0B');
  });

  it.each([
    [1024, '1KiB'],
    [1024 * 1024, '1MiB'],
    [1_048_576, '1MiB'],
    [2 * MiB, '2MiB'],
    [3.42 * GiB, '3.42GiB'],
    [5.372 * GiB * 1024, '5.372TiB'],
    [0, '0B'],
    [1536, '1.5KiB'],
    [1024 ** 5 * 1024 ** 5, '1.049e+06YiB'],
  ])('bytesSize(%d) = %s', (n, want) => {
    expect(bytesSize(n)).toBe(want);
  });

  it('customSize', () => {
    expect(customSize('%.2f %s', 1536, 1024, ['B', 'KB'])).toBe('1.50 KB');
  });

  it.each([
    ['0', 0],
    ['0b', 0],
    ['0B', 0],
    ['0 B', 0],
    ['32', 32],
    ['32b', 32],
    ['32 B', 32],
    ['32k', 32 * 1000],
    ['32K', 32 * 1000],
    ['32kb', 32 * 1000],
    ['32 Kb', 32 * 1000],
    ['32Mb', 32 * 1000 * 1000],
    ['32Gb', 32 * 1e9],
    ['32Tb', 32 * 1e12],
    ['32Pb', 32 * 1e15],
    ['32.5kB', 32.5 * 1000],
    ['32.5 kB', 32.5 * 1000],
    ['32.5 B', 32],
    ['0.3 K', 300],
    ['.3kB', 300],
    ['32kib', 32000],
    ['0.', 0],
    ['0. ', 0],
    ['-0', 0],
    ['-0 B', 0],
    ['32. B', 32],
    ['0 ', 0],
  ])('fromHumanSize(%j) = %d', (s, want) => {
    expect(fromHumanSize(s)).toBe(want);
  });

  it.each([
    ['32', 32],
    ['32b', 32],
    ['32k', 32 * KiB],
    ['32kb', 32 * KiB],
    ['32kib', 32 * KiB],
    ['32Mb', 32 * MiB],
    ['32Gb', 32 * GiB],
    ['512m', 512 * MiB],
    ['1g', GiB],
    ['1.5g', 1.5 * GiB],
    ['32.3', 32],
  ])('ramInBytes(%j) = %d', (s, want) => {
    expect(ramInBytes(s)).toBe(want);
  });

  it.each([
    ['', "invalid size: ''"],
    ['hello', "invalid size: 'hello'"],
    ['-32', "invalid size: '-32'"],
    ['-32K', "invalid size: '-32K'"],
    ['32.3.4', 'strconv.ParseFloat: parsing "32.3.4": invalid syntax'],
    [' 32 ', 'strconv.ParseFloat: parsing " 32": invalid syntax'],
    ['32 bb', "invalid suffix: 'bb'"],
    ['32 mbb', "invalid suffix: 'mbb'"],
    ['32kx', "invalid suffix: 'kx'"],
    ['32mibx', "invalid suffix: 'mibx'"],
    ['32x', "invalid suffix: 'x'"],
    ['32 zz', "invalid suffix: 'zz'"],
    [' 0', 'strconv.ParseFloat: parsing " 0": invalid syntax'],
    ['32b.', 'strconv.ParseFloat: parsing "32b.": invalid syntax'],
    ['.', 'strconv.ParseFloat: parsing ".": invalid syntax'],
    ['32 b b', 'strconv.ParseFloat: parsing "32 b": invalid syntax'],
  ])('ramInBytes(%j) fails with %j', (s, want) => {
    expect(() => ramInBytes(s)).toThrow(want);
  });
});

describe('display utils (cli/command/formatter/displayutils.go)', () => {
  it('truncateID', () => {
    expect(truncateID('sha256:a3b5c6d7e8f90123456789abcdef')).toBe('a3b5c6d7e8f9');
    expect(truncateID('1234567890abcdef1234')).toBe('1234567890ab');
    expect(truncateID('short')).toBe('short');
  });

  it.each([
    ['t🐳ststring', 0, ''],
    ['t🐳ststring', 1, 't'],
    ['t🐳ststring', 2, 't…'],
    ['t🐳ststring', 6, 't🐳st…'],
    ['t🐳ststring', 20, 't🐳ststring'],
    ['你好世界teststring', 0, ''],
    ['你好世界teststring', 1, '你'],
    ['你好世界teststring', 3, '你…'],
    ['你好世界teststring', 6, '你好…'],
    ['你好世界teststring', 20, '你好世界teststring'],
    ['test你好世界string', 7, 'test你…'],
    ['你好世界', 8, '你好世界'],
    ['你好世界', 7, '你好世…'],
    ['/docker-entrypoint.sh nginx -g daemon off;', 20, '/docker-entrypoint.…'],
    ['top', 20, 'top'],
  ])('ellipsis(%j, %d) = %j', (s, n, want) => {
    expect(ellipsis(s, n)).toBe(want);
  });

  it('prettyPrint capitalises the first letter', () => {
    expect(prettyPrint('ready')).toBe('Ready');
    expect(prettyPrint('DRAIN')).toBe('Drain');
    expect(prettyPrint('a')).toBe('a');
    expect(prettyPrint('')).toBe('');
    expect(prettyPrint(null)).toBe('None');
  });
});
