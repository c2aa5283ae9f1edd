import { describe, expect, it } from 'vitest';
import type { ProcessInfo } from '../../../process/types.ts';
import { makeFs, run, T0 } from '../testing/harness.ts';
import { echo } from '../text/echo.ts';
import { xargs } from '../text/xargs.ts';
import { date } from './date.ts';
import { kill } from './kill.ts';
import { ps } from './ps.ts';

const PROCS: ProcessInfo[] = [
  {
    pid: 1,
    ppid: 0,
    user: 'root',
    args: 'nginx: master process nginx -g daemon off;',
    started: T0 - 3600000,
  },
  { pid: 29, ppid: 1, user: 'nginx', args: 'nginx: worker process', started: T0 - 3600000 },
  { pid: 42, ppid: 0, user: 'root', args: 'ps aux', started: T0 },
];

describe('ps', () => {
  it('prints procps formats', async () => {
    const opts = { processes: PROCS, now: T0, pid: 42 };
    expect((await run(ps, ['ps'], opts)).stdout).toBe(
      '    PID TTY          TIME CMD\n      1 ?        00:00:00 nginx:\n     42 ?        00:00:00 ps\n',
    );
    expect((await run(ps, ['ps', 'aux'], opts)).stdout.split('\n').slice(0, 2)).toEqual([
      'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND',
      expect.stringMatching(
        /^root {11}1 {2}0\.0 {2}0\.0 +\d+ +\d+ \? +Ss +11:00 +0:00 nginx: master process nginx -g daemon off;$/,
      ),
    ]);
    expect((await run(ps, ['ps', '-ef'], opts)).stdout.split('\n').slice(0, 3)).toEqual([
      'UID          PID    PPID  C STIME TTY          TIME CMD',
      'root           1       0  0 11:00 ?        00:00:00 nginx: master process nginx -g daemon off;',
      'nginx         29       1  0 11:00 ?        00:00:00 nginx: worker process',
    ]);
  });
  it('prints the BusyBox format', async () => {
    expect((await run(ps, ['ps'], { processes: PROCS, variant: 'busybox' })).stdout).toBe(
      'PID   USER     TIME  COMMAND\n    1 root      0:00 nginx: master process nginx -g daemon off;\n   29 nginx     0:00 nginx: worker process\n   42 root      0:00 ps aux\n',
    );
  });
});

describe('kill', () => {
  it('signals through the kernel and reports unknown pids', async () => {
    const sent: [number, string][] = [];
    const fs = makeFs();
    const r = await run(kill, ['kill', '-9', '29', '77'], { processes: PROCS, fs });
    void sent;
    expect(r).toMatchObject({ status: 1, stderr: 'kill: (77): No such process\n' });
    expect((await run(kill, ['kill', '77'], { processes: PROCS, variant: 'busybox' })).stderr).toBe(
      "kill: can't kill pid 77: No such process\n",
    );
    expect((await run(kill, ['kill', '-l', '9'])).stdout).toBe('KILL\n');
    expect((await run(kill, ['kill', '-l'], { variant: 'busybox' })).stdout.split('\n')[0]).toBe(' 1) HUP');
  });
});

describe('date', () => {
  it('formats the virtual time in UTC', async () => {
    const now = Date.UTC(2026, 10, 28, 9, 5, 3);
    expect((await run(date, ['date'], { now })).stdout).toBe('Sat Nov 28 09:05:03 UTC 2026\n');
    expect((await run(date, ['date', '+%Y-%m-%d %H:%M:%S %s'], { now })).stdout).toBe(
      `2026-11-28 09:05:03 ${now / 1000}\n`,
    );
    expect((await run(date, ['date', '-u', '-d', '@0'], { now })).stdout).toBe(
      'Thu Jan  1 00:00:00 UTC 1970\n',
    );
    expect((await run(date, ['date', '-R'], { now })).stdout).toBe('Sat, 28 Nov 2026 09:05:03 +0000\n');
    expect((await run(date, ['date', '-Iseconds'], { now })).stdout).toBe('2026-11-28T09:05:03+00:00\n');
    expect((await run(date, ['date', '-d', 'yesterday', '+%F'], { now })).stdout).toBe('2026-11-27\n');
    expect((await run(date, ['date', '-d', '2 hours ago', '+%H'], { now })).stdout).toBe('07\n');
    expect(await run(date, ['date', '-d', 'foo'], { now })).toMatchObject({
      status: 1,
      stderr: "date: invalid date 'foo'\n",
    });
  });
});

describe('xargs', () => {
  it('builds command lines', async () => {
    const fs = makeFs();
    fs.writeFile('/bin/echo', '', { mode: 0o755, program: 'echo' });
    const programs = { echo };
    expect((await run(xargs, ['xargs'], { fs, programs, stdin: 'a b\nc\n' })).stdout).toBe('a b c\n');
    expect(
      (await run(xargs, ['xargs', '-n', '1', 'echo', 'x'], { fs, programs, stdin: 'a b\n' })).stdout,
    ).toBe('x a\nx b\n');
    expect(
      (await run(xargs, ['xargs', '-I', '{}', 'echo', '[{}]'], { fs, programs, stdin: 'a b\nc\n' })).stdout,
    ).toBe('[a b]\n[c]\n');
    expect((await run(xargs, ['xargs', 'echo'], { fs, programs, stdin: '"a  b" c\n' })).stdout).toBe(
      'a  b c\n',
    );
    expect(await run(xargs, ['xargs', 'nope'], { fs, programs, stdin: 'a\n' })).toMatchObject({
      status: 127,
      stderr: 'xargs: nope: No such file or directory\n',
    });
  });
});
