import { describe, expect, it } from 'vitest';
import { sprint, sprintln } from './fmt-print.ts';
import { sprintf } from './fmt-printf.ts';
import { goFloat64, goMap, nilOf, withGoType } from './values.ts';

describe('sprintf', () => {
  it.each([
    ['%5.2f', [3.14159], ' 3.14'],
    ['%-5d|', [42], '42   |'],
    ['%05d', [-42], '-0042'],
    ['%+d', [5], '+5'],
    ['% d', [5], ' 5'],
    ['%x', [255], 'ff'],
    ['%X', [255], 'FF'],
    ['%#x', [255], '0xff'],
    ['%o', [8], '10'],
    ['%#o', [8], '010'],
    ['%O', [8], '0o10'],
    ['%b', [5], '101'],
    ['%c', [65], 'A'],
    ['%q', [65], "'A'"],
    ['%U', [0x1f600], 'U+1F600'],
    ['%#U', [0x41], "U+0041 'A'"],
    ['%.3d', [7], '007'],
    ['%q', ['hi\n'], '"hi\\n"'],
    ['%#q', ['hi'], '`hi`'],
    ['%+q', ['héllo'], '"h\\u00e9llo"'],
    ['%8.3s|', ['abcdef'], '     abc|'],
    ['%-8s|', ['ab'], 'ab      |'],
    ['%x', ['hi'], '6869'],
    ['% x', ['hi'], '68 69'],
    ['%X', ['hi'], '6869'],
    ['%e', [1234.5678], '1.234568e+03'],
    ['%g', [goFloat64(100000)], '100000'],
    ['%g', [100000], '%!g(int=100000)'],
    ['%g', [goFloat64(1e6)], '1e+06'],
    ['%.1f', [0.05], '0.1'],
    ['%08.3f', [-3.14159], '-003.142'],
    ['%5t', [true], ' true'],
    ['%T', ['x'], 'string'],
    ['%T', [1.5], 'float64'],
    ['%v', [[1, 2]], '[1 2]'],
    ['%s', [['a', 'b']], '[a b]'],
    ['%q', [['a', 'b']], '["a" "b"]'],
    ['%d', [['a']], '[%!d(string=a)]'],
    [
      '%v',
      [
        new Map([
          ['b', 2],
          ['a', 1],
        ]),
      ],
      'map[a:1 b:2]',
    ],
    ['%v', [goMap({ z: 'x', a: 'y' })], 'map[a:y z:x]'],
    ['%v', [{ A: 1, B: 'x' }], '{1 x}'],
    ['%+v', [{ A: 1, B: 'x' }], '{A:1 B:x}'],
    [
      '%v',
      [
        {
          A: [1, 2],
          M: new Map([
            [2, 'b'],
            [1, 'a'],
          ]),
        },
      ],
      '{[1 2] map[1:a 2:b]}',
    ],
    ['%v', [null], '<nil>'],
    ['%v', [nilOf('[]string')], '[]'],
    ['%v', [nilOf('map[string]string')], 'map[]'],
    ['%v', [nilOf('*int')], '<nil>'],
    ['%s', [null], '%!s(<nil>)'],
    ['%s', [5], '%!s(int=5)'],
    ['%d', ['x'], '%!d(string=x)'],
    ['%d', [1.5], '%!d(float64=1.5)'],
    ['%z', [true], '%!z(bool=true)'],
    ['%d', [], '%!d(MISSING)'],
    ['%d', [1, 2], '1%!(EXTRA int=2)'],
    ['%d %s', [1, 'a', 'b', null], '1 a%!(EXTRA string=b, <nil>)'],
    ['100%', [], '100%!(NOVERB)'],
    ['%d%%', [50], '50%'],
    ['%[2]d %[1]d', [1, 2], '2 1'],
    ['%[3]d', [1, 2], '%!d(BADINDEX)'],
    ['%*d', [5, 42], '   42'],
    ['%-*d|', [4, 7], '7   |'],
    ['%.*f', [2, 3.14159], '3.14'],
    ['%*d', ['x', 42], '%!(BADWIDTH)42'],
    ['%v', [Infinity], '+Inf'],
    ['%5.1f', [NaN], '  NaN'],
    ['%v', [10n], '10'],
    ['%d', [-9007199254740993n], '-9007199254740993'],
  ] as const)('%s', (format, args, want) => {
    expect(sprintf(format, ...(args as readonly unknown[]))).toBe(want);
  });

  it('calls String() and Error() for the text verbs only', () => {
    const s = { String: () => 'S' };
    const e = { Error: () => 'E', String: () => 'S' };
    expect(sprintf('%v %s %q', s, s, s)).toBe('S S "S"');
    expect(sprintf('%v', e)).toBe('E');
    expect(sprintf('%v', [s, s])).toBe('[S S]');
  });

  it('names declared types in complaints', () => {
    const ctx = withGoType({ ID: 'x' }, '*formatter.ContainerContext');
    expect(sprintf('%T', ctx)).toBe('*formatter.ContainerContext');
    // a verb applies to each field of a struct, as in Go; a pointer to one prints `&{…}`
    expect(sprintf('%d', ctx)).toBe('&{%!d(string=x)}');
    expect(sprintf('%!', true)).toBe('%!!(bool=true)');
  });
});

