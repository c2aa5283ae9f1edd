import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

describe('docker pull', () => {
  it('pulls with the default tag and ends with the full reference', async () => {
    const lab = testLab();
    const r = await lab.docker('pull alpine');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^Using default tag: latest\nlatest: Pulling from library\/alpine\n([0-9a-f]{12}): Pulling fs layer\n\1: Verifying Checksum\n\1: Download complete\n\1: Pull complete\nDigest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for alpine:latest\ndocker\.io\/library\/alpine:latest\n$/,
    );
    const again = await lab.docker('image pull alpine:latest');
    expect(again.stdout).toMatch(
      /^latest: Pulling from library\/alpine\nDigest: sha256:[0-9a-f]{64}\nStatus: Image is up to date for alpine:latest\ndocker\.io\/library\/alpine:latest\n$/,
    );
  });

  it('reports layers other images brought as Already exists', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    const r = await lab.docker('pull nginx:alpine');
    expect(r.stdout.split('\n')[1]).toMatch(/^[0-9a-f]{12}: Already exists$/);
    expect(r.stdout).toContain('Status: Downloaded newer image for nginx:alpine\n');
  });

  it('names an image it already has without downloading anything', async () => {
    const lab = testLab({ images: ['nginx:latest'] });
    const r = await lab.docker('pull nginx:mainline');
    expect(r.stdout).toMatch(
      /^mainline: Pulling from library\/nginx\nDigest: sha256:\w+\nStatus: Downloaded newer image for nginx:mainline\ndocker\.io\/library\/nginx:mainline\n$/,
    );
  });

  it('prints only the reference with -q, and pulls by digest', async () => {
    const lab = testLab({ images: ['busybox:latest'] });
    expect((await lab.docker('pull -q alpine')).out).toBe('docker.io/library/alpine:latest\n');
    const digest = (
      await lab.docker(['images', '--digests', '--format', '{{.Digest}}', 'busybox'])
    ).out.trim();
    const r = await lab.docker(`pull busybox@${digest}`);
    expect(r.stdout).toBe(
      `${digest}: Pulling from library/busybox\nDigest: ${digest}\nStatus: Image is up to date for busybox@${digest}\ndocker.io/library/busybox@${digest}\n`,
    );
  });

  it('pulls every tag with -a', async () => {
    const lab = testLab({ images: ['hello-world:latest'] });
    const r = await lab.docker('pull -a hello-world');
    // the image is here already; its `linux` tag is new, so the repository is "newer"
    expect(r.stdout).toMatch(
      /^latest: Pulling from library\/hello-world\nDigest: (.*)\nlinux: Pulling from library\/hello-world\nDigest: \1\nStatus: Downloaded newer image for hello-world\ndocker\.io\/library\/hello-world\n$/,
    );
    expect((await lab.docker('pull -a hello-world')).stdout).toContain(
      'Status: Image is up to date for hello-world\n',
    );
    expect((await lab.docker('pull -a alpine:3.20')).stderr).toBe("tag can't be used with --all-tags/-a\n");
  });

  it("fails with the registry's and the parser's messages", async () => {
    const lab = testLab();
    expect(await lab.docker('pull nosuchimage')).toMatchObject({
      stdout: 'Using default tag: latest\n',
      stderr:
        "Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
      status: 1,
    });
    expect((await lab.docker('pull nosuchuser/nosuchimage:1.0')).stderr).toBe(
      "Error response from daemon: pull access denied for nosuchuser/nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
    );
    expect((await lab.docker('pull alpine:nosuchtag')).stderr).toBe(
      'Error response from daemon: manifest for alpine:nosuchtag not found: manifest unknown: manifest unknown\n',
    );
    expect((await lab.docker('pull Alpine')).stderr).toBe(
      'invalid reference format: repository name (library/Alpine) must be lowercase\n',
    );
    expect((await lab.docker('pull -q nosuchimage')).stdout).toBe('');
    expect((await lab.docker('pull')).stderr).toMatch(/^docker: 'docker pull' requires 1 argument\n/);
  });
});
