import { describe, expect, it } from 'vitest';
import { cleanPath, dockerignoreMatcher, parseDockerignore } from './index.ts';

describe('parseDockerignore (ignorefile.ReadAll)', () => {
  it('drops comments in the first column and blank lines, trims, cleans and unroots', () => {
    const text =
      '\uFEFF# comment\n\n  *.log  \n #not a comment\n/foo/bar/\n!/keep/./me\n./a/../b\r\n/\n!  spaced\n';
    expect(parseDockerignore(text)).toEqual([
      '*.log',
      '#not a comment',
      'foo/bar',
      '!keep/me',
      'b',
      '/',
      '!spaced',
    ]);
  });
  it('keeps "!" alone for the matcher to reject', () => {
    expect(parseDockerignore('!\n')).toEqual(['!']);
    expect(() => dockerignoreMatcher(['!'])).toThrow(
      'invalid excludepatterns: [!]: illegal exclusion pattern: "!"',
    );
  });
  it('reports a bad glob with fsutil/patternmatcher text', () => {
    expect(() => dockerignoreMatcher(['a[', 'b'])).toThrow(
      'invalid excludepatterns: [a[ b]: syntax error in pattern',
    );
    expect(() => dockerignoreMatcher(['[]a]'])).toThrow('syntax error in pattern');
    expect(() => dockerignoreMatcher(['a\\'])).toThrow('syntax error in pattern');
  });
});

describe('cleanPath (filepath.Clean)', () => {
  it.each([
    ['', '.'],
    ['a/b/../c/', 'a/c'],
    ['/../a', '/a'],
    ['../../a', '../../a'],
    ['./', '.'],
    ['a//b', 'a/b'],
  ])('%s -> %s', (p, want) => expect(cleanPath(p)).toBe(want));
});

