import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

const IMAGES = ['alpine:latest', 'alpine:3.20', 'nginx:latest', 'nginx:1.18', 'busybox:latest'];

describe('docker images', () => {
  it('lists every tag, newest first, in the default table', async () => {
    const lab = testLab({ images: IMAGES });
    const r = await lab.docker('images');
    expect(r.status).toBe(0);
    await expect(r.out).toMatchFileSnapshot('testdata/images.golden');
    expect((await lab.docker('image ls')).out).toBe(r.out);
    expect((await lab.docker('image list')).out).toBe(r.out);
  });

  it('filters by a REPOSITORY[:TAG] argument, a glob as path.Match reads it', async () => {
    const lab = testLab({ images: IMAGES });
    const f = ['--format', '{{.Repository}}:{{.Tag}}'];
    expect((await lab.docker(['images', ...f, 'alpine'])).out).toBe('alpine:latest\nalpine:3.20\n');
    expect((await lab.docker(['images', ...f, 'nginx:1.*'])).out).toBe('nginx:1.18\n');
    expect((await lab.docker(['images', ...f, '--filter', 'reference=*:latest'])).out).toBe(
      'alpine:latest\nnginx:latest\nbusybox:latest\n',
    );
    expect((await lab.docker(['images', ...f, '-f', 'reference=nginx', '-f', 'reference=busybox'])).out).toBe(
      'nginx:latest\nbusybox:latest\nnginx:1.18\n',
    );
    const none = await lab.docker('images nosuchrepo');
    expect(none.out).toBe('REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n');
  });

  it('filters by before, since, label and until', async () => {
    const lab = testLab({ images: IMAGES });
    const f = ['--format', '{{.Repository}}:{{.Tag}}'];
    expect((await lab.docker(['images', ...f, '--filter', 'before=alpine:latest'])).out).toBe(
      'nginx:latest\nbusybox:latest\nalpine:3.20\nnginx:1.18\n',
    );
    expect((await lab.docker(['images', ...f, '--filter', 'since=nginx:1.18'])).out).toBe(
      'alpine:latest\nnginx:latest\nbusybox:latest\nalpine:3.20\n',
    );
    expect((await lab.docker(['images', ...f, '--filter', 'label=maintainer'])).out).toBe(
      'nginx:latest\nnginx:1.18\n',
    );
    expect((await lab.docker(['images', ...f, '--filter', 'until=2026-01-01'])).out).toBe('nginx:1.18\n');
  });

  it('answers bad filters as the daemon does', async () => {
    const lab = testLab({ images: IMAGES });
    expect(await lab.docker('images --filter bogus=1')).toMatchObject({
      stderr: "Error response from daemon: invalid filter 'bogus'\n",
      status: 1,
    });
    expect((await lab.docker('images --filter dangling=maybe')).stderr).toBe(
      "Error response from daemon: invalid filter 'dangling=[maybe]'\n",
    );
    expect((await lab.docker(['images', '['])).stderr).toBe(
      'Error response from daemon: syntax error in pattern\n',
    );
    expect((await lab.docker('images --filter before=nothere')).stderr).toBe(
      'Error response from daemon: No such image: nothere:latest\n',
    );
  });

  it('prints IDs with -q (one per tag), full ones with --no-trunc, and digests', async () => {
    const lab = testLab({ images: IMAGES });
    const q = await lab.docker('images -q alpine');
    expect(q.out).toMatch(/^[0-9a-f]{12}\n[0-9a-f]{12}\n$/);
    const full = await lab.docker(['images', '--no-trunc', '--format', '{{.ID}}', 'busybox']);
    expect(full.out).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    const d = await lab.docker('images --digests busybox');
    expect(d.out.split('\n')[0]).toBe(
      'REPOSITORY   TAG       DIGEST                                                                    IMAGE ID       CREATED        SIZE',
    );
    expect(d.out.split('\n')[1]).toMatch(
      /^busybox {6}latest {4}sha256:[0-9a-f]{64} {3}[0-9a-f]{12} {3}6 months ago {3}/,
    );
  });

  it('renders json and the raw context fields', async () => {
    const lab = testLab({ images: IMAGES });
    const r = await lab.docker(['images', '--format', 'json', 'busybox']);
    expect(JSON.parse(r.out)).toEqual({
      Containers: '0',
      CreatedAt: '2026-05-13 02:21:49 +0000 UTC',
      CreatedSince: '6 months ago',
      Digest: '<none>',
      ID: expect.stringMatching(/^[0-9a-f]{12}$/),
      Repository: 'busybox',
      SharedSize: 'N/A',
      Size: '4.43MB',
      Tag: 'latest',
      UniqueSize: 'N/A',
      VirtualSize: '4.431MB',
    });
    expect(r.out).toContain('"Digest":"\\u003cnone\\u003e"');
    const t = await lab.docker(['images', '--format', 'table {{.Repository}}\t{{.Tag}}', 'nginx']);
    expect(t.out).toBe('REPOSITORY   TAG\nnginx        latest\nnginx        1.18\n');
  });

  it('hints at `docker image ls` when `docker images ls` finds nothing', async () => {
    const lab = testLab({ images: IMAGES });
    const r = await lab.docker('images ls');
    expect(r.stderr).toBe('\nNo images found matching "ls": did you mean "docker image ls"?\n');
    expect((await lab.docker('image ls ls')).stderr).toBe('');
  });

  it('hides untagged parents of other images unless -a', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('create --name c1 alpine');
    lab.engine.host().daemon.getContainer('c1').fs.writeFile('/f', 'x\n');
    await lab.docker('commit c1 snap');
    await lab.docker('rm c1');
    const rmi = await lab.docker('rmi alpine');
    expect(rmi.out).toMatch(/^Untagged: alpine:latest\nUntagged: alpine@sha256:[0-9a-f]{64}\n$/);
    const f = ['--format', '{{.Repository}}:{{.Tag}}'];
    expect((await lab.docker(['images', ...f])).out).toBe('snap:latest\n');
    expect((await lab.docker(['images', '-a', ...f])).out).toBe('snap:latest\n<none>:<none>\n');
    expect((await lab.docker(['images', '--filter', 'dangling=true', ...f])).out).toBe('');
  });

  it('does not draw the experimental tree', async () => {
    const lab = testLab();
    expect((await lab.docker('images --tree -q')).stderr).toBe('--quiet is not yet supported with --tree\n');
    expect((await lab.docker('images --tree')).status).toBe(1);
  });
});
