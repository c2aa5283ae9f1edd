import { describe, expect, it } from 'vitest';
import { makeFs, run } from '../testing/harness.ts';
import { apk } from './apk.ts';

const alpine = () =>
  makeFs({
    '/etc/alpine-release': '3.24.2\n',
    '/etc/apk/repositories':
      'https://dl-cdn.alpinelinux.org/alpine/v3.24/main\nhttps://dl-cdn.alpinelinux.org/alpine/v3.24/community\n',
    '/etc/apk/world': 'alpine-baselayout\nbusybox\n',
  });

describe('apk', () => {
  it('adds curl on a fresh image, fetching the indexes', async () => {
    const fs = alpine();
    const r = await run(apk, ['apk', 'add', 'curl'], { fs, variant: 'busybox' });
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toBe(
      [
        'fetch https://dl-cdn.alpinelinux.org/alpine/v3.24/main/x86_64/APKINDEX.tar.gz',
        'fetch https://dl-cdn.alpinelinux.org/alpine/v3.24/community/x86_64/APKINDEX.tar.gz',
        '(1/9) Installing brotli-libs (1.1.0-r2)',
        '(2/9) Installing c-ares (1.34.5-r0)',
        '(3/9) Installing libunistring (1.3-r0)',
        '(4/9) Installing libidn2 (2.3.7-r0)',
        '(5/9) Installing nghttp2-libs (1.65.0-r0)',
        '(6/9) Installing libpsl (0.21.5-r3)',
        '(7/9) Installing zstd-libs (1.5.7-r0)',
        '(8/9) Installing libcurl (8.14.1-r1)',
        '(9/9) Installing curl (8.14.1-r1)',
        'Executing busybox-1.37.0-r18.trigger',
        'OK: 12 MiB in 25 packages',
        '',
      ].join('\n'),
    );
    expect(fs.stat('/usr/bin/curl')?.program).toBe('curl');
    expect(fs.readFile('/etc/apk/world')).toContain('curl\n');
    const again = await run(apk, ['apk', 'add', 'curl'], { fs });
    expect(again.stdout).toBe('OK: 12 MiB in 25 packages\n');
  });
  it('updates and then adds without fetching', async () => {
    const fs = alpine();
    const u = await run(apk, ['apk', 'update'], { fs });
    expect(u.stdout.split('\n').at(-2)).toBe('OK: 26520 distinct packages available');
    const r = await run(apk, ['apk', 'add', 'bash'], { fs });
    expect(r.stdout.startsWith('(1/4) Installing ncurses-terminfo-base')).toBe(true);
    expect(r.stdout).toContain('Executing bash-5.2.37-r0.post-install\n');
  });
  it('refuses unknown packages', async () => {
    const r = await run(apk, ['apk', 'add', '--no-cache', 'foo'], { fs: alpine() });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'ERROR: unable to select packages:\n  foo (no such package):\n    required by: world[foo]\n',
    );
  });
  it('deletes what it added', async () => {
    const fs = alpine();
    await run(apk, ['apk', 'add', '-q', 'curl'], { fs });
    const r = await run(apk, ['apk', 'del', 'curl'], { fs });
    expect(r.stdout.split('\n')[0]).toBe('(1/9) Purging curl (8.14.1-r1)');
    expect(fs.stat('/usr/bin/curl')).toBeUndefined();
  });
  it('adds and deletes a virtual package with its dependencies', async () => {
    const fs = alpine();
    const add = await run(apk, ['apk', 'add', '--no-cache', '--virtual', '.build-deps', 'make', 'tree'], {
      fs,
    });
    expect(add.stdout).toContain('(3/3) Installing .build-deps (20261128.120000)\n');
    const del = await run(apk, ['apk', 'del', '.build-deps'], { fs });
    expect(del.stdout).toBe(
      '(1/3) Purging .build-deps (20261128.120000)\n(2/3) Purging make (4.4.1-r3)\n(3/3) Purging tree (2.2.1-r0)\nExecuting busybox-1.37.0-r18.trigger\nOK: 8 MiB in 16 packages\n',
    );
  });
});
