import { describe, expect, it } from 'vitest';
import { createLab } from '../sim-engine/index.ts';
import { labFiles } from './files.ts';

function lab() {
  const { engine } = createLab({
    nodes: 2,
    files: { Dockerfile: 'FROM alpine\n', 'site/index.html': '<h1>hi</h1>\n', '.dockerignore': 'x\n' },
  });
  return { engine, files: labFiles(engine) };
}

describe('labFiles', () => {
  it('lists root’s text files (not hidden ones), reads and writes them on one node only', () => {
    const { files } = lab();
    expect(files.nodes).toEqual(['node1', 'node2']);
    expect(files.list('node1')).toEqual(['Dockerfile', 'site/index.html']);
    files.write('node1', 'app/app.py', 'print(1)\n');
    expect(files.read('node1', 'app/app.py')).toBe('print(1)\n');
    expect(files.read('node2', 'app/app.py')).toBeUndefined();
    expect(files.list('node1')).toContain('app/app.py');
  });

  it('the signature changes when a file under /root does', async () => {
    const { engine, files } = lab();
    const before = files.signature('node1');
    const sink = { write: () => undefined };
    const status = await engine
      .session('node1')
      .run('echo more >> Dockerfile', { stdout: sink, stderr: sink });
    expect(status).toBe(0);
    expect(files.signature('node1')).not.toBe(before);
    expect(files.signature('node2')).toBe(files.signature('node2'));
  });

  it('gives the Dockerfile parser’s problems for Dockerfiles only', () => {
    const { files } = lab();
    const [problem] = files.problems('Dockerfile', 'FORM alpine\n');
    expect(problem).toMatchObject({ severity: 'error', line: 1, endLine: 1 });
    expect(problem!.message).toContain('unknown instruction: FORM (did you mean FROM?)');
    expect(files.problems('web/app.Dockerfile', 'FROM alpine AS Build\n')[0]).toMatchObject({
      severity: 'warning',
      rule: 'StageNameCasing',
    });
    expect(files.problems('notes.txt', 'FORM alpine\n')).toEqual([]);
  });

  it('snapshots /root (hidden files too) and restores it exactly', () => {
    const { files } = lab();
    files.write('node1', 'extra.txt', 'x');
    const saved = files.snapshot('node1');
    expect(saved.map((e) => e.path)).toEqual(
      expect.arrayContaining([
        '.bashrc',
        '.dockerignore',
        'Dockerfile',
        'extra.txt',
        'site',
        'site/index.html',
      ]),
    );
    const fresh = lab().files;
    fresh.write('node1', 'site/stale.html', 'old');
    fresh.restore('node1', saved);
    expect(fresh.snapshot('node1')).toEqual(saved);
    expect(fresh.read('node1', 'site/stale.html')).toBeUndefined();
  });
});
