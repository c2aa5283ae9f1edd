import { describe, expect, it } from 'vitest';
import { makeFs, run } from '../testing/harness.ts';
import { echo } from '../text/echo.ts';
import { printf } from '../text/printf.ts';
import { env, printenv } from './env.ts';
import { hostname } from './hostname.ts';
import { id } from './id.ts';
import { clear, nproc, yes } from './misc.ts';
import { sleep } from './sleep.ts';
import { falseProgram, trueProgram } from './true-false.ts';
import { uname } from './uname.ts';
import { pwd, whoami } from './whoami-pwd.ts';
import { seq } from '../text/seq.ts';
import { basename, dirname } from '../files/basename-dirname.ts';

describe('echo', () => {
  it('handles -n -e -E and stops at a non-option', async () => {
    expect((await run(echo, ['echo', 'a', 'b'])).stdout).toBe('a b\n');
    expect((await run(echo, ['echo', '-n', 'a'])).stdout).toBe('a');
    expect((await run(echo, ['echo', '-e', 'a\\tb\\n'])).stdout).toBe('a\tb\n\n');
    expect((await run(echo, ['echo', '-e', 'a\\cb'])).stdout).toBe('a');
    expect((await run(echo, ['echo', '-x', 'a'])).stdout).toBe('-x a\n');
    expect((await run(echo, ['echo', 'a\\tb'])).stdout).toBe('a\\tb\n');
  });
});

describe('printf', () => {
  it('formats and reuses the format', async () => {
    expect((await run(printf, ['printf', '%5.2f|%-4s|%x\\n', '3.14159', 'ab', '255'])).stdout).toBe(
      ' 3.14|ab  |ff\n',
    );
    expect((await run(printf, ['printf', '%s\\n', 'a', 'b'])).stdout).toBe('a\nb\n');
    expect((await run(printf, ['printf', '%03d %e %g\\n', '7', '1234.5', '0.0001'])).stdout).toBe(
      '007 1.234500e+03 0.0001\n',
    );
  });
  it('reports bad numbers per variant', async () => {
    const gnu = await run(printf, ['printf', '%d\\n', 'abc']);
    expect(gnu).toMatchObject({
      status: 1,
      stdout: '0\n',
      stderr: "printf: 'abc': expected a numeric value\n",
    });
    const bb = await run(printf, ['printf', '%d\\n', 'abc'], { variant: 'busybox' });
    expect(bb.stderr).toBe("printf: invalid number 'abc'\n");
  });
});

describe('identity', () => {
  it('whoami, id, pwd', async () => {
    const fs = makeFs();
    expect((await run(whoami, ['whoami'], { fs })).stdout).toBe('root\n');
    expect((await run(id, ['id'], { fs })).stdout).toBe('uid=0(root) gid=0(root) groups=0(root)\n');
    expect((await run(id, ['id', '-u'], { fs })).stdout).toBe('0\n');
    expect((await run(id, ['id', '-un'], { fs })).stdout).toBe('root\n');
    expect((await run(id, ['id'], { fs, user: { name: '', uid: 1234, gid: 1234 } })).stdout).toBe(
      'uid=1234 gid=1234 groups=1234\n',
    );
    expect((await run(id, ['id', 'nosuch'], { fs })).stderr).toBe("id: 'nosuch': no such user\n");
    expect((await run(whoami, ['whoami'], { fs, user: { name: '', uid: 1234, gid: 1234 } })).stderr).toBe(
      'whoami: cannot find name for user ID 1234\n',
    );
    expect((await run(pwd, ['pwd'], { fs, cwd: '/tmp' })).stdout).toBe('/tmp\n');
  });
});

describe('uname and hostname', () => {
  it('prints the kernel per variant', async () => {
    const fs = makeFs({ '/etc/os-release': 'ID=debian\n' });
    expect((await run(uname, ['uname', '-a'], { fs, hostname: 'web' })).stdout).toBe(
      'Linux web 6.1.0-41-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.158-1 (2025-11-09) x86_64 GNU/Linux\n',
    );
    expect((await run(uname, ['uname', '-a'], { fs, hostname: 'web', variant: 'busybox' })).stdout).toBe(
      'Linux web 6.1.0-41-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.158-1 (2025-11-09) x86_64 Linux\n',
    );
    expect((await run(uname, ['uname'])).stdout).toBe('Linux\n');
    expect((await run(uname, ['uname', '-r'])).stdout).toBe('6.1.0-41-amd64\n');
  });
  it('hostname -i and -I', async () => {
    expect((await run(hostname, ['hostname'], { hostname: 'c1' })).stdout).toBe('c1\n');
    expect(
      (await run(hostname, ['hostname', '-i'], { hostname: 'c1', hosts: { c1: '172.17.0.2' } })).stdout,
    ).toBe('172.17.0.2\n');
    expect((await run(hostname, ['hostname', '-I'], { addresses: ['172.17.0.2', '10.0.0.3'] })).stdout).toBe(
      '172.17.0.2 10.0.0.3 \n',
    );
  });
});

