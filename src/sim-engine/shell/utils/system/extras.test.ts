import { describe, expect, it } from 'vitest';
import { makeFs, run } from '../testing/harness.ts';
import { mktemp, readlink, realpath } from '../files/path-tools.ts';
import { md5sum, sha1sum, sha256sum } from '../text/checksum.ts';
import { expr } from '../text/expr.ts';
import { base64, nl, od, paste, tac } from '../text/text-extras.ts';
import { sleep } from './sleep.ts';
import { adduser, addgroup, groupadd, useradd } from './accounts.ts';
import { timeout, tty } from './run-tools.ts';
import { dpkg } from '../packages/dpkg.ts';

describe('path tools', () => {
  it('readlink, realpath, mktemp', async () => {
    const fs = makeFs({ '/data/file': 'x' });
    fs.symlink('/data', '/link');
    expect((await run(readlink, ['readlink', '/link'], { fs })).stdout).toBe('/data\n');
    expect((await run(readlink, ['readlink', '-f', '/link/file'], { fs })).stdout).toBe('/data/file\n');
    expect((await run(readlink, ['readlink', '/data/file'], { fs })).status).toBe(1);
    expect((await run(realpath, ['realpath', '/link/../link/file'], { fs })).stdout).toBe('/data/file\n');
    expect((await run(realpath, ['realpath', '/nope/x'], { fs })).stderr).toBe(
      'realpath: /nope/x: No such file or directory\n',
    );
    const t = await run(mktemp, ['mktemp'], { fs });
    expect(t.stdout).toMatch(/^\/tmp\/tmp\.[A-Za-z0-9]{10}\n$/);
    expect(fs.stat(t.stdout.trim())?.mode).toBe(0o600);
    const d = await run(mktemp, ['mktemp', '-d'], { fs, variant: 'busybox' });
    expect(d.stdout).toMatch(/^\/tmp\/tmp\.[A-Za-z0-9]{6}\n$/);
  });
});

describe('text extras and checksums', () => {
  it('tac, nl, paste, base64, od', async () => {
    expect((await run(tac, ['tac'], { stdin: 'a\nb\n' })).stdout).toBe('b\na\n');
    expect((await run(nl, ['nl'], { stdin: 'a\nb\n' })).stdout).toBe('     1\ta\n     2\tb\n');
    expect((await run(paste, ['paste', '-sd,'], { stdin: 'a\nb\n' })).stdout).toBe('a,b\n');
    expect((await run(base64, ['base64'], { stdin: 'hello\n' })).stdout).toBe('aGVsbG8K\n');
    expect((await run(base64, ['base64', '-d'], { stdin: 'aGVsbG8K\n' })).stdout).toBe('hello\n');
    expect((await run(od, ['od', '-c'], { stdin: 'ab' })).stdout).toBe('0000000   a   b\n0000002\n');
    expect((await run(od, ['od', '-An', '-tx1'], { stdin: 'hi\n' })).stdout).toBe(' 68 69 0a\n');
  });
  it('hashes like coreutils', async () => {
    expect((await run(md5sum, ['md5sum'], { stdin: 'hello\n' })).stdout).toBe(
      'b1946ac92492d2347c6235b4d2611184  -\n',
    );
    expect((await run(sha1sum, ['sha1sum'], { stdin: 'hello\n' })).stdout).toBe(
      'f572d396fae9206628714fb2ce00f72e94f2258f  -\n',
    );
    expect((await run(sha256sum, ['sha256sum'], { stdin: 'hello\n' })).stdout).toBe(
      '5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03  -\n',
    );
    const fs = makeFs({ '/f': 'hello\n' });
    const ok = await run(sha256sum, ['sha256sum', '-c', '-'], {
      fs,
      stdin: '5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03  /f\n',
    });
    expect(ok).toMatchObject({ status: 0, stdout: '/f: OK\n' });
  });
  it('expr', async () => {
    expect((await run(expr, ['expr', '1', '+', '2'])).stdout).toBe('3\n');
    expect((await run(expr, ['expr', '5', '>', '3'])).stdout).toBe('1\n');
    expect((await run(expr, ['expr', 'length', 'abc'])).stdout).toBe('3\n');
    expect(await run(expr, ['expr', '1', '/', '0'])).toMatchObject({
      status: 2,
      stderr: 'expr: division by zero\n',
    });
    expect(await run(expr, ['expr', '0'])).toMatchObject({ status: 1, stdout: '0\n' });
  });
});

