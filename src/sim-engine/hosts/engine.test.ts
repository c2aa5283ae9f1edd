import { describe, expect, it } from 'vitest';
import { createLab, drive } from '../index.ts';

const yieldToEngine = () => new Promise<void>((r) => setImmediate(r));

async function lines(
  session: ReturnType<ReturnType<typeof createLab>['engine']['session']>,
  clock: ReturnType<typeof createLab>['engine']['clock'],
  ...ls: string[]
) {
  const out: string[] = [];
  for (const line of ls) {
    let text = '';
    const w = { write: (t: string) => void (text += t) };
    const r = await drive(session.run(line, { stdout: w, stderr: w }), { clock, yieldToEngine });
    out.push(`${text}[${r.finished ? r.value : 'running'}]`);
  }
  return out;
}

describe('a host shell session', () => {
  it('keeps the working directory, variables and functions from line to line', async () => {
    const { engine } = createLab();
    const s = engine.session();
    expect(
      await lines(
        s,
        engine.clock,
        'mkdir -p app && cd app',
        'pwd',
        'X=41; f() { echo $((X + 1)); }',
        'f',
        'echo $HOME $USER',
      ),
    ).toEqual(['[0]', '/root/app\n[0]', '[0]', '42\n[0]', '/root root\n[0]']);
  });

  it('speaks as one `bash -c` per line: its messages, and `exit` ends only the line', async () => {
    const { engine } = createLab();
    const s = engine.session();
    expect(await lines(s, engine.clock, 'nothere', 'exit 3', 'echo still here')).toEqual([
      'bash: line 1: nothere: command not found\n[127]',
      '[3]',
      'still here\n[0]',
    ]);
  });

  it('keeps each node its own shell', async () => {
    const { engine } = createLab({ nodes: 2 });
    const a = engine.session('node1');
    const b = engine.session('node2');
    await lines(a, engine.clock, 'cd /tmp');
    expect(await lines(b, engine.clock, 'pwd', 'hostname')).toEqual(['/root\n[0]', 'node2\n[0]']);
  });
});