// One pattern against one path, as patternmatcher's own table tests do
// (MatchesOrParentMatches semantics, which the walk reproduces for a lone pattern).
const table: [string, string, boolean][] = [
  ['**', 'file', true],
  ['**', 'dir/file', true],
  ['**/', 'dir/file', true],
  ['**/**', 'dir/file', true],
  ['dir/**', 'dir/file', true],
  ['dir/**', 'dir/dir2/file', true],
  ['**/dir', 'dir', true],
  ['**/dir', 'dir/file', true],
  ['**/dir2/*', 'dir/dir2/file', true],
  ['**/dir2/**', 'dir/dir2/dir3/file', true],
  ['**file', 'file', true],
  ['**file', 'dir/file', true],
  ['**/file', 'dir/file', true],
  ['**file', 'dir/dir/file', true],
  ['**/file*', 'dir/dir/file.txt', true],
  ['**/file*txt', 'dir/dir/file.txt', true],
  ['**/**/*.txt', 'dir/dir/file.txt', true],
  ['**/**/*.txt2', 'dir/dir/file.txt', false],
  ['**/*.txt', 'file.txt', true],
  ['**/**/*.txt', 'file.txt', true],
  ['a**/*.txt', 'a/file.txt', true],
  ['a**/*.txt', 'a/dir/file.txt', true],
  ['a**/*.txt', 'a/dir/dir/file.txt', true],
  ['a/*.txt', 'a/dir/file.txt', false],
  ['a/*.txt', 'a/file.txt', true],
  ['a/*.txt**', 'a/file.txt', true],
  ['a[b-d]e', 'ae', false],
  ['a[b-d]e', 'ace', true],
  ['a[b-d]e', 'aae', false],
  ['a[^b-d]e', 'aze', true],
  ['.*', '.foo', true],
  ['.*', 'foo', false],
  ['abc.def', 'abcdef', false],
  ['abc.def', 'abc.def', true],
  ['abc.def', 'abcZdef', false],
  ['abc?def', 'abcZdef', true],
  ['abc?def', 'abcdef', false],
  ['**/foo/bar', 'foo/bar', true],
  ['**/foo/bar', 'dir/foo/bar', true],
  ['**/foo/bar', 'dir/dir2/foo/bar', true],
  ['abc/**', 'abc', false],
  ['abc/**', 'abc/def', true],
  ['abc/**', 'abc/def/ghi', true],
  ['**/.foo', '.foo', true],
  ['**/.foo', 'bar.foo', false],
  ['a(b)c/def', 'a(b)c/def', true],
  ['a(b)c/def', 'a(b)c/xyz', false],
  ['a.|)$(}+{bc', 'a.|)$(}+{bc', true],
  ['dist/*.whl', 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', true],
  ['*.md', 'README.md', true],
  ['*.md', 'docs/intro.md', false],
  ['docs/*.md', 'docs/intro.md', true],
  ['docs/*.md', 'docs/sub/intro.md', false],
  ['foo', 'foo/bar/baz', true],
  ['foo/', 'foo/bar', true],
  ['/foo', 'foo/bar', true],
  ['foo*', 'food/x', true],
  ['*/b', 'a/b/c', true],
];

describe('one pattern', () => {
  it.each(table)('%s matches %s: %s', (pattern, path, want) => {
    expect(dockerignoreMatcher(parseDockerignore(pattern)).matches(path)).toBe(want);
  });
});

describe('several patterns', () => {
  it('the last matching line wins', () => {
    const m = dockerignoreMatcher(['*.md', '!README.md']);
    expect(m.matches('a.md')).toBe(true);
    expect(m.matches('README.md')).toBe(false);
    const n = dockerignoreMatcher(['!README.md', '*.md']);
    expect(n.matches('README.md')).toBe(true);
  });
  it('an exception re-includes inside an excluded directory', () => {
    const m = dockerignoreMatcher(['node_modules', '!node_modules/keep']);
    expect(m.matches('node_modules')).toBe(true);
    expect(m.matches('node_modules/x/y')).toBe(true);
    expect(m.matches('node_modules/keep')).toBe(false);
    expect(m.matches('node_modules/keep/file')).toBe(false);
    // fsutil must walk in to find keep/
    expect(m.excludesDirectoryEntirely('node_modules')).toBe(false);
    expect(m.excludesDirectoryEntirely('node_modules/x')).toBe(true);
  });
  it('a glob exception makes the walk enter every excluded directory', () => {
    const m = dockerignoreMatcher(['build', '!**/*.keep']);
    expect(m.matches('build/a.o')).toBe(true);
    expect(m.matches('build/sub/a.keep')).toBe(false);
    expect(m.excludesDirectoryEntirely('build')).toBe(false);
  });
  it('without exceptions an excluded directory is skipped whole', () => {
    const m = dockerignoreMatcher(['.git', 'tmp/']);
    expect(m.excludesDirectoryEntirely('.git')).toBe(true);
    expect(m.excludesDirectoryEntirely('tmp')).toBe(true);
    expect(m.excludesDirectoryEntirely('src')).toBe(false);
  });
  it('excludes everything but an allow-list', () => {
    const m = dockerignoreMatcher(parseDockerignore('*\n!src\n!package.json\n'));
    expect(m.matches('Dockerfile')).toBe(true);
    expect(m.matches('package.json')).toBe(false);
    expect(m.matches('src/index.js')).toBe(false);
    expect(m.matches('node_modules/a')).toBe(true);
  });
  it('never excludes the context root, and no patterns exclude nothing', () => {
    expect(dockerignoreMatcher(['**']).matches('.')).toBe(false);
    expect(dockerignoreMatcher([]).matches('a')).toBe(false);
  });
  it('judges a file with its parent directory results, as the walk does', () => {
    // the exception matches dir "a/b"; with parent results the file under it stays included
    const m = dockerignoreMatcher(['a', '!a/b']);
    expect(m.matches('a/b/c')).toBe(false);
    expect(m.matches('a/c')).toBe(true);
  });
});
