import { posix } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basename, dirname, isWithin, join, normalize, resolve, split, toAbsolute } from './path.ts';

const segment = fc.constantFrom('a', 'b', 'cc', '.', '..', '', 'x.txt', '.hidden');
const pathArb = fc
  .tuple(fc.boolean(), fc.array(segment, { maxLength: 8 }))
  .map(([abs, parts]) => (abs ? '/' : '') + parts.join('/'));

describe('path', () => {
  it('normalises like Node path.posix.normalize', () => {
    fc.assert(
      fc.property(pathArb, (p) => {
        expect(normalize(p)).toBe(posix.normalize(p));
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(pathArb, (p) => {
        expect(normalize(normalize(p))).toBe(normalize(p));
      }),
    );
  });

  it('dirname and basename agree with Node, which keeps slashes before the last name', () => {
    fc.assert(
      fc.property(pathArb, (p) => {
        const node = posix.dirname(p).replace(/(.)\/+$/, '$1');
        expect(dirname(p)).toBe(node);
        // basename(1) of `/` is `/`, Node's is ''
        if (!/^\/+$/.test(p)) expect(basename(p)).toBe(posix.basename(p));
      }),
    );
  });

  it('handles the POSIX examples', () => {
    expect(dirname('/usr/lib/')).toBe('/usr');
    expect(dirname('usr')).toBe('.');
    expect(dirname('/')).toBe('/');
    expect(dirname('//a')).toBe('/');
    expect(basename('/usr/lib/')).toBe('lib');
    expect(basename('/')).toBe('/');
    expect(basename('a.txt', '.txt')).toBe('a');
    expect(basename('.txt', '.txt')).toBe('.txt');
  });

  it('resolves against a cwd, keeping a trailing slash', () => {
    expect(resolve('/home/me', 'a/../b')).toBe('/home/me/b');
    expect(resolve('/home/me', '/etc//passwd')).toBe('/etc/passwd');
    expect(resolve('/home/me', '../../..')).toBe('/');
    expect(resolve('/home/me', 'dir/')).toBe('/home/me/dir/');
    expect(resolve('/', '.')).toBe('/');
  });

  it('makes paths absolute without folding ..', () => {
    expect(toAbsolute('/home', 'link/../x')).toBe('/home/link/../x');
    expect(toAbsolute('/', './a//b/')).toBe('/a/b/');
    expect(toAbsolute('/x', '.')).toBe('/x');
  });

  it('joins and splits', () => {
    expect(join('/a', 'b', '../c')).toBe('/a/c');
    expect(join('a', '', 'b')).toBe('a/b');
    expect(join()).toBe('.');
    expect(split('//a/./b/../c/')).toEqual(['a', 'b', '..', 'c']);
  });

  it('tells whether a path is within a directory', () => {
    expect(isWithin('/a/b', '/a/b')).toBe(true);
    expect(isWithin('/a/b', '/a/b/c')).toBe(true);
    expect(isWithin('/a/b', '/a/bc')).toBe(false);
    expect(isWithin('/', '/x')).toBe(true);
  });
});
