/**
 * What a terminal asks of a node's shell session: the prompt (PS1 expanded, following
 * `cd`), the continuation prompt for an unfinished line, and the terminal's size, which
 * reaches the commands it runs.
 */
import { describe, expect, it } from 'vitest';
import { createLab } from '../index.ts';
import { drive } from '../headless/drive.ts';

const yieldToEngine = () => new Promise<void>((r) => setImmediate(r));

describe('a host session', () => {
  it('gives the prompt, the continuation prompt and the working directory', async () => {
    const lab = createLab({ seed: 'session' });
    const s = lab.engine.session();
    expect(await s.prompt()).toBe('root@node1:~# ');
    const sink = { write() {} };
    await drive(s.run('cd /etc', { stdout: sink, stderr: sink }), { clock: lab.engine.clock, yieldToEngine });
    expect(await s.prompt()).toBe('root@node1:/etc# ');
    expect(await s.cwd()).toBe('/etc');
    expect(await s.needsMoreInput('echo "open')).toBe(true);
    expect(await s.needsMoreInput('echo done')).toBe(false);
    expect(await s.continuationPrompt()).toBe('> ');
  });

  it('passes the terminal size to the commands it runs', async () => {
    const lab = createLab({ seed: 'session' });
    const s = lab.engine.session();
    s.resize(132, 40);
    let out = '';
    const w = { write: (t: string) => void (out += t) };
    await drive(s.run('echo $COLUMNS $LINES; sh -c "echo \\$COLUMNS"', { stdout: w, stderr: w }), {
      clock: lab.engine.clock,
      yieldToEngine,
    });
    expect(out).toBe('132 40\n132\n');
  });
});
