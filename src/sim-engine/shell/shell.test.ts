import { describe, expect, it } from 'vitest';
import { drive } from '../headless/drive.ts';
import type { Writer } from '../process/types.ts';
import { sessionProgram, type Shell, type ShellOptions } from './shell.ts';
import { machine, type Machine } from './testing/harness.ts';

const yieldToEngine = () => new Promise<void>((r) => setImmediate(r));

async function session(options: ShellOptions = {}, m: Machine = machine()) {
  let shell!: Shell;
  const proc = m.table.spawn(
    sessionProgram((s) => (shell = s), options),
    ['bash'],
    {
      fs: m.fs,
      env: new Map([
        ['HOME', '/root'],
        ['PATH', '/usr/bin:/bin'],
      ]),
      cwd: '/root',
    },
  );
  await yieldToEngine();
  /** Run a line; its output (stdout and stderr in order) and status. */
  const run = async (line: string, o: { interruptAfter?: number } = {}) => {
    let out = '';
    const w: Writer = { write: (t) => (out += t) };
    const done = shell.run(line, { stdout: w, stderr: w });
    if (o.interruptAfter !== undefined) {
      void m.clock.sleep(o.interruptAfter).then(() => shell.interrupt());
    }
    const r = await drive(done, { clock: m.clock, yieldToEngine });
    return { out, status: r.value as number };
  };
  return { shell, run, proc, m };
}

describe('Shell (a session fed one line at a time)', () => {
  it('keeps variables, the directory, functions and aliases between lines', async () => {
    const { run, shell } = await session();
    expect(await run('x=42; cd /tmp')).toEqual({ out: '', status: 0 });
    expect(await run('echo $x; pwd')).toEqual({ out: '42\n/tmp\n', status: 0 });
    await run('greet() { echo "hello $1"; }');
    await run("alias hi='greet alias'");
    expect((await run('greet you; hi')).out).toBe('hello you\nhello alias\n');
    expect(shell.cwd).toBe('/tmp');
    expect(shell.variable('x')).toBe('42');
  });

  it('remembers $? between lines', async () => {
    const { run } = await session();
    await run('false');
    expect((await run('echo $?')).out).toBe('1\n');
  });

  it('words errors as an interactive bash does', async () => {
    const { run } = await session();
    expect(await run('nosuch')).toEqual({ out: 'bash: nosuch: command not found\n', status: 127 });
    expect((await run('echo )')).out).toBe("bash: syntax error near unexpected token `)'\n");
    expect((await run('cd /nope')).out).toBe('bash: cd: /nope: No such file or directory\n');
  });

  it("words errors as `bash -c` in 'command' mode (the recorded transcripts)", async () => {
    const { run } = await session({ messages: 'command' });
    expect((await run('nosuch')).out).toBe('bash: line 1: nosuch: command not found\n');
    expect((await run('echo )')).out).toBe(
      "bash: -c: line 1: syntax error near unexpected token `)'\nbash: -c: line 1: `echo )'\n",
    );
  });

  it('substitutes commands and pipes, as the join-token line of a lesson needs', async () => {
    const { run } = await session();
    const r = await run('TOKEN=$(echo SWMTKN-1-abc | cat) && echo "join --token $TOKEN node1:2377"');
    expect(r).toEqual({ out: 'join --token SWMTKN-1-abc node1:2377\n', status: 0 });
  });

  it("ends only the line on exit in 'command' mode, as `bash -c` would", async () => {
    const { run, shell } = await session({ messages: 'command' });
    expect(await run('echo a; exit 3; echo b')).toEqual({ out: 'a\n', status: 3 });
    expect(shell.exited).toBeUndefined();
    expect(await run("trap 'echo bye' EXIT; echo body")).toEqual({ out: 'body\nbye\n', status: 0 });
    expect(await run('echo next')).toEqual({ out: 'next\n', status: 0 });
  });

  it('ends with exit, running the EXIT trap', async () => {
    const { run, shell } = await session();
    await run("trap 'echo bye' EXIT");
    expect(await run('exit 3')).toEqual({ out: 'exit\nbye\n', status: 3 });
    expect(shell.exited).toBe(3);
    expect(await run('echo after')).toEqual({ out: '', status: 3 });
  });

  it('stops the foreground command on Ctrl-C and gives 130', async () => {
    const { run, m } = await session();
    const t0 = m.clock.now();
    const r = await run('sleep 100; echo not reached', { interruptAfter: 2000 });
    expect(r).toEqual({ out: '\n', status: 130 });
    expect(m.clock.now() - t0).toBe(2000);
    expect((await run('echo $?')).out).toBe('130\n');
  });

  it('starts background jobs with [n] pid and reports them done', async () => {
    const { run } = await session();
    const started = await run('sleep 5 &');
    expect(started.out).toMatch(/^\[1\] \d+\n$/);
    // the notice comes before the next prompt, after the command that was running
    expect((await run('sleep 10')).out).toBe('[1]+  Done                    sleep 5\n');
    expect((await run('true')).out).toBe('');
  });

  it('keeps history', async () => {
    const { run } = await session();
    await run('echo one');
    await run('echo two');
    expect((await run('history')).out).toBe('    1  echo one\n    2  echo two\n    3  history\n');
  });

  it('shows the prompt Debian and Ubuntu give root, with ~ for home', async () => {
    const { run, shell } = await session();
    expect(shell.prompt()).toBe('root@box:~# ');
    await run('cd /etc');
    expect(shell.prompt()).toBe('root@box:/etc# ');
    expect(shell.continuationPrompt()).toBe('> ');
  });

  it('says when a line is unfinished', async () => {
    const { shell } = await session();
    expect(shell.needsMoreInput('for i in 1 2; do')).toBe(true);
    expect(shell.needsMoreInput('echo "open')).toBe(true);
    expect(shell.needsMoreInput('cat <<EOF\nline\n')).toBe(true);
    expect(shell.needsMoreInput('ls |')).toBe(true);
    expect(shell.needsMoreInput('echo done')).toBe(false);
    expect(shell.needsMoreInput('echo )')).toBe(false);
  });

  it('runs a multi-line command given at once', async () => {
    const { run } = await session();
    expect((await run('for i in 1 2\ndo\n  echo $i\ndone')).out).toBe('1\n2\n');
  });
});
