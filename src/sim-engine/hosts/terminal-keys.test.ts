/**
 * Keys typed at a node's terminal while a command runs, headless: a session runs a line
 * with a keyboard scripted at virtual times (lines, Ctrl-D as 0x04, Ctrl-P Ctrl-Q) and
 * Ctrl-C as the session's interrupt(). On the host, Ctrl-C is SIGINT for the foreground
 * command; under `docker run -it` / `docker exec -it` the CLI has the terminal in raw
 * mode and the keys reach the container's terminal. Expected texts follow what a real
 * alpine shell printed under docker 28.2 in a pty (busybox ash: `^C` is the pty's echo,
 * then a newline and the prompt; a newline at the end of input).
 */
import { describe, expect, it } from 'vitest';
import { createLab, type Lab } from '../index.ts';
import { drive } from '../headless/drive.ts';
import type { Session } from './engine.ts';
import type { Reader } from '../process/types.ts';

const yieldToEngine = () => new Promise<void>((r) => setImmediate(r));

/** A key at a time after the line started: typed text (0x04 for Ctrl-D), or Ctrl-C. */
type Step = [ms: number, keys: string | 'C-c'];

/** The page's keyboard, scripted: chunks arrive at their times, reads wait for them. */
function scripted(): Reader & { type(chunk: string): void; unread: string[] } {
  const unread: string[] = [];
  let waiting: ((c: string | null) => void) | undefined;
  return {
    unread,
    read: () => (unread.length > 0 ? Promise.resolve(unread.shift()!) : new Promise((r) => (waiting = r))),
    type(chunk) {
      const w = waiting;
      waiting = undefined;
      if (w) w(chunk);
      else unread.push(chunk);
    },
  };
}

interface Typed {
  out: string;
  status: number | undefined;
  /** virtual time the line took */
  ms: number;
  /** what the keyboard still holds */
  unread: string[];
}

async function typeInto(lab: Lab, s: Session, line: string, steps: Step[] = []): Promise<Typed> {
  const clock = lab.engine.clock;
  const kb = scripted();
  let out = '';
  const w = { write: (t: string) => void (out += t) };
  const start = clock.now();
  for (const [ms, keys] of steps)
    clock.at(start + ms, () => (keys === 'C-c' ? s.interrupt() : kb.type(keys)));
  const r = await drive(s.run(line, { stdin: kb, stdout: w, stderr: w, tty: true }), {
    clock,
    yieldToEngine,
    limit: 600_000,
  });
  return { out, status: r.value, ms: clock.now() - start, unread: kb.unread };
}

function lab(): { lab: Lab; s: Session } {
  const l = createLab({ seed: 'terminal-keys', images: ['alpine', 'nginx'] });
  return { lab: l, s: l.engine.session() };
}

