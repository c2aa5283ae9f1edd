import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandGlob, hasGlob, matchGlob } from './glob.ts';
import { MemFs } from './mem-fs.ts';

/** A reference matcher: the glob turned into a regular expression. */
function toRegExp(pattern: string): RegExp {
  let re = '';
  for (const ch of pattern)
    re += ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${re}$`, 's');
}

describe('matchGlob', () => {
  it('matches *, ? and literals like a regular expression would (names without a leading dot)', () => {
    const chars = fc.constantFrom('a', 'b', '*', '?', '.');
    const names = fc.constantFrom('a', 'b', '.');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 6 }), fc.array(names, { maxLength: 6 }), (p, n) => {
        const pattern = p.join('');
        const name = n.join('');
        fc.pre(!name.startsWith('.'));
        expect(matchGlob(pattern, name)).toBe(toRegExp(pattern).test(name));
      }),
    );
  });

  it('handles bracket expressions', () => {
    expect(matchGlob('[a-c]x', 'bx')).toBe(true);
    expect(matchGlob('[a-c]x', 'dx')).toBe(false);
    expect(matchGlob('[!a-c]x', 'dx')).toBe(true);
    expect(matchGlob('[^a-c]x', 'ax')).toBe(false);
    expect(matchGlob('[]]', ']')).toBe(true);
    expect(matchGlob('[!]]', 'a')).toBe(true);
    expect(matchGlob('[[:digit:]]*', '1abc')).toBe(true);
    expect(matchGlob('[[:digit:]]*', 'abc')).toBe(false);
    expect(matchGlob('[a-]', '-')).toBe(true);
    expect(matchGlob('[ab', '[ab')).toBe(true);
  });

  it('does not let *, ? or [...] match a leading dot', () => {
    expect(matchGlob('*', '.profile')).toBe(false);
    expect(matchGlob('?profile', '.profile')).toBe(false);
    expect(matchGlob('[.]profile', '.profile')).toBe(false);
    expect(matchGlob('.*', '.profile')).toBe(true);
    expect(matchGlob('a*', 'a.b')).toBe(true);
  });

  it('honours escapes', () => {
    expect(matchGlob('\\*', '*')).toBe(true);
    expect(matchGlob('\\*', 'a')).toBe(false);
    expect(hasGlob('\\*.txt')).toBe(false);
    expect(hasGlob('*.txt')).toBe(true);
    expect(hasGlob('[abc')).toBe(false);
    expect(hasGlob('a[bc]')).toBe(true);
  });
});

describe('expandGlob', () => {
  const fs = new MemFs();
  for (const d of ['/app/src', '/app/lib', '/app/.git', '/etc/nginx', '/etc/ssl'])
    fs.mkdir(d, { parents: true });
  for (const f of [
    '/app/a.js',
    '/app/b.js',
    '/app/.env',
    '/app/README',
    '/etc/nginx/nginx.conf',
    '/etc/passwd',
  ])
    fs.writeFile(f, 'x');
  fs.symlink('src', '/app/link');

  it('expands relative patterns and keeps them relative, sorted', () => {
    expect(expandGlob(fs, '/app', '*.js')).toEqual(['a.js', 'b.js']);
    expect(expandGlob(fs, '/app', '*')).toEqual(['README', 'a.js', 'b.js', 'lib', 'link', 'src']);
    expect(expandGlob(fs, '/app', '.*')).toEqual(['.env', '.git']);
  });

  it('expands absolute patterns through several components', () => {
    expect(expandGlob(fs, '/', '/etc/*/nginx.conf')).toEqual(['/etc/nginx/nginx.conf']);
    expect(expandGlob(fs, '/', '/e?c/pass*')).toEqual(['/etc/passwd']);
  });

  it('matches only directories with a trailing slash', () => {
    expect(expandGlob(fs, '/app', '*/')).toEqual(['lib/', 'link/', 'src/']);
  });

  it('returns nothing when nothing matches, or a literal part is missing', () => {
    expect(expandGlob(fs, '/app', '*.py')).toEqual([]);
    expect(expandGlob(fs, '/', '/etc/*/missing')).toEqual([]);
  });
});
