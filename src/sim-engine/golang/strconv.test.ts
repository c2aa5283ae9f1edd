import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NumError, parseFloat64, parseInt64, parseUint } from './strconv-number.ts';
import { canBackquote, quote, quoteRune, quoteToASCII, unquote } from './strconv-quote.ts';

describe('strconv.Quote', () => {
  it.each([
    ['', '""'],
    ['top', '"top"'],
    ['/docker-entrypoint.…', '"/docker-entrypoint.…"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['\x07\b\f\n\r\t\v', '"\\a\\b\\f\\n\\r\\t\\v"'],
    ['\x00\x1f\x7f', '"\\x00\\x1f\\x7f"'],
    ['\u00a0\u2028\ufeff', '"\\u00a0\\u2028\\ufeff"'],
    ['日本 🐳', '"日本 🐳"'],
    ['\u{e0001}', '"\\U000e0001"'],
  ])('%j', (s, want) => {
    expect(quote(s)).toBe(want);
  });

  it('QuoteToASCII, QuoteRune, CanBackquote', () => {
    expect(quoteToASCII('日本\n')).toBe('"\\u65e5\\u672c\\n"');
    expect(quoteToASCII('🐳')).toBe('"\\U0001f433"');
    expect(quoteRune(0x27)).toBe("'\\''");
    expect(quoteRune(0x22)).toBe("'\"'");
    expect(quoteRune(0x263a)).toBe("'☺'");
    expect(canBackquote('a\tb')).toBe(true);
    expect(canBackquote('a`b')).toBe(false);
    expect(canBackquote('a\nb')).toBe(false);
  });

  it('round-trips through Unquote', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(unquote(quote(s))).toBe(s);
      }),
    );
  });
});

describe('strconv.Unquote', () => {
  it.each([
    ['"abc"', 'abc'],
    ['"\\x41\\101\\u0041\\U00000041"', 'AAAA'],
    ['"\\xe6\\x97\\xa5"', '日'],
    ["'a'", 'a'],
    ["'\\''", "'"],
    ['`a\\nb`', 'a\\nb'],
    ['`a\r\nb`', 'a\nb'],
  ])('%j', (s, want) => {
    expect(unquote(s)).toBe(want);
  });

  it.each([
    '',
    '"',
    '"a',
    'a"',
    '"\\q"',
    '"\\\'"',
    "'ab'",
    "''",
    '"a\nb"',
    '`a`b`',
    '"\\u12"',
    '"\\ud800"',
    '"\\400"',
  ])('%j is invalid syntax', (s) => {
    expect(() => unquote(s)).toThrow('invalid syntax');
  });
});

describe('strconv number parsing', () => {
  it('ParseInt and ParseUint with base 0', () => {
    expect(parseUint('0x1F')).toBe(31n);
    expect(parseUint('0o17')).toBe(15n);
    expect(parseUint('017')).toBe(15n);
    expect(parseUint('0b101')).toBe(5n);
    expect(parseUint('1_000')).toBe(1000n);
    expect(parseUint('18446744073709551615')).toBe(18446744073709551615n);
    expect(parseInt64('-9223372036854775808')).toBe(-9223372036854775808n);
    expect(parseInt64('+7')).toBe(7n);
  });

  it.each([
    [
      () => parseUint('18446744073709551616'),
      'strconv.ParseUint: parsing "18446744073709551616": value out of range',
    ],
    [
      () => parseInt64('9223372036854775808'),
      'strconv.ParseInt: parsing "9223372036854775808": value out of range',
    ],
    [() => parseUint('-1'), 'strconv.ParseUint: parsing "-1": invalid syntax'],
    [() => parseUint('1__0'), 'strconv.ParseUint: parsing "1__0": invalid syntax'],
    [() => parseUint('_1'), 'strconv.ParseUint: parsing "_1": invalid syntax'],
    [() => parseUint('08'), 'strconv.ParseUint: parsing "08": invalid syntax'],
    [() => parseInt64('x'), 'strconv.ParseInt: parsing "x": invalid syntax'],
    [() => parseFloat64('abc'), 'strconv.ParseFloat: parsing "abc": invalid syntax'],
    [() => parseFloat64('1e400'), 'strconv.ParseFloat: parsing "1e400": value out of range'],
    [() => parseFloat64('1.2.3'), 'strconv.ParseFloat: parsing "1.2.3": invalid syntax'],
  ])('%# fails', (f, want) => {
    expect(f).toThrow(NumError);
    expect(f).toThrow(want);
  });

  it('ParseFloat', () => {
    expect(parseFloat64('1.5')).toBe(1.5);
    expect(parseFloat64('.5')).toBe(0.5);
    expect(parseFloat64('5.')).toBe(5);
    expect(parseFloat64('1e1_0')).toBe(1e10);
    expect(parseFloat64('0x1p-2')).toBe(0.25);
    expect(parseFloat64('0x_1p4')).toBe(16);
    expect(parseFloat64('-Inf')).toBe(-Infinity);
    expect(parseFloat64('infinity')).toBe(Infinity);
    expect(parseFloat64('NaN')).toBeNaN();
  });
});
