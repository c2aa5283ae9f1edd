import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeFs, run } from '../testing/harness.ts';
import { cut } from './cut.ts';
import { grep } from './grep.ts';
import { head, tail } from './head-tail.ts';
import { sed } from './sed.ts';
import { sort } from './sort.ts';
import { tr } from './tr.ts';
import { uniq } from './uniq.ts';
import { wc } from './wc.ts';
import { tee } from './tee.ts';
import { translateRegex } from '../support/regex.ts';

const LINES = Array.from({ length: 15 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';

describe('head and tail', () => {
  it('take lines and bytes', async () => {
    const fs = makeFs({ '/f': LINES, '/g': 'x\n' });
    expect((await run(head, ['head', '-n', '2', '/f'], { fs })).stdout).toBe('line 1\nline 2\n');
    expect((await run(head, ['head', '-3'], { stdin: LINES })).stdout).toBe('line 1\nline 2\nline 3\n');
    expect((await run(head, ['head', '-c', '4', '/f'], { fs })).stdout).toBe('line');
    expect((await run(head, ['head', '-n', '-13', '/f'], { fs })).stdout).toBe('line 1\nline 2\n');
    expect((await run(tail, ['tail', '-n', '2', '/f'], { fs })).stdout).toBe('line 14\nline 15\n');
    expect((await run(tail, ['tail', '-n', '+14', '/f'], { fs })).stdout).toBe('line 14\nline 15\n');
    expect((await run(head, ['head', '-n1', '/f', '/g'], { fs })).stdout).toBe(
      '==> /f <==\nline 1\n\n==> /g <==\nx\n',
    );
  });
  it('word their errors per variant', async () => {
    expect((await run(head, ['head', '-n', 'x'])).stderr).toBe("head: invalid number of lines: 'x'\n");
    expect((await run(head, ['head', '-n', 'x'], { variant: 'busybox' })).stderr).toBe(
      "head: invalid number 'x'\n",
    );
    expect((await run(head, ['head', 'nope'])).stderr).toBe(
      "head: cannot open 'nope' for reading: No such file or directory\n",
    );
    expect((await run(tail, ['tail', 'nope'], { variant: 'busybox' })).stderr).toBe(
      "tail: can't open 'nope': No such file or directory\ntail: no files\n",
    );
  });
  it('tail -f follows appends on the virtual clock', async () => {
    const fs = makeFs({ '/log': 'a\n' });
    let ticks = 0;
    const original = fs.readFile.bind(fs);
    fs.readFile = (p: string) => {
      if (p === '/log' && ++ticks === 3) fs.writeFile('/log', 'b\n', { append: true });
      return original(p);
    };
    const r = await run(tail, ['tail', '-f', '/log'], { fs, stopAfter: 5000 });
    expect(r.stdout).toBe('a\nb\n');
  });
});

describe('wc, sort, uniq, cut, tr, tee', () => {
  it('counts like GNU and BusyBox', async () => {
    const fs = makeFs({ '/w': 'one two\nthree\n', '/a': 'hi\n' });
    expect((await run(wc, ['wc', '/w'], { fs })).stdout).toBe(' 2  3 14 /w\n');
    expect((await run(wc, ['wc', '-l', '/w'], { fs })).stdout).toBe('2 /w\n');
    expect((await run(wc, ['wc', '/w', '/a'], { fs })).stdout).toBe(
      ' 2  3 14 /w\n 1  1  3 /a\n 3  4 17 total\n',
    );
    expect((await run(wc, ['wc'], { stdin: 'one two\nthree\n' })).stdout).toBe('      2       3      14\n');
    expect((await run(wc, ['wc', '-l'], { stdin: 'a\nb\n' })).stdout).toBe('2\n');
    expect((await run(wc, ['wc', '/w'], { fs, variant: 'busybox' })).stdout).toBe(
      '        2         3        14 /w\n',
    );
  });
  it('sorts', async () => {
    expect((await run(sort, ['sort'], { stdin: 'b\na\nC\n' })).stdout).toBe('C\na\nb\n');
    expect((await run(sort, ['sort', '-n', '-r'], { stdin: '10\n9\n100\n' })).stdout).toBe('100\n10\n9\n');
    expect((await run(sort, ['sort', '-u'], { stdin: 'a\nb\na\n' })).stdout).toBe('a\nb\n');
    expect((await run(sort, ['sort', '-t:', '-k2n'], { stdin: 'x:3\ny:1\nz:2\n' })).stdout).toBe(
      'y:1\nz:2\nx:3\n',
    );
    expect((await run(sort, ['sort', '-k', '2'], { stdin: 'a b\nc a\n' })).stdout).toBe('c a\na b\n');
    expect((await run(sort, ['sort', '-h'], { stdin: '1G\n10K\n2M\n' })).stdout).toBe('10K\n2M\n1G\n');
  });
  it('uniq, cut, tr', async () => {
    expect((await run(uniq, ['uniq', '-c'], { stdin: 'a\na\nb\n' })).stdout).toBe('      2 a\n      1 b\n');
    expect((await run(uniq, ['uniq', '-d'], { stdin: 'a\na\nb\n' })).stdout).toBe('a\n');
    expect((await run(cut, ['cut', '-d:', '-f1,3'], { stdin: 'a:b:c\n' })).stdout).toBe('a:c\n');
    expect((await run(cut, ['cut', '-c2-'], { stdin: 'abc\n' })).stdout).toBe('bc\n');
    expect((await run(cut, ['cut', '-d', ' ', '-f2-'], { stdin: 'a  b\n' })).stdout).toBe(' b\n');
    expect((await run(cut, ['cut', 'x'])).stderr).toBe(
      "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n",
    );
    expect((await run(tr, ['tr', 'a-z', 'A-Z'], { stdin: 'hello\n' })).stdout).toBe('HELLO\n');
    expect((await run(tr, ['tr', '-d', '[:digit:]'], { stdin: 'a1b2\n' })).stdout).toBe('ab\n');
    expect((await run(tr, ['tr', '-s', ' '], { stdin: 'a   b\n' })).stdout).toBe('a b\n');
    expect((await run(tr, ['tr', 'a'])).stderr).toBe(
      "tr: missing operand after 'a'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n",
    );
  });
  it('tee writes files', async () => {
    const fs = makeFs();
    expect((await run(tee, ['tee', '/out'], { fs, stdin: 'x\n' })).stdout).toBe('x\n');
    expect(fs.readFile('/out')).toBe('x\n');
  });
});

describe('grep', () => {
  const fs = () => makeFs({ '/d/a.txt': 'hello world\nfoo\nHello again\n', '/d/sub/b.txt': 'hello there\n' });
  it('matches, counts, numbers', async () => {
    expect(await run(grep, ['grep', 'hello', '/d/a.txt'], { fs: fs() })).toMatchObject({
      status: 0,
      stdout: 'hello world\n',
    });
    expect((await run(grep, ['grep', '-i', '-n', 'hello', '/d/a.txt'], { fs: fs() })).stdout).toBe(
      '1:hello world\n3:Hello again\n',
    );
    expect((await run(grep, ['grep', '-c', 'o', '/d/a.txt'], { fs: fs() })).stdout).toBe('3\n');
    expect((await run(grep, ['grep', '-v', 'o'], { stdin: 'a\nb\no\n' })).stdout).toBe('a\nb\n');
    expect((await run(grep, ['grep', '-o', '[0-9]\\+'], { stdin: 'a12b345\n' })).stdout).toBe('12\n345\n');
    expect((await run(grep, ['grep', '-E', 'fo+|again'], { stdin: 'foo\nagain\nbar\n' })).stdout).toBe(
      'foo\nagain\n',
    );
    expect((await run(grep, ['grep', '-F', 'a.b'], { stdin: 'a.b\naxb\n' })).stdout).toBe('a.b\n');
    expect((await run(grep, ['grep', '-w', 'he'], { stdin: 'he said\nhello\n' })).stdout).toBe('he said\n');
    expect((await run(grep, ['grep', '-x', 'ab'], { stdin: 'ab\nabc\n' })).stdout).toBe('ab\n');
    expect((await run(grep, ['grep', '\\(ab\\)\\1'], { stdin: 'abab\nab\n' })).stdout).toBe('abab\n');
  });
  it('recurses and names files', async () => {
    expect((await run(grep, ['grep', '-r', 'hello', '/d'], { fs: fs() })).stdout).toBe(
      '/d/a.txt:hello world\n/d/sub/b.txt:hello there\n',
    );
    expect((await run(grep, ['grep', '-rl', 'hello'], { fs: fs(), cwd: '/d' })).stdout).toBe(
      'a.txt\nsub/b.txt\n',
    );
  });
  it('exits 1 on no match and 2 on errors', async () => {
    expect((await run(grep, ['grep', 'zzz'], { stdin: 'a\n' })).status).toBe(1);
    expect(await run(grep, ['grep', 'x', '/nope'])).toMatchObject({
      status: 2,
      stderr: 'grep: /nope: No such file or directory\n',
    });
    expect(await run(grep, ['grep', '[a'], { stdin: 'a\n' })).toMatchObject({
      status: 2,
      stderr: 'grep: Unmatched [, [^, [:, [., or [=\n',
    });
    expect((await run(grep, ['grep', '-q', 'a'], { stdin: 'a\n' })).status).toBe(0);
  });
  it('never throws on random patterns', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 12 }),
        fc.boolean(),
        fc.string({ maxLength: 20 }),
        async (pattern, extended, text) => {
          const r = await run(grep, ['grep', ...(extended ? ['-E'] : []), '-e', pattern], {
            stdin: text + '\n',
          });
          expect([0, 1, 2]).toContain(r.status);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('sed', () => {
  it('substitutes, prints, deletes', async () => {
    expect((await run(sed, ['sed', 's/a/b/g'], { stdin: 'aaa\n' })).stdout).toBe('bbb\n');
    expect((await run(sed, ['sed', 's/a/b/'], { stdin: 'aaa\n' })).stdout).toBe('baa\n');
    expect((await run(sed, ['sed', 's/a/b/2'], { stdin: 'aaa\n' })).stdout).toBe('aba\n');
    expect((await run(sed, ['sed', '-n', '2p'], { stdin: 'a\nb\nc\n' })).stdout).toBe('b\n');
    expect((await run(sed, ['sed', '/b/d'], { stdin: 'a\nb\nc\n' })).stdout).toBe('a\nc\n');
    expect((await run(sed, ['sed', '2,$d'], { stdin: 'a\nb\nc\n' })).stdout).toBe('a\n');
    expect((await run(sed, ['sed', '-n', '/a/,/b/p'], { stdin: 'x\na\ny\nb\nz\n' })).stdout).toBe(
      'a\ny\nb\n',
    );
    expect(
      (await run(sed, ['sed', '-E', 's/([a-z]+) ([a-z]+)/\\2 \\1/'], { stdin: 'hello world\n' })).stdout,
    ).toBe('world hello\n');
    expect((await run(sed, ['sed', 's/\\(.*\\)/[&]/'], { stdin: 'x\n' })).stdout).toBe('[x]\n');
    expect((await run(sed, ['sed', '-e', 's/a/A/', '-e', 's/b/B/'], { stdin: 'ab\n' })).stdout).toBe('AB\n');
    expect((await run(sed, ['sed', 's|/|_|g'], { stdin: '/a/b\n' })).stdout).toBe('_a_b\n');
    expect((await run(sed, ['sed', '$!d'], { stdin: 'a\nb\n' })).stdout).toBe('b\n');
    expect((await run(sed, ['sed', '-n', '$='], { stdin: 'a\nb\n' })).stdout).toBe('2\n');
    expect((await run(sed, ['sed', '1i hello'], { stdin: 'a\n' })).stdout).toBe('hello\na\n');
    expect((await run(sed, ['sed', 'a\\\nfoo'], { stdin: 'a\n' })).stdout).toBe('a\nfoo\n');
    expect((await run(sed, ['sed', 'y/abc/xyz/'], { stdin: 'abc\n' })).stdout).toBe('xyz\n');
    expect((await run(sed, ['sed', '2q'], { stdin: 'a\nb\nc\n' })).stdout).toBe('a\nb\n');
    expect((await run(sed, ['sed', 's/x/\\U&/'], { stdin: 'x\n' })).stdout).toBe('X\n');
    expect((await run(sed, ['sed', ':a;N;$!ba;s/\\n/,/g'], { stdin: 'a\nb\nc\n' })).stdout).toBe('a,b,c\n');
  });
  it('edits in place', async () => {
    const fs = makeFs({ '/etc/conf': 'port=80\n' });
    expect((await run(sed, ['sed', '-i', 's/80/8080/', '/etc/conf'], { fs })).status).toBe(0);
    expect(fs.readFile('/etc/conf')).toBe('port=8080\n');
  });
  it('reports errors like GNU sed and BusyBox', async () => {
    expect((await run(sed, ['sed', 's/a/b'])).stderr).toBe(
      "sed: -e expression #1, char 5: unterminated `s' command\n",
    );
    expect((await run(sed, ['sed', 'k'])).stderr).toBe(
      "sed: -e expression #1, char 1: unknown command: `k'\n",
    );
    expect((await run(sed, ['sed', 's/a/b/q'])).stderr).toBe(
      "sed: -e expression #1, char 7: unknown option to `s'\n",
    );
    expect((await run(sed, ['sed', 's/a/b'], { variant: 'busybox' })).stderr).toBe("sed: unmatched '/'\n");
    expect((await run(sed, ['sed', 'k'], { variant: 'busybox' })).stderr).toBe(
      'sed: unsupported command k\n',
    );
    expect((await run(sed, ['sed', 'p', '/nope'])).stderr).toBe(
      "sed: can't read /nope: No such file or directory\n",
    );
  });
  it('never throws on random scripts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 14 }), fc.string({ maxLength: 20 }), async (script, text) => {
        const r = await run(sed, ['sed', '-e', script], { stdin: text + '\n' });
        expect(typeof r.status).toBe('number');
      }),
      { numRuns: 200 },
    );
  });
});

describe('translateRegex', () => {
  it('translates BRE and ERE', () => {
    expect(translateRegex('a\\{2,\\}', false)).toMatchObject({ ok: true, source: 'a{2,}' });
    expect(translateRegex('a+(b)', false)).toMatchObject({ ok: true, source: 'a\\+\\(b\\)' });
    expect(translateRegex('a+(b)', true)).toMatchObject({ ok: true, source: 'a+(b)' });
    expect(translateRegex('*a', false)).toMatchObject({ ok: true, source: '\\*a' });
    expect(translateRegex('[[:digit:]]', true)).toMatchObject({ ok: true, source: '[0-9]' });
    expect(translateRegex('(a', true)).toMatchObject({ ok: false, error: 'Unmatched ( or \\(' });
  });
  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.boolean(), (re, ext) => {
        const r = translateRegex(re, ext);
        if (r.ok) expect(() => new RegExp(r.source)).not.toThrow();
      }),
    );
  });
});
