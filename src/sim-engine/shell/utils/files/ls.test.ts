import { describe, expect, it } from 'vitest';
import { makeFs, run, T0 } from '../testing/harness.ts';
import { ls } from './ls.ts';

function lab() {
  const fs = makeFs({ '/app/a.txt': 'hi\n', '/app/sub/': '', '/app/.hidden': 'x' });
  fs.symlink('a.txt', '/app/link');
  fs.writeFile('/app/old', '');
  fs.utimes('/app/old', Date.UTC(2020, 0, 2, 3, 4));
  fs.writeFile('/app/run.sh', '#!/bin/sh\n', { mode: 0o755 });
  fs.chown('/app/run.sh', 1000, 1000);
  return fs;
}

describe('ls', () => {
  it('lists one per line on a pipe, sorted, hiding dot files', async () => {
    const r = await run(ls, ['ls', '/app'], { fs: lab() });
    expect(r.stdout).toBe('a.txt\nlink\nold\nrun.sh\nsub\n');
  });

  it('lists in columns on a terminal', async () => {
    const fs = makeFs();
    for (let i = 0; i < 30; i++)
      fs.writeFile(`/d/file-${String(i).padStart(2, '0')}`.replace('/d/', '/tmp/'), '');
    const r = await run(ls, ['ls', '/tmp'], { fs, tty: true });
    const lines = r.stdout.trimEnd().split('\n');
    // as GNU ls 9.1 prints them in an 80-column terminal
    expect(lines).toEqual([
      'file-00  file-04  file-08  file-12  file-16  file-20  file-24  file-28',
      'file-01  file-05  file-09  file-13  file-17  file-21  file-25  file-29',
      'file-02  file-06  file-10  file-14  file-18  file-22  file-26',
      'file-03  file-07  file-11  file-15  file-19  file-23  file-27',
    ]);
  });

  it('-l prints modes, owners, sizes and dates like GNU', async () => {
    const r = await run(ls, ['ls', '-l', '/app'], { fs: lab(), now: T0 + 60000 });
    expect(r.stdout).toBe(
      [
        'total 12',
        '-rw-r--r-- 1 root root    3 Nov 28 12:00 a.txt',
        'lrwxrwxrwx 1 root root    5 Nov 28 12:00 link -> a.txt',
        '-rw-r--r-- 1 root root    0 Jan  2  2020 old',
        '-rwxr-xr-x 1 app  app    10 Nov 28 12:00 run.sh',
        'drwxr-xr-x 2 root root 4096 Nov 28 12:00 sub',
        '',
      ].join('\n'),
    );
  });

  it('-l in BusyBox uses fixed widths', async () => {
    const r = await run(ls, ['ls', '-l', '/app/sub', '/app/a.txt'], { fs: lab(), variant: 'busybox' });
    expect(r.stdout).toBe(
      '-rw-r--r--    1 root     root             3 Nov 28 12:00 /app/a.txt\n\n/app/sub:\ntotal 0\n',
    );
  });

  it('-a, -A, -d, -R, -t, -S, -r, -F', async () => {
    const fs = lab();
    expect((await run(ls, ['ls', '-a', '/app'], { fs })).stdout.split('\n').slice(0, 3)).toEqual([
      '.',
      '..',
      '.hidden',
    ]);
    expect((await run(ls, ['ls', '-A', '/app'], { fs })).stdout.split('\n')[0]).toBe('.hidden');
    expect((await run(ls, ['ls', '-d', '/app'], { fs })).stdout).toBe('/app\n');
    expect((await run(ls, ['ls', '-R', '/app'], { fs })).stdout).toBe(
      '/app:\na.txt\nlink\nold\nrun.sh\nsub\n\n/app/sub:\n',
    );
    expect((await run(ls, ['ls', '-S', '/app'], { fs })).stdout.split('\n')[0]).toBe('sub');
    expect((await run(ls, ['ls', '-tr', '/app'], { fs })).stdout.split('\n')[0]).toBe('old');
    expect((await run(ls, ['ls', '-F', '/app'], { fs })).stdout).toBe('a.txt\nlink@\nold\nrun.sh*\nsub/\n');
  });

  it('-lh sizes per variant', async () => {
    const fs = makeFs();
    fs.writeFile('/tmp/big', '', { size: 12345 });
    expect((await run(ls, ['ls', '-lh', '/tmp/big'], { fs })).stdout).toContain(' 13K ');
    expect((await run(ls, ['ls', '-lh', '/tmp/big'], { fs, variant: 'busybox' })).stdout).toContain(
      ' 12.1K ',
    );
  });

  it('reports missing files per variant', async () => {
    const gnu = await run(ls, ['ls', '/nope']);
    expect(gnu).toMatchObject({
      status: 2,
      stderr: "ls: cannot access '/nope': No such file or directory\n",
    });
    const bb = await run(ls, ['ls', '/nope'], { variant: 'busybox' });
    expect(bb).toMatchObject({ status: 1, stderr: 'ls: /nope: No such file or directory\n' });
  });

  it('reports bad options per variant', async () => {
    const gnu = await run(ls, ['ls', '-z']);
    expect(gnu).toMatchObject({
      status: 2,
      stderr: "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n",
    });
    const bb = await run(ls, ['ls', '-z'], { variant: 'busybox' });
    expect(bb.status).toBe(1);
    expect(bb.stderr).toMatch(
      /^ls: invalid option -- 'z'\nBusyBox v1\.37\.0 .* multi-call binary\.\n\nUsage: ls /,
    );
    const fs = makeFs({ '/etc/alpine-release': '3.22.1\n' });
    const alpine = await run(ls, ['ls', '-z'], { variant: 'busybox', fs });
    expect(alpine.stderr).toMatch(/^ls: unrecognized option: z\nBusyBox/);
  });
});