describe('run tools and accounts', () => {
  it('timeout ends a slow command with 124', async () => {
    const fs = makeFs();
    fs.writeFile('/usr/bin/sleep', '', { mode: 0o755, program: 'sleep' });
    const r = await run(timeout, ['timeout', '1', 'sleep', '5'], {
      fs,
      programs: { sleep },
      env: { PATH: '/usr/bin' },
    });
    expect(r.status).toBe(124);
    expect((await run(tty, ['tty'])).stdout).toBe('not a tty\n');
  });
  it('useradd and groupadd edit the account files', async () => {
    const fs = makeFs({ '/etc/shadow': 'root:*:20000:0:99999:7:::\n', '/etc/skel/.profile': '# profile\n' });
    expect((await run(groupadd, ['groupadd', '-r', 'web'], { fs })).status).toBe(0);
    expect(fs.readFile('/etc/group')).toContain('\nweb:x:999:\n');
    expect((await run(useradd, ['useradd', '-m', '-s', '/bin/bash', 'dev'], { fs })).status).toBe(0);
    expect(fs.readFile('/etc/passwd')).toContain('\ndev:x:1001:1001::/home/dev:/bin/bash\n');
    expect(fs.stat('/home/dev')).toMatchObject({ uid: 1001, gid: 1001 });
    expect(fs.readFile('/home/dev/.profile')).toBe('# profile\n');
    expect(await run(useradd, ['useradd', 'dev'], { fs })).toMatchObject({
      status: 9,
      stderr: "useradd: user 'dev' already exists\n",
    });
  });
  it('BusyBox addgroup and adduser', async () => {
    const fs = makeFs({ '/etc/shadow': '' });
    fs.writeFile('/etc/group', 'root:x:0:\nnogroup:x:65533:\n');
    expect((await run(addgroup, ['addgroup', '-S', 'app'], { fs, variant: 'busybox' })).status).toBe(0);
    expect(
      (await run(adduser, ['adduser', '-S', '-G', 'app', 'svc'], { fs, variant: 'busybox' })).status,
    ).toBe(0);
    expect(fs.readFile('/etc/passwd')).toContain('\nsvc:x:100:100:Linux User,,,:/home/svc:/sbin/nologin\n');
    expect(await run(adduser, ['adduser', '-D', 'svc'], { fs, variant: 'busybox' })).toMatchObject({
      status: 1,
      stderr: "adduser: user 'svc' in use\n",
    });
    expect((await run(adduser, ['adduser', '-D', 'bob'], { fs, variant: 'busybox' })).status).toBe(0);
    expect(fs.readFile('/etc/passwd')).toContain('\nbob:x:1001:1001:Linux User,,,:/home/bob:/bin/sh\n');
  });
  it('dpkg answers what scripts ask', async () => {
    expect((await run(dpkg, ['dpkg', '--print-architecture'])).stdout).toBe('amd64\n');
  });
});

describe('test and [', () => {
  it('evaluates like /usr/bin/test', async () => {
    const { test } = await import('./test.ts');
    const fs = makeFs({ '/f': 'x' });
    const t = (argv: string[]) => run(test, argv, { fs });
    expect((await t(['[', '1', '=', '1', ']'])).status).toBe(0);
    expect((await t(['test', '-f', '/f'])).status).toBe(0);
    expect((await t(['test', '-d', '/f'])).status).toBe(1);
    expect((await t(['test', '-f', '/f', '-a', '!', '-d', '/f'])).status).toBe(0);
    expect(await t(['test', '1', '-eq', 'x'])).toMatchObject({
      status: 2,
      stderr: "test: invalid integer 'x'\n",
    });
    expect(await t(['[', 'a'])).toMatchObject({ status: 2, stderr: "[: missing ']'\n" });
    expect((await run(test, ['test', '1', '-eq', 'x'], { fs, variant: 'busybox' })).stderr).toBe(
      'test: x: bad number\n',
    );
  });
});