describe('Ctrl-C, Ctrl-D and the detach keys in docker run -it', () => {
  it('Ctrl-C interrupts what the container shell runs; Ctrl-D ends the shell', async () => {
    const { lab: l, s } = lab();
    const r = await typeInto(l, s, 'docker run -it --rm alpine sh', [
      [10, 'sleep 100\n'],
      [1000, 'C-c'],
      [1500, 'echo back\n'],
      [2000, '\x04'],
    ]);
    expect(r.out).toBe('/ # \r\n/ # back\r\n/ # \r\n');
    expect(r.status).toBe(0);
    expect(r.ms).toBeLessThan(3000);
    expect((await typeInto(l, s, 'docker ps -aq')).out).toBe('');
  });

  it('Ctrl-C at the prompt drops the line typed so far; $? is 130', async () => {
    const { lab: l, s } = lab();
    const r = await typeInto(l, s, 'docker run -it --rm alpine sh', [
      [10, 'ech'],
      [20, 'C-c'],
      [30, 'echo $?\n'],
      [40, 'exit 3\n'],
    ]);
    expect(r.out).toBe('/ # \r\n/ # 130\r\n/ # ');
    expect(r.status).toBe(3);
  });

  it('Ctrl-D ends one read: cat stops and the shell reads on', async () => {
    const { lab: l, s } = lab();
    const r = await typeInto(l, s, 'docker run -it --rm alpine sh', [
      [10, 'cat\n'],
      [20, 'hello\n'],
      [30, '\x04'],
      [40, 'echo after $?\n'],
      [50, '\x04'],
    ]);
    expect(r.out).toBe('/ # hello\r\n/ # after 0\r\n/ # \r\n');
    expect(r.status).toBe(0);
  });

  it('Ctrl-C reaches PID 1 only when it handles SIGINT: sleep runs on', async () => {
    const { lab: l, s } = lab();
    const r = await typeInto(l, s, 'docker run -it --rm alpine sleep 5', [[1000, 'C-c']]);
    expect(r).toMatchObject({ out: '', status: 0 });
    expect(r.ms).toBe(5000);
  });

  it('Ctrl-P Ctrl-Q detaches silently; the container runs on and attach comes back', async () => {
    const { lab: l, s } = lab();
    const run = await typeInto(l, s, 'docker run -it --name box alpine sh', [
      [10, 'echo hi\n'],
      [20, '\x10'],
      [30, '\x11'],
    ]);
    expect(run).toMatchObject({ out: '/ # hi\r\n/ # ', status: 0 });
    expect((await typeInto(l, s, "docker ps --format '{{.Names}} {{.Status}}'")).out).toMatch(/^box Up /);
    // docker attach and docker exec say so, and fail
    const attach = await typeInto(l, s, 'docker attach box', [
      [10, 'echo again\n'],
      [20, '\x10\x11'],
    ]);
    expect(attach).toMatchObject({ out: 'again\r\n/ # read escape sequence\n', status: 1 });
    const exec = await typeInto(l, s, 'docker exec -it box sh', [
      [10, 'echo in exec\n'],
      [20, '\x10\x11'],
    ]);
    expect(exec).toMatchObject({ out: '/ # in exec\r\n/ # read escape sequence\n', status: 1 });
    const end = await typeInto(l, s, 'docker attach box', [[10, 'exit 7\n']]);
    expect(end).toMatchObject({ out: '', status: 7 });
    expect((await typeInto(l, s, "docker ps -a --format '{{.Names}} {{.Status}}'")).out).toMatch(
      /^box Exited \(7\) /,
    );
  });

  it('Ctrl-P followed by another key is input after all', async () => {
    const { lab: l, s } = lab();
    const r = await typeInto(l, s, 'docker run -it --rm alpine sh', [
      [10, '\x10'],
      [20, 'echo p\n'],
      [30, 'exit\n'],
    ]);
    expect(r.out).toBe('/ # sh: \x10echo: not found\r\n/ # ');
    expect(r.status).toBe(127);
  });

  it('--detach-keys and the config file choose other keys', async () => {
    const { lab: l, s } = lab();
    const run = await typeInto(l, s, 'docker run -it --detach-keys ctrl-x,x --name kx alpine sh', [
      [10, '\x18'],
      [20, 'x'],
    ]);
    expect(run).toMatchObject({ out: '/ # ', status: 0 });
    await typeInto(l, s, `mkdir -p ~/.docker && echo '{"detachKeys": "ctrl-a"}' > ~/.docker/config.json`);
    const attach = await typeInto(l, s, 'docker attach kx', [[10, '\x01']]);
    expect(attach).toMatchObject({ out: 'read escape sequence\n', status: 1 });
  });
});

describe('detach keys docker cannot read', () => {
  it('are refused by the daemon: the attach gets no upgrade, exec create says why', async () => {
    const { lab: l, s } = lab();
    expect(await typeInto(l, s, 'docker run -it --detach-keys bogus alpine sh')).toMatchObject({
      out: 'unable to upgrade to tcp, received 400\n',
      status: 1,
    });
    await typeInto(l, s, 'docker run -dit --name box alpine sh');
    expect(await typeInto(l, s, 'docker attach --detach-keys bogus box')).toMatchObject({
      out: 'unable to upgrade to tcp, received 400\n',
      status: 1,
    });
    expect(await typeInto(l, s, 'docker exec -it --detach-keys ctrl-p,, box sh')).toMatchObject({
      out: 'Error response from daemon: Invalid escape keys (ctrl-p,,) provided\n',
      status: 1,
    });
  });
});

describe('docker exec -it', () => {
  it('Ctrl-C interrupts the exec, not the container', async () => {
    const { lab: l, s } = lab();
    await typeInto(l, s, 'docker run -dit --name box alpine sh');
    expect(await typeInto(l, s, 'docker exec -it box sleep 100', [[1000, 'C-c']])).toMatchObject({
      out: '',
      status: 130,
    });
    // without job control SIGINT reaches the whole command: no `after`
    expect(
      await typeInto(l, s, 'docker exec -it box sh -c "sleep 100; echo after"', [[1000, 'C-c']]),
    ).toMatchObject({ out: '', status: 130 });
    // nothing left behind by either
    expect((await typeInto(l, s, 'docker exec box ps -o pid,args')).out).toMatch(
      /^ {2}PID COMMAND\n {4}1 sh\n +\d+ ps -o pid,args\n$/,
    );
  });
});