describe('env', () => {
  it('prints and runs with a changed environment', async () => {
    const out = await run(env, ['env'], { env: { A: '1', B: '2' } });
    expect(out.stdout).toBe('A=1\nB=2\n');
    const fs = makeFs();
    fs.writeFile('/usr/bin/printenv', '', { mode: 0o755, program: 'printenv' });
    const child = await run(env, ['env', '-i', 'X=y', 'printenv', 'X'], {
      fs,
      env: { PATH: '/usr/bin' },
      programs: { printenv },
    });
    expect(child).toMatchObject({ status: 0, stdout: 'y\n' });
    const missing = await run(env, ['env', 'nosuch'], { fs });
    expect(missing).toMatchObject({ status: 127, stderr: "env: 'nosuch': No such file or directory\n" });
    const bb = await run(env, ['env', 'nosuch'], { fs, variant: 'busybox' });
    expect(bb.stderr).toBe("env: can't execute 'nosuch': No such file or directory\n");
  });
  it('printenv exits 1 for an unset name', async () => {
    expect(await run(printenv, ['printenv', 'HOME', 'NOPE'], { env: { HOME: '/root' } })).toMatchObject({
      status: 1,
      stdout: '/root\n',
    });
  });
});

describe('sleep, yes, clear, nproc, true, false', () => {
  it('sleeps on the virtual clock', async () => {
    const a = await run(sleep, ['sleep', '1.5'], { now: 0 });
    expect(a.now).toBe(1500);
    const b = await run(sleep, ['sleep', '1m', '2'], { now: 0 });
    expect(b.now).toBe(62000);
    expect(await run(sleep, ['sleep', 'x'])).toMatchObject({
      status: 1,
      stderr: "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n",
    });
    expect((await run(sleep, ['sleep'], { variant: 'busybox' })).stderr).toContain('Usage: sleep [N]...');
  });
  it('yes repeats until stopped', async () => {
    const r = await run(yes, ['yes', 'ok'], { stopAfter: 2 });
    expect(r.stdout.startsWith('ok\nok\n')).toBe(true);
  });
  it('clear, nproc, true, false', async () => {
    expect((await run(clear, ['clear'])).stdout).toBe('\x1b[H\x1b[2J\x1b[3J');
    expect((await run(nproc, ['nproc'])).stdout).toBe('2\n');
    expect((await run(trueProgram, ['true', '-x'])).status).toBe(0);
    expect((await run(falseProgram, ['false'])).status).toBe(1);
  });
});

describe('seq, basename, dirname', () => {
  it('counts', async () => {
    expect((await run(seq, ['seq', '3'])).stdout).toBe('1\n2\n3\n');
    expect((await run(seq, ['seq', '-s', ',', '2', '2', '8'])).stdout).toBe('2,4,6,8\n');
    expect((await run(seq, ['seq', '-w', '8', '10'])).stdout).toBe('08\n09\n10\n');
    expect((await run(seq, ['seq', '0', '0.5', '1'])).stdout).toBe('0.0\n0.5\n1.0\n');
    expect((await run(seq, ['seq', '-1', '1'])).stdout).toBe('-1\n0\n1\n');
  });
  it('names', async () => {
    expect((await run(basename, ['basename', '/a/b.txt', '.txt'])).stdout).toBe('b\n');
    expect((await run(basename, ['basename', '-a', '/a/b/', 'c'])).stdout).toBe('b\nc\n');
    expect((await run(dirname, ['dirname', '/a/b', 'c', '/'])).stdout).toBe('/a\n.\n/\n');
    expect((await run(basename, ['basename'])).stderr).toBe(
      "basename: missing operand\nTry 'basename --help' for more information.\n",
    );
  });
});
