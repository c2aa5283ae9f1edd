import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

describe('docker push', () => {
  it('prepares the layers top first, then Docker Hub denies an anonymous push', async () => {
    const lab = testLab({ images: ['nginx:latest', 'alpine:latest'] });
    const r = await lab.docker('push nginx');
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'Using default tag: latest',
      'The push refers to repository [docker.io/library/nginx]',
    ]);
    expect(lines.slice(2, 9).every((l) => /^[0-9a-f]{12}: Preparing$/.test(l))).toBe(true);
    // five uploads at a time: the other two wait
    expect(lines.slice(9)).toEqual([
      lines[7]!.replace('Preparing', 'Waiting'),
      lines[8]!.replace('Preparing', 'Waiting'),
    ]);
    expect(r.stderr).toBe('denied: requested access to the resource is denied\n');
    const layers = (
      await lab.docker(['image', 'inspect', '-f', '{{range .RootFS.Layers}}{{.}} {{end}}', 'nginx'])
    ).out;
    const top = layers.trim().split(' ').at(-1)!;
    expect(lines[2]).toBe(`${top.slice(7, 19)}: Preparing`);
  });

  it('needs a local image with that tag', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    expect(await lab.docker('push nothere')).toMatchObject({
      stdout: 'Using default tag: latest\nThe push refers to repository [docker.io/library/nothere]\n',
      stderr: 'An image does not exist locally with the tag: nothere\n',
      status: 1,
    });
    expect((await lab.docker('push alpine:3.1')).stderr).toBe('tag does not exist: alpine:3.1\n');
    expect((await lab.docker('push -q alpine')).out).toBe(
      'denied: requested access to the resource is denied\n',
    );
  });

  it('fails as Docker does where no registry listens, and pushes where a lab registry does', async () => {
    const lab = testLab({ images: ['alpine:latest', 'registry:2'] });
    await lab.docker('tag alpine localhost:5000/alpine');
    expect((await lab.docker('push localhost:5000/alpine')).stderr).toBe(
      'Get "http://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused\n',
    );
    await lab.docker('run -d -p 5000:5000 --name reg registry:2');
    const r = await lab.docker('push localhost:5000/alpine');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^Using default tag: latest\nThe push refers to repository \[localhost:5000\/alpine\]\n[0-9a-f]{12}: Preparing\n[0-9a-f]{12}: Pushed\nlatest: digest: sha256:[0-9a-f]{64} size: \d+\n$/,
    );
    expect((await lab.docker('push -q localhost:5000/alpine')).out).toBe('localhost:5000/alpine:latest\n');
    expect((await lab.docker('pull localhost:5000/alpine')).status).toBe(0);
  });
});