describe("the node's own terminal", () => {
  it('Ctrl-C stops the foreground command with 130', async () => {
    const { lab: l, s } = lab();
    const r = await typeInto(l, s, 'sleep 100; echo not reached', [[1000, 'C-c']]);
    expect(r).toMatchObject({ out: '\n', status: 130 });
    expect(r.ms).toBe(1000);
  });

  it('Ctrl-D ends one read; lines nobody read stay with the keyboard', async () => {
    const { lab: l, s } = lab();
    const r = await typeInto(l, s, 'cat; echo next; cat', [
      [10, 'one\n'],
      [20, '\x04'],
      [30, 'two\n'],
      [40, '\x04'],
    ]);
    expect(r).toMatchObject({ out: 'one\nnext\ntwo\n', status: 0 });
    const ahead = await typeInto(l, s, 'sleep 1', [[10, 'ls\n']]);
    expect(ahead.unread).toEqual(['ls\n']);
  });
});

describe('Ctrl-C and an attached docker run without a TTY (sig-proxy)', () => {
  it('sends SIGINT on to the container: nginx stops, docker run ends with its status', async () => {
    const { lab: l, s } = lab();
    const r = await typeInto(l, s, 'docker run --name web nginx', [[2000, 'C-c']]);
    expect(r.out).toMatch(/\[notice\] 1#1: signal 2 \(SIGINT\) received, exiting\n/);
    expect(r.status).toBe(0);
    expect((await typeInto(l, s, "docker ps -a --format '{{.Status}}'")).out).toMatch(/^Exited \(0\) /);
  });

  it('outlives a Ctrl-C its container ignores; the third forces it out', async () => {
    const { lab: l, s } = lab();
    const once = await typeInto(l, s, 'docker run --rm alpine sleep 5', [[1000, 'C-c']]);
    expect(once).toMatchObject({ out: '', status: 0, ms: 5000 });
    const thrice = await typeInto(l, s, 'docker run --name stays alpine sleep 50', [
      [1000, 'C-c'],
      [1200, 'C-c'],
      [1400, 'C-c'],
    ]);
    expect(thrice).toMatchObject({
      out: '\ngot 3 SIGTERM/SIGINTs, forcefully exiting\n',
      status: 1,
      ms: 1400,
    });
    expect((await typeInto(l, s, "docker ps --format '{{.Names}}'")).out).toBe('stays\n');
  });

  it('Ctrl-D on a cooked terminal ends docker run -i: the container sees the end of its input', async () => {
    const { lab: l, s } = lab();
    const r = await typeInto(l, s, 'docker run -i --rm alpine cat', [
      [10, 'hi\n'],
      [20, '\x04'],
    ]);
    expect(r).toMatchObject({ out: 'hi\n', status: 0 });
  });

  it('with --sig-proxy=false the container gets nothing, and docker run still runs on', async () => {
    const { lab: l, s } = lab();
    const r = await typeInto(l, s, 'docker run --sig-proxy=false --name web nginx', [[2000, 'C-c']]);
    expect(r.status).toBeUndefined();
    expect(r.out).not.toContain('SIGINT');
  });
});

describe('typed-ahead input: keys typed before the program reads them wait, in order', () => {
  // What a pty's input queue does: everything typed before the container's shell (or a
  // host command) reads stays queued and is read in order, not only the first line.
  it('reaches the container shell of docker run -it, every line', async () => {
    for (const keys of [['echo a\necho b\nexit 4\n'], ['echo a\n', 'echo b\n', 'exit 4\n']]) {
      const { lab: l, s } = lab();
      const r = await typeInto(
        l,
        s,
        'docker run -it --rm alpine sh',
        keys.map((k): Step => [0, k]),
      );
      expect(r).toMatchObject({ out: '/ # a\r\n/ # b\r\n/ # ', status: 4, unread: [] });
    }
  });

  it('reaches a program in the container that reads later', async () => {
    const { lab: l, s } = lab();
    const r = await typeInto(
      l,
      s,
      `docker run -it --rm alpine sh -c 'sleep 1; read x; read y; echo "[$x][$y]"'`,
      [
        [0, 'one\n'],
        [0, 'two\n'],
      ],
    );
    expect(r).toMatchObject({ out: '[one][two]\r\n', status: 0 });
  });

  it('reaches a host command that reads later, and what it leaves the next reader', async () => {
    for (const keys of [['one\ntwo\nthree\n'], ['one\n', 'two\n', 'three\n']]) {
      const { lab: l, s } = lab();
      const r = await typeInto(
        l,
        s,
        'sleep 1; read x; read y; echo "[$x][$y]"; cat',
        keys.map((k): Step => [0, k]).concat([[2000, '\x04']]),
      );
      expect(r).toMatchObject({ out: '[one][two]\nthree\n', status: 0 });
    }
  });
});
