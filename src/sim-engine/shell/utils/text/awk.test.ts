import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeFs, run } from '../testing/harness.ts';
import { awk } from './awk.ts';

const DATA = 'x 1\ny 2\nx 3\n';
const awkOut = async (program: string, stdin = DATA, extra: string[] = []) =>
  (await run(awk, ['awk', ...extra, program], { stdin, variant: 'mawk' })).stdout;

// expectations recorded from mawk 1.3.4 on Debian
describe('awk', () => {
  it('prints fields, counts and sums', async () => {
    expect(await awkOut('{print $2, $1}')).toBe('1 x\n2 y\n3 x\n');
    expect(await awkOut('NR==2')).toBe('y 2\n');
    expect(await awkOut('{s+=$2} END {print s, NR}')).toBe('6 3\n');
    expect(await awkOut('$1=="x" {c[$1]+=$2} END {for (k in c) print k, c[k]}')).toBe('x 4\n');
    expect(await awkOut('/x/,/y/ {print NR": "$0}')).toBe('1: x 1\n2: y 2\n3: x 3\n');
    expect(await awkOut('{ $2 = $2 * 10; print }')).toBe('x 10\ny 20\nx 30\n');
    expect(await awkOut('{$1=$1; print}', DATA, ['-v', 'OFS=-'])).toBe('x-1\ny-2\nx-3\n');
    expect(await awkOut('{print $2}', 'a:b\n', ['-F:'])).toBe('b\n');
    expect(await awkOut('{print $1; print NF}', '  lead  space \n')).toBe('lead\n2\n');
    expect(await awkOut('{NF=1; print; print NF}', 'a b\n')).toBe('a\n1\n');
  });
  it('has the built-in functions and printf', async () => {
    expect(
      await awkOut('{print length($1), toupper($1), substr("hello",2,3), index("abc","c")}', 'x 1\n'),
    ).toBe('1 X ell 3\n');
    expect(
      await awkOut(
        'BEGIN { n = split("a,b,c", arr, ","); print n, arr[3]; s = "foo bar foo"; gsub(/foo/, "[&]", s); print s; print match("xxabc", /ab/), RSTART, RLENGTH }',
      ),
    ).toBe('3 c\n[foo] bar [foo]\n3 3 2\n');
    expect(await awkOut('function f(x) { return x*2 } BEGIN { print f(21) }')).toBe('42\n');
    expect(await awkOut('BEGIN { printf "%-5s|%05d|%x|%c\\n", "ab", 42, 255, 65 }')).toBe(
      'ab   |00042|ff|A\n',
    );
    expect(
      await awkOut(
        'BEGIN{printf "%5.2f|%d|%s\\n", 3.14159, "12abc", 1e6; print 0.1+0.2, 100000000000000000000, 1e6, 123456789}',
      ),
    ).toBe(' 3.14|12|1000000\n0.3 1e+20 1000000 123456789\n');
    expect(
      await awkOut('BEGIN{x["a"]=1; delete x["a"]; print length(x); if (!("a" in x)) print "gone"}'),
    ).toBe('0\ngone\n');
    expect(await awkOut('BEGIN { while (i < 3) { i++; if (i==2) continue; print i } }')).toBe('1\n3\n');
    expect(await awkOut('BEGIN { print 1/0 }')).toBe('inf\n');
  });
  it('reads files and /etc/passwd-like input', async () => {
    const fs = makeFs();
    const r = await run(awk, ['awk', '-F:', '$3 == 0 {print $1}', '/etc/passwd'], { fs });
    expect(r.stdout).toBe('root\n');
    expect(await run(awk, ['awk', '{print}', '/nope'], { fs, variant: 'mawk' })).toMatchObject({
      status: 2,
      stderr: 'awk: cannot open /nope (No such file or directory)\n',
    });
    expect(await run(awk, ['awk', '{print}', '/nope'], { fs, variant: 'busybox' })).toMatchObject({
      status: 1,
      stderr: 'awk: /nope: No such file or directory\n',
    });
  });
  it('reports syntax errors like mawk and BusyBox', async () => {
    expect(await run(awk, ['awk', '{print $2, NF; x'], { variant: 'mawk' })).toMatchObject({
      status: 2,
      stderr: 'awk: line 2: missing } near end of file\n',
    });
    expect(await run(awk, ['awk', '{print $2'], { variant: 'busybox' })).toMatchObject({
      status: 1,
      stderr: 'awk: cmd. line:1: Unexpected token\n',
    });
  });
  it('never throws on random programs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 16 }), async (program) => {
        const r = await run(awk, ['awk', program], { stdin: 'a b\n1 2\n' });
        expect([0, 1, 2]).toContain(r.status);
      }),
      { numRuns: 300 },
    );
  });
});
