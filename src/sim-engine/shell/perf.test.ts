import { describe, expect, it } from 'vitest';
import { sessionProgram, type Shell } from './shell.ts';
import { machine } from './testing/harness.ts';
import { parse } from './parse.ts';
import { BASH } from './dialect.ts';

describe('speed', () => {
  it('parses and dispatches `docker ps` in well under 0.2 ms', async () => {
    let calls = 0;
    const m = machine({ programs: { docker: async () => (calls++, 0) } });
    let shell!: Shell;
    m.table.spawn(
      sessionProgram((s) => (shell = s)),
      ['bash'],
      {
        fs: m.fs,
        env: new Map([['PATH', '/usr/bin:/bin']]),
      },
    );
    await new Promise<void>((r) => setImmediate(r));
    const io = { stdout: { write() {} }, stderr: { write() {} } };
    for (let i = 0; i < 200; i++) await shell.run('docker ps', io);
    const n = 2000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await shell.run('docker ps', io);
    const perRun = (performance.now() - t0) / n;
    expect(calls).toBe(n + 200);
    // the whole round trip: parse, expand, PATH lookup, spawn, wait
    expect(perRun).toBeLessThan(0.2);
    const t1 = performance.now();
    for (let i = 0; i < n; i++) parse('docker ps', BASH);
    expect((performance.now() - t1) / n).toBeLessThan(0.05);
  });
});
