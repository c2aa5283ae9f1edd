import { describe, expect, it } from 'vitest';
import { HELLO_MESSAGE } from './hello.ts';
import { TestLab } from './testing/harness.ts';

describe('hello-world', () => {
  it('prints its message and exits 0', async () => {
    const lab = new TestLab();
    const c = lab.container('library/hello-world', 'latest');
    const r = await c.exec(c.argv());
    expect(r).toMatchObject({ status: 0, stdout: HELLO_MESSAGE, stderr: '' });
    expect(HELLO_MESSAGE.startsWith('\nHello from Docker!\n')).toBe(true);
  });
});

describe('busybox', () => {
  it('runs applets in the same process on Alpine, where every tool links to it', async () => {
    const lab = new TestLab();
    const c = lab.container('library/alpine', 'latest');
    expect(await c.exec(['echo', 'hi'])).toMatchObject({ status: 0, stdout: 'hi\n' });
    expect(await c.exec(['busybox', 'echo', 'hi'])).toMatchObject({ status: 0, stdout: 'hi\n' });
    // the third process of the container: the shell is busybox's own pid, not a child's
    expect(await c.exec(['/bin/sh', '-c', 'echo $$'])).toMatchObject({ stdout: '3\n' });
  });

  it('prints its usage, its list, and refuses unknown applets', async () => {
    const lab = new TestLab();
    const c = lab.container('library/alpine', 'latest');
    const usage = await c.exec(['busybox']);
    expect(usage.status).toBe(0);
    expect(usage.stdout).toMatch(
      /^BusyBox v1\.37\.0 \(2025-06-04 10:53:25 UTC\) multi-call binary\.\nBusyBox is copyrighted by many authors between 1998-2015\.\n/,
    );
    expect(usage.stdout).toContain(
      'Currently defined functions:\n\t[, [[, acpid, add-shell, addgroup, adduser, adjtimex,',
    );
    expect(usage.stdout.split('\n').every((l) => l.length <= 80)).toBe(true);
    expect((await c.exec(['busybox', '--list'])).stdout.split('\n').slice(0, 3)).toEqual([
      '[',
      '[[',
      'acpid',
    ]);
    expect(await c.exec(['busybox', 'nope'])).toMatchObject({
      status: 127,
      stderr: 'nope: applet not found\n',
    });
  });
});
