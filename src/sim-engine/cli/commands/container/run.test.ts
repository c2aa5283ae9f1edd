import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

describe('docker run', () => {
  it('runs a command in a new container and prints its output', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    const r = await lab.docker(['run', 'alpine', 'echo', 'hi']);
    expect(r).toMatchObject({ out: 'hi\n', status: 0 });
  });

  it('fails with 127 for a command that is not in the image', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    const r = await lab.docker('run alpine foo');
    expect(r.status).toBe(127);
    expect(r.stderr).toContain('exec: "foo": executable file not found in $PATH');
    expect(r.stderr).toMatch(/^docker: Error response from daemon: /);
    expect(r.stderr).toMatch(/\n\nRun 'docker run --help' for more information\n$/);
  });

  it('pulls a missing image first, on stderr', async () => {
    const lab = testLab();
    const r = await lab.docker('run alpine echo hi');
    expect(r.stdout).toBe('hi\n');
    expect(r.stderr).toMatch(
      /^Unable to find image 'alpine:latest' locally\nlatest: Pulling from library\/alpine\n/,
    );
    expect(r.stderr).toContain('Status: Downloaded newer image for alpine:latest\n');
  });

  it('stops a PID 1 that ignores SIGTERM after the grace period, with 137', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('run -d --name sleeper alpine sleep 1000');
    const t0 = lab.engine.clock.now();
    expect((await lab.docker('stop sleeper')).out).toBe('sleeper\n');
    expect(lab.engine.clock.now() - t0).toBe(10_000);
    expect((await lab.docker(['ps', '-a', '--format', '{{.Status}}'])).out).toMatch(/^Exited \(137\) /);
  });
});
