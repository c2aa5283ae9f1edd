import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BadPatternError, pathMatch } from './path-match.ts';
import cases from './testdata/path-match.go.json' with { type: 'json' };

/** What Go 1.23's path.Match answered (testdata made with `go run`, fixed cases plus 400 random ones). */
interface GoCase {
  p: string;
  n: string;
  m: boolean;
  e?: boolean;
}

function run(p: string, n: string): { m: boolean; e: boolean } {
  try {
    return { m: pathMatch(p, n), e: false };
  } catch (err) {
    if (err instanceof BadPatternError) return { m: false, e: true };
    throw err;
  }
}

describe('pathMatch (Go path.Match)', () => {
  it('answers as Go does on every recorded case', () => {
    for (const c of cases as GoCase[]) {
      expect({ p: c.p, n: c.n, ...run(c.p, c.n) }).toEqual({ p: c.p, n: c.n, m: c.m, e: c.e ?? false });
    }
  });

  it('matches the reference filter patterns docker users write', () => {
    expect(pathMatch('nginx:1.*', 'nginx:1.18')).toBe(true);
    expect(pathMatch('*:latest', 'traefik/whoami:latest')).toBe(false);
    expect(pathMatch('*/*', 'traefik/whoami')).toBe(true);
    expect(() => pathMatch('[', 'x')).toThrow('syntax error in pattern');
  });

  const plain = fc.string({ unit: fc.constantFrom('a', 'b', 'z', '0', '.', '-', '_', ':', '/', '@') });

  it('a name without pattern characters matches itself and nothing longer', () => {
    fc.assert(
      fc.property(plain, plain, (a, b) => {
        expect(pathMatch(a, a)).toBe(true);
        if (b.length > 0) expect(pathMatch(a, a + b)).toBe(false);
      }),
    );
  });

  it('a lone star matches exactly the names without a slash', () => {
    fc.assert(
      fc.property(plain, (name) => {
        expect(pathMatch('*', name)).toBe(!name.includes('/'));
      }),
    );
  });

  it('escaping every character matches the name literally, specials included', () => {
    const any = fc.string({ unit: fc.constantFrom('a', '*', '?', '[', ']', '\\', '^', '-', '/') });
    fc.assert(
      fc.property(any, (name) => {
        const escaped = [...name].map((ch) => `\\${ch}`).join('');
        expect(pathMatch(escaped, name)).toBe(true);
      }),
    );
  });

  it('only classes and escapes can make a pattern malformed', () => {
    const safe = fc.string({ unit: fc.constantFrom('a', 'b', '*', '?', '/', ':') });
    fc.assert(fc.property(safe, plain, (p, n) => void pathMatch(p, n)));
  });
});
