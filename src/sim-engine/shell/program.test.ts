import { describe, expect, it } from 'vitest';
import { drive } from '../headless/drive.ts';
import type { Reader } from '../process/types.ts';
import { machine, run } from './testing/harness.ts';

const y = () => new Promise<void>((r) => setImmediate(r));

/** A terminal's input: each line once the shell asks for more. */
function typed(lines: string[]): Reader {
  return {
    read: async () => {
      const l = lines.shift();
      return l === undefined ? null : l + '\n';
    },
  };
}

describe('interactive shells (docker run -it)', () => {
  it('busybox ash: `/ # ` on stdout, and the line runs', async () => {
    const m = machine();
    const r = await run(m, 'sh@busybox', ['sh'], y, {
      tty: true,
      cwd: '/',
      stdin: typed(['echo hi', 'cd /tmp', 'exit 4']),
    });
    expect(r.stdout).toBe('/ # hi\n/ # /tmp # ');
    expect(r.status).toBe(4);
  });

  it('dash: `# ` on stderr, errors numbered by input line', async () => {
    const m = machine();
    const r = await run(m, 'sh', ['sh'], y, { tty: true, stdin: typed(['nosuch', 'echo )', 'echo ok']) });
    expect(r.out).toBe('# sh: 1: nosuch: not found\n# sh: 2: Syntax error: ")" unexpected\n# ok\n# ');
    expect(r.status).toBe(0);
  });

  it('bash: `root@host:/# `, interactive messages, `exit` at end of input', async () => {
    const m = machine();
    const r = await run(m, 'bash', ['bash'], y, { tty: true, cwd: '/', stdin: typed(['nosuch', 'false']) });
    expect(r.out).toBe('root@box:/# bash: nosuch: command not found\nroot@box:/# root@box:/# exit\n');
    expect(r.status).toBe(1);
  });

  it('asks for more with PS2 while a command is unfinished', async () => {
    const m = machine();
    const r = await run(m, 'sh@busybox', ['sh'], y, {
      tty: true,
      cwd: '/',
      stdin: typed(['for i in 1 2', 'do echo $i', 'done']),
    });
    // BusyBox ends the prompt's line at the end of input
    expect(r.stdout).toBe('/ # > > 1\n2\n/ # \n');
  });

  it('Ctrl-C stops the foreground program and returns to the prompt with 130', async () => {
    const m = machine();
    let out = '';
    const lines = ['sleep 1000', 'echo $?'];
    const proc = m.table.spawn('sh@busybox', ['sh'], {
      fs: m.fs,
      env: new Map([['PATH', '/usr/bin:/bin']]),
      cwd: '/',
      tty: true,
      stdin: typed(lines),
      stdout: { write: (t) => (out += t) },
      stderr: { write: (t) => (out += t) },
    });
    void m.clock.sleep(3000).then(() => m.table.kill(proc.pid, 'SIGINT'));
    const r = await drive(proc.wait(), { clock: m.clock, yieldToEngine: y });
    expect(out).toBe('/ # \n/ # 130\n/ # \n');
    expect(r.value).toBe(0);
  });
});

describe('read at a terminal', () => {
  it('gives up on Ctrl-C without taking the next line', async () => {
    const m = machine();
    let out = '';
    let pending: ((t: string | null) => void) | undefined;
    const stdin: Reader = { read: () => new Promise((r) => (pending = r)) };
    const proc = m.table.spawn('sh@busybox', ['sh'], {
      fs: m.fs,
      env: new Map([['PATH', '/usr/bin:/bin']]),
      cwd: '/',
      tty: true,
      stdin,
      stdout: { write: (t) => (out += t) },
      stderr: { write: (t) => (out += t) },
    });
    const type = async (text: string | null) => {
      await y();
      pending?.(text);
      await y();
    };
    const done = drive(proc.wait(), { clock: m.clock, yieldToEngine: y });
    await type('read x; echo "got $x"\n');
    m.table.kill(proc.pid, 'SIGINT');
    await type('echo after $?\n');
    await type(null);
    await done;
    expect(out).toBe('/ # \n/ # after 130\n/ # \n');
  });

  it('read -t gives up after its timeout (bash: 142)', async () => {
    const m = machine();
    const never: Reader = { read: () => new Promise(() => {}) };
    const r = await run(m, 'bash', ['bash', '-c', 'read -t 2 x; echo $?'], y, { stdin: never });
    expect(r.out).toBe('142\n');
  });
});

