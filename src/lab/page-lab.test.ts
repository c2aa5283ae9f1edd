import { afterEach, describe, expect, it } from 'vitest';
import { PageLab } from './page-lab.ts';

function capture() {
  let text = '';
  const w = { write: (t: string) => void (text += t) };
  return { io: { stdout: w, stderr: w }, text: () => text };
}

describe('PageLab', () => {
  let lab: PageLab | undefined;
  afterEach(() => lab?.dispose());

  it('runs setup at once, then follows wall time; the prompt tracks cd and $? survives it', async () => {
    lab = new PageLab({
      nodes: 2,
      images: ['nginx:latest'],
      setup: ['docker run -d --name web nginx', '@node2 cd /tmp'],
    });
    expect(await lab.ready).toEqual([]);
    expect(lab.nodes).toEqual(['node1', 'node2']);
    const shell = lab.shell('node1');
    expect(shell.prompt()).toBe('root@node1:~# ');
    expect(lab.shell('node2').prompt()).toBe('root@node2:/tmp# ');

    const ps = capture();
    expect(await shell.run('docker ps --format "{{.Names}} {{.Image}}"', ps.io)).toBe(0);
    expect(ps.text()).toBe('web nginx\n');

    expect(await shell.run('cd /etc && false', capture().io)).toBe(1);
    expect(shell.prompt()).toBe('root@node1:/etc# ');
    const status = capture();
    await shell.run('echo $?', status.io);
    expect(status.text()).toBe('1\n');
  });

  it('reports setup commands that fail', async () => {
    lab = new PageLab({ setup: ['docker rm nope'] });
    const problems = await lab.ready;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ command: 'docker rm nope', status: 1 });
    expect(problems[0]!.output).toContain('No such container: nope');
  });

  it('Ctrl-C ends a following docker logs with status 130', async () => {
    lab = new PageLab({ images: ['nginx:latest'], setup: ['docker run -d --name web nginx'] });
    await lab.ready;
    const shell = lab.shell('node1');
    const out = capture();
    const running = shell.run('docker logs -f web', out.io);
    await new Promise((r) => setTimeout(r, 300));
    expect(out.text()).toContain('Configuration complete');
    shell.interrupt();
    expect(await running).toBe(130);
  });

  it('a sleep takes wall time', async () => {
    lab = new PageLab();
    await lab.ready;
    const t0 = performance.now();
    expect(await lab.shell('node1').run('sleep 0.3', capture().io)).toBe(0);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(280);
  });
});