describe('sprint and sprintln', () => {
  it('adds spaces between operands when neither is a string', () => {
    expect(sprint('a', 1, 2, 'b')).toBe('a1 2b');
    expect(sprint(1, 2)).toBe('1 2');
    expect(sprint('a', 'b')).toBe('ab');
    expect(sprint(true, null)).toBe('true <nil>');
  });
  it('always separates with spaces and ends with a newline', () => {
    expect(sprintln('a', 1, 'b')).toBe('a 1 b\n');
    expect(sprintln()).toBe('\n');
  });
});

describe('pointers', () => {
  // a pointer is known by its declared type: an object's own (withGoType), or the type a
  // struct field, slice or map declares for its element (go-structs.test.ts: a *bool)

  it('prints a pointer inside a value as an address, the same one for the same object', () => {
    const dns = withGoType({ Nameservers: [] }, '*swarm.DNSConfig');
    const out = sprint({ A: dns, B: dns, C: withGoType({}, '*x.T') });
    expect(out).toMatch(/^\{(0xc[0-9a-f]{9}) \1 (0xc[0-9a-f]{9})\}$/);
    expect(out.slice(1, 13)).not.toBe(out.slice(-13, -1));
    expect(sprint([withGoType({}, '*x.T')])).toMatch(/^\[0xc[0-9a-f]{9}\]$/);
  });

  it('prints a pointer to a struct at the top as &{…}, and a nil one as <nil>', () => {
    expect(sprintf('%v', withGoType({ A: 1 }, '*x.T'))).toBe('&{1}');
    expect(sprintf('%+v', withGoType({ A: 1 }, '*x.T'))).toBe('&{A:1}');
    expect(sprint({ P: nilOf('*x.T') })).toBe('{<nil>}');
  });

  it('prints a pointer with a String method through it', () => {
    const v = withGoType({ Index: 3, String: () => '3' }, '*swarm.Version');
    expect(sprint({ V: v })).toBe('{3}');
  });

  it('formats an address with the integer verbs and %#v', () => {
    const p = withGoType({}, '*x.T');
    expect(sprintf('%d', [p])).toMatch(/^\[\d+\]$/);
    expect(sprintf('%#v', { P: p })).toMatch(/^struct \{ P \*x\.T \}\{P:\(\*x\.T\)\(0xc[0-9a-f]{9}\)\}$/);
  });

  it('leaves objects without a pointer type as values', () => {
    expect(sprint({ A: { B: 1 } })).toBe('{{1}}');
    expect(sprint(withGoType({}, '*swarm.DNSConfig'))).toBe('&{}');
  });
});
