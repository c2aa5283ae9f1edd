import { describe, expect, it } from 'vitest';
import { testLab, yieldToEngine, type TestLab } from '../../../../test/kit/lab.ts';
import { drive } from '../../headless/drive.ts';

/** One line on a node's host shell (curl), driven to its end. */
async function sh(lab: TestLab, line: string, node?: string): Promise<string> {
  let out = '';
  const io = {
    stdout: { write: (t: string) => void (out += t) },
    stderr: { write: (t: string) => void (out += t) },
  };
  await drive(lab.engine.session(node).run(line, io), { clock: lab.engine.clock, yieldToEngine });
  return out;
}

const DIGEST_LINE = /^1: digest: (sha256:[0-9a-f]{64}) size: (\d+)$/;

describe('push and pull with a registry container in the lab', () => {
  it('round-trips an image through localhost:5000, and the registry answers curl', async () => {
    const lab = testLab({ images: ['alpine:latest', 'registry:2'], pulledImages: false });
    await lab.docker('run -d -p 5000:5000 --name registry registry:2');
    await lab.docker('tag alpine:latest localhost:5000/app:1');
    const id = (await lab.docker('image inspect -f {{.Id}} alpine')).stdout.trim();
    const diffId = (
      await lab.docker(['image', 'inspect', '-f', '{{index .RootFS.Layers 0}}', 'alpine'])
    ).stdout.trim();
    const layer = diffId.slice(7, 19);

    const push = await lab.docker('push localhost:5000/app:1');
    expect(push.status).toBe(0);
    const lines = push.stdout.trim().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'The push refers to repository [localhost:5000/app]',
      `${layer}: Preparing`,
      `${layer}: Pushed`,
    ]);
    const [, digest, size] = DIGEST_LINE.exec(lines[3]!)!;
    expect(lines).toHaveLength(4);

    // the manifest the registry keeps is the schema2 manifest Docker pushes, by its digest
    const manifest = await sh(
      lab,
      'curl -s -H "Accept: application/vnd.docker.distribution.manifest.v2+json" localhost:5000/v2/app/manifests/1',
    );
    expect(manifest.length).toBe(Number(size));
    expect(JSON.parse(manifest)).toMatchObject({
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: { mediaType: 'application/vnd.docker.container.image.v1+json', digest: id },
    });
    expect(manifest.startsWith('{\n   "schemaVersion": 2,\n   "mediaType"')).toBe(true);
    expect(await sh(lab, 'curl -s localhost:5000/v2/_catalog')).toBe('{"repositories":["app"]}\n');
    expect(await sh(lab, 'curl -s localhost:5000/v2/app/tags/list')).toBe('{"name":"app","tags":["1"]}\n');

    // pushed again, the layer is known to be there; another repository mounts it
    expect((await lab.docker('push localhost:5000/app:1')).stdout).toContain(
      `${layer}: Layer already exists\n`,
    );
    await lab.docker('tag alpine:latest localhost:5000/team/other:1');
    const other = await lab.docker('push localhost:5000/team/other:1');
    expect(other.stdout).toContain(`${layer}: Mounted from app\n`);
    expect(other.stdout).toContain(`1: digest: ${digest} size: ${size}\n`);

    // the push names the image by its repo digest
    expect(
      (await lab.docker(['image', 'inspect', '-f', '{{json .RepoDigests}}', 'localhost:5000/app:1'])).stdout,
    ).toContain(`"localhost:5000/app@${digest}"`);

    // removed and pulled back
    await lab.docker('rmi localhost:5000/app:1 alpine:latest localhost:5000/team/other:1');
    expect((await lab.docker('image inspect alpine')).status).toBe(1);
    const pull = await lab.docker('pull localhost:5000/app:1');
    expect(pull.status).toBe(0);
    const blob = (
      await sh(lab, 'curl -s localhost:5000/v2/app/manifests/1 | grep -o "sha256:[0-9a-f]*" | tail -1')
    ).trim();
    expect(pull.stdout).toBe(
      [
        '1: Pulling from app',
        `${blob.slice(7, 19)}: Pulling fs layer`,
        `${blob.slice(7, 19)}: Verifying Checksum`,
        `${blob.slice(7, 19)}: Download complete`,
        `${blob.slice(7, 19)}: Pull complete`,
        `Digest: ${digest}`,
        'Status: Downloaded newer image for localhost:5000/app:1',
        'localhost:5000/app:1',
        '',
      ].join('\n'),
    );
    expect((await lab.docker('image inspect -f {{.Id}} localhost:5000/app:1')).stdout.trim()).toBe(id);
    expect((await lab.docker('run --rm localhost:5000/app:1 cat /etc/alpine-release')).status).toBe(0);
    expect((await lab.docker('pull localhost:5000/app:1')).stdout).toContain(
      'Status: Image is up to date for localhost:5000/app:1\n',
    );
  });

  it('pushes the layers of a committed image and brings its files back', async () => {
    const lab = testLab({ images: ['alpine:latest', 'registry:2'] });
    await lab.docker('run -d -p 5000:5000 --name registry registry:2');
    await lab.docker(['run', '--name', 'maker', 'alpine', 'sh', '-c', 'echo hello > /greeting']);
    await lab.docker('commit -m note maker localhost:5000/greet:v1');
    const push = await lab.docker('push localhost:5000/greet:v1');
    expect(push.status).toBe(0);
    // alpine's layer came from Docker Hub: another registry gets it uploaded
    expect(push.stdout.match(/: Pushed$/gm)).toHaveLength(2);
    await lab.docker('rm maker');
    await lab.docker('rmi localhost:5000/greet:v1');
    expect((await lab.docker('pull localhost:5000/greet:v1')).stdout).toContain(': Already exists\n');
    expect((await lab.docker('run --rm localhost:5000/greet:v1 cat /greeting')).stdout).toBe('hello\n');
    expect((await lab.docker('image inspect -f {{.Comment}} localhost:5000/greet:v1')).stdout).toBe('note\n');
    // -a: every tag the registry has
    await lab.docker('tag localhost:5000/greet:v1 localhost:5000/greet:v2');
    await lab.docker('push localhost:5000/greet:v2');
    await lab.docker('rmi localhost:5000/greet:v1 localhost:5000/greet:v2');
    const all = await lab.docker('pull -a localhost:5000/greet');
    expect(all.stdout).toContain('v1: Pulling from greet\n');
    expect(all.stdout).toContain('v2: Pulling from greet\n');
    expect(all.stdout).toContain('Status: Downloaded newer image for localhost:5000/greet\n');
  });

  it('keeps the images in the registry volume; a fresh registry is empty', async () => {
    const lab = testLab({ images: ['alpine:latest', 'registry:2'] });
    await lab.docker('run -d -p 5000:5000 -v regdata:/var/lib/registry --name registry registry:2');
    await lab.docker('tag alpine localhost:5000/app:1');
    expect((await lab.docker('push localhost:5000/app:1')).status).toBe(0);
    await lab.docker('rm -f registry');
    await lab.docker('rmi localhost:5000/app:1');
    await lab.docker('run -d -p 5000:5000 -v regdata:/var/lib/registry --name registry2 registry:2');
    expect((await lab.docker('pull localhost:5000/app:1')).status).toBe(0);
    await lab.docker('rm -f registry2');
    await lab.docker('rmi localhost:5000/app:1');
    await lab.docker('run -d -p 5000:5000 --name fresh registry:2');
    expect(await lab.docker('pull localhost:5000/app:1')).toMatchObject({
      stderr:
        'Error response from daemon: manifest for localhost:5000/app:1 not found: manifest unknown: manifest unknown\n',
      status: 1,
    });
    expect(await sh(lab, 'curl -s localhost:5000/v2/_catalog')).toBe('{"repositories":[]}\n');
  });

  it("fails with Docker's connection error when the registry is stopped", async () => {
    const lab = testLab({ images: ['alpine:latest', 'registry:2'] });
    await lab.docker('run -d -p 5000:5000 --name registry registry:2');
    await lab.docker('tag alpine localhost:5000/app:1');
    await lab.docker('push localhost:5000/app:1');
    await lab.docker('stop registry');
    const refused = 'Get "http://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused';
    expect(await lab.docker('push localhost:5000/app:1')).toMatchObject({
      stdout: 'The push refers to repository [localhost:5000/app]\n',
      stderr: `${refused}\n`,
      status: 1,
    });
    expect((await lab.docker('pull localhost:5000/app:1')).stderr).toBe(
      `Error response from daemon: ${refused}\n`,
    );
    await lab.docker('start registry');
    expect((await lab.docker('pull localhost:5000/app:1')).status).toBe(0);
  });

  it('is reached from another node by address only over HTTPS, as Docker requires', async () => {
    const lab = testLab({ images: ['alpine:latest', 'registry:2'], nodes: 2 });
    await lab.docker('run -d -p 5000:5000 --name registry registry:2');
    await lab.docker('tag alpine localhost:5000/app:1');
    await lab.docker('push localhost:5000/app:1');
    expect(await sh(lab, 'curl -s node1:5000/v2/_catalog', 'node2')).toBe('{"repositories":["app"]}\n');
    expect(await sh(lab, 'curl -s 192.168.0.11:5000/v2/app/tags/list', 'node2')).toBe(
      '{"name":"app","tags":["1"]}\n',
    );
    const https = 'Get "https://192.168.0.11:5000/v2/": http: server gave HTTP response to HTTPS client';
    expect((await lab.docker('pull 192.168.0.11:5000/app:1', { node: 'node2' })).stderr).toBe(
      `Error response from daemon: ${https}\n`,
    );
    await lab.docker('tag alpine 192.168.0.11:5000/app:2', { node: 'node2' });
    expect(await lab.docker('push 192.168.0.11:5000/app:2', { node: 'node2' })).toMatchObject({
      stdout: 'The push refers to repository [192.168.0.11:5000/app]\n',
      stderr: `${https}\n`,
      status: 1,
    });
    // the node's own address is not localhost either
    await lab.docker('tag alpine node1:5000/app:2');
    expect((await lab.docker('push node1:5000/app:2')).stderr).toBe(
      'Get "https://node1:5000/v2/": http: server gave HTTP response to HTTPS client\n',
    );
  });
});
