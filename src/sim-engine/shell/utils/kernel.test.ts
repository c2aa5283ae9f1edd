/**
 * The utilities on the real kernel (process/kernel.ts) rather than the test harness:
 * PATH resolution of children, signals through ctx.kill, the process list, sleeps on
 * the engine clock, pipes.
 */
import { describe, expect, it } from 'vitest';
import { Clock } from '../../clock.ts';
import { MemFs } from '../../fs/mem-fs.ts';
import { ProcessTable } from '../../process/kernel.ts';
import { CollectingWriter, Pipe } from '../../process/streams.ts';
import { Random } from '../../random.ts';
import { utilities } from './index.ts';

function lab() {
  const clock = new Clock(Date.UTC(2026, 10, 28, 12));
  const fs = new MemFs({ now: () => clock.now() });
  fs.mkdir('/usr/bin', { parents: true });
  fs.mkdir('/etc', { parents: true });
  fs.writeFile('/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\n');
  fs.writeFile('/etc/group', 'root:x:0:\n');
  for (const [name] of utilities)
    fs.writeFile(`/usr/bin/${name}`, '', { mode: 0o755, program: `${name}@gnu`, size: 1000 });
  const table = new ProcessTable({
    clock,
    random: new Random(7),
    hostname: 'box',
    programs: new Map(utilities),
  });
  const env = new Map([['PATH', '/usr/bin']]);
  const start = (argv: string[], stdin?: Pipe) => {
    const stdout = new CollectingWriter();
    const stderr = new CollectingWriter();
    const proc = table.exec(argv, { fs, env, cwd: '/', stdout, stderr, ...(stdin ? { stdin } : {}) });
    if (!proc.ok) throw new Error(`cannot run ${argv[0]}`);
    return { proc: proc.proc, stdout, stderr };
  };
  /** Let the programs run, jumping the clock whenever they all wait on it. */
  const settle = async (done: () => boolean) => {
    for (let i = 0; i < 10_000 && !done(); i++) {
      await new Promise((r) => setTimeout(r, 0));
      if (!done() && clock.nextDue() !== undefined) clock.step();
    }
  };
  return { clock, fs, table, start, settle };
}

describe('utilities on the kernel', () => {
  it('env finds its command in PATH and find -exec runs children', async () => {
    const { start, settle } = lab();
    const r = start(['env', 'GREETING=hi', 'printenv', 'GREETING']);
    let status: number | undefined;
    void r.proc.wait().then((s) => (status = s));
    await settle(() => status !== undefined);
    expect(status).toBe(0);
    expect(r.stdout.text).toBe('hi\n');
    const f = start(['find', '/etc', '-name', 'passwd', '-exec', 'wc', '-l', '{}', ';']);
    let fs: number | undefined;
    void f.proc.wait().then((s) => (fs = s));
    await settle(() => fs !== undefined);
    expect(f.stdout.text).toBe('1 /etc/passwd\n');
  });

  it('sleep waits on the engine clock, ps lists it, kill ends it', async () => {
    const { start, settle, clock } = lab();
    const t0 = clock.now();
    start(['sleep', 'infinity']); // PID 1, which ignores signals sent from inside
    const sleeper = start(['sleep', '100']);
    let sleptStatus: number | undefined;
    void sleeper.proc.wait().then((s) => (sleptStatus = s));
    await new Promise((r) => setTimeout(r, 0));
    const ps = start(['ps', '-ef']);
    let psStatus: number | undefined;
    void ps.proc.wait().then((s) => (psStatus = s));
    await new Promise((r) => setTimeout(r, 0));
    expect(psStatus).toBe(0);
    expect(ps.stdout.text).toContain(' sleep 100\n');
    const k = start(['kill', '-9', String(sleeper.proc.pid)]);
    let killStatus: number | undefined;
    void k.proc.wait().then((s) => (killStatus = s));
    await settle(() => killStatus !== undefined && sleptStatus !== undefined);
    expect(killStatus).toBe(0);
    expect(sleptStatus).toBe(137);
    expect(clock.now() - t0).toBeLessThan(100_000);
  });

  it('head ends a pipe from yes', async () => {
    const { start, settle } = lab();
    const pipe = new Pipe();
    const yesProc = start(['yes']);
    const head = start(['head', '-n', '2'], pipe);
    pipe.write('y\ny\ny\n');
    let status: number | undefined;
    void head.proc.wait().then((s) => (status = s));
    await settle(() => status !== undefined);
    expect(head.stdout.text).toBe('y\ny\n');
    yesProc.proc.kill('SIGTERM');
  });
});
