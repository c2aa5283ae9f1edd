import { describe, expect, it } from 'vitest';
import { machine, run } from './testing/harness.ts';

const y = () => new Promise<void>((r) => setImmediate(r));

describe('smoke', () => {
  it('runs echo', async () => {
    const m = machine();
    const r = await run(m, 'bash', ['bash', '-c', 'echo hi; x=3; echo "$x" $((x*2)); foo; echo $?'], y);
    expect(r.out).toBe('hi\n3 6\nbash: line 1: foo: command not found\n127\n');
  });
  it('runs pipelines', async () => {
    const m = machine();
    const r = await run(
      m,
      'bash',
      ['bash', '-c', 'yes | head -3; echo ${PIPESTATUS:-x}; seq 3 | cat | count'],
      y,
    );
    expect(r.out).toBe('y\ny\ny\n141\n6\n');
  });
});