describe('scripts', () => {
  it('reads a script from stdin when it is not a terminal', async () => {
    const m = machine();
    expect((await run(m, 'sh@busybox', ['sh'], y, { stdin: 'echo hi\necho $0\n' })).out).toBe('hi\nsh\n');
  });

  it('runs a #! script through its interpreter with its arguments', async () => {
    const m = machine({ files: { '/app/entry.sh': '#!/bin/sh\necho "entry $0 $*"\nexec "$@"\n' } });
    const r = await run(m, 'bash', ['bash', '-c', '/app/entry.sh echo started; echo $?'], y);
    expect(r.out).toBe('entry /app/entry.sh echo started\nstarted\n0\n');
  });

  it('says when a script file is missing', async () => {
    const m = machine();
    expect((await run(m, 'bash', ['bash', 'nope.sh'], y)).out).toBe(
      'bash: nope.sh: No such file or directory\n',
    );
    expect((await run(m, 'sh', ['sh', 'nope.sh'], y)).out).toBe('sh: 0: cannot open nope.sh: No such file\n');
    expect((await run(m, 'sh@busybox', ['sh', 'nope.sh'], y)).out).toBe(
      "sh: can't open 'nope.sh': No such file or directory\n",
    );
  });

  it('takes options before the script: sh -e -x -c', async () => {
    const m = machine();
    const r = await run(m, 'bash', ['bash', '-ex', '-c', 'echo a; false; echo b'], y);
    expect(r.out).toBe('+ echo a\na\n+ false\n');
    expect(r.status).toBe(1);
  });
});

describe('signals and PID 1', () => {
  it('a PID-1 shell that traps TERM runs the trap after the running command, then exits', async () => {
    const m = machine({ firstPid: 1 });
    let out = '';
    const proc = m.table.spawn(
      'sh@busybox',
      ['sh', '-c', 'trap "echo bye; exit 0" TERM; while true; do sleep 1; done'],
      {
        fs: m.fs,
        env: new Map([['PATH', '/usr/bin:/bin']]),
        stdout: { write: (t) => (out += t) },
      },
    );
    void m.clock.sleep(5500).then(() => m.table.kill(1, 'SIGTERM'));
    const t0 = m.clock.now();
    const r = await drive(proc.wait(), { clock: m.clock, yieldToEngine: y });
    expect(out).toBe('bye\n');
    expect(r.value).toBe(0);
    expect(m.clock.now() - t0).toBe(6000);
  });

  it('`wait` is cut short by a trapped signal', async () => {
    const m = machine({ firstPid: 1 });
    let out = '';
    const proc = m.table.spawn(
      'bash',
      ['bash', '-c', 'trap "echo got TERM" TERM; sleep 1000 & wait $!; echo "wait: $?"'],
      {
        fs: m.fs,
        env: new Map([['PATH', '/usr/bin:/bin']]),
        stdout: { write: (t) => (out += t) },
      },
    );
    void m.clock.sleep(2000).then(() => m.table.kill(1, 'SIGTERM'));
    const r = await drive(proc.wait(), { clock: m.clock, yieldToEngine: y, limit: 5000 });
    expect(out).toBe('got TERM\nwait: 143\n');
    expect(r.value).toBe(0);
  });

  it('a PID-1 shell without a trap ignores TERM, as the kernel makes it', async () => {
    const m = machine({ firstPid: 1 });
    const proc = m.table.spawn('sh@busybox', ['sh', '-c', 'sleep 5; echo done'], {
      fs: m.fs,
      env: new Map([['PATH', '/usr/bin:/bin']]),
    });
    void m.clock.sleep(1000).then(() => m.table.kill(1, 'SIGTERM'));
    const r = await drive(proc.wait(), { clock: m.clock, yieldToEngine: y });
    expect(r.value).toBe(0);
  });

  it('the writer of a pipe whose reader ended dies of SIGPIPE (141)', async () => {
    const m = machine();
    const r = await run(
      m,
      'bash',
      ['bash', '-c', 'set -o pipefail; yes | head -1; echo $?; while :; do echo y; done | head -2; echo $?'],
      y,
    );
    expect(r.out).toBe('y\n141\ny\ny\n141\n');
  });

  it('a killed child gives 128+n', async () => {
    const m = machine();
    const r = await run(m, 'sh', ['sh', '-c', 'sleep 100 & pid=$!; kill -9 $pid; wait $pid; echo $?'], y);
    expect(r.out).toBe('Killed\n137\n');
  });
});
