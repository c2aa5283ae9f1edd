import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

const id = async (lab: ReturnType<typeof testLab>, image: string) =>
  (await lab.docker(['images', '-q', image])).out.trim().split('\n')[0]!;

describe('docker rmi', () => {
  it('untags a name while other names remain, then deletes the image and its layers', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('tag alpine myapp');
    await lab.docker('tag alpine:latest myapp:1.0');
    expect((await lab.docker('rmi myapp')).out).toBe('Untagged: myapp:latest\n');
    expect((await lab.docker('image rm myapp:1.0')).out).toBe('Untagged: myapp:1.0\n');
    const full = (await lab.docker(['images', '--no-trunc', '-q', 'alpine'])).out.trim();
    const rootfs = (
      await lab.docker(['image', 'inspect', '-f', '{{index .RootFS.Layers 0}}', 'alpine'])
    ).out.trim();
    const r = await lab.docker('image remove alpine');
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('Untagged: alpine:latest');
    expect(lines[1]).toMatch(/^Untagged: alpine@sha256:[0-9a-f]{64}$/);
    expect(lines[2]).toBe(`Deleted: ${full}`);
    // alpine has one layer: its chain ID is its diff ID
    expect(lines[3]).toBe(`Deleted: ${rootfs}`);
    expect(lines).toHaveLength(4);
  });

  it('refuses to leave a container with a nameless image unless forced', async () => {
    const lab = testLab({ images: ['busybox:latest'] });
    const c = (await lab.docker('create --name user busybox true')).out.slice(0, 12);
    const bb = await id(lab, 'busybox');
    expect((await lab.docker('rmi busybox')).stderr).toBe(
      `Error response from daemon: conflict: unable to remove repository reference "busybox" (must force) - container ${c} is using its referenced image ${bb}\n`,
    );
    await lab.docker('tag busybox mybox');
    expect((await lab.docker('rmi busybox')).out).toMatch(
      /^Untagged: busybox:latest\nUntagged: busybox@sha256:/,
    );
    expect((await lab.docker(`rmi ${bb}`)).stderr).toBe(
      `Error response from daemon: conflict: unable to delete ${bb} (must be forced) - image is being used by stopped container ${c}\n`,
    );
    const forced = await lab.docker('rmi -f mybox');
    // the container keeps the image's layers: only the image goes
    expect(forced.out).toMatch(/^Untagged: mybox:latest\nDeleted: sha256:[0-9a-f]{64}\n$/);
    expect((await lab.docker(['ps', '-a', '--format', '{{.Names}} {{.Image}}'])).out).toBe(`user ${bb}\n`);
    // a missing image under -f is reported, not fatal
    expect(await lab.docker(`rmi -f ${bb}`)).toMatchObject({
      stderr: `Error response from daemon: No such image: ${bb}:latest\n`,
      status: 0,
    });
  });

  it('answers the ID conflicts: several repositories, a running container, a child image', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('tag alpine a1');
    const a = await id(lab, 'alpine');
    expect((await lab.docker(`rmi ${a}`)).stderr).toBe(
      `Error response from daemon: conflict: unable to delete ${a} (must be forced) - image is referenced in multiple repositories\n`,
    );
    const run = await lab.docker('run -d --name sleeper alpine sleep 1000');
    const c = run.out.slice(0, 12);
    for (const args of [`rmi ${a}`, `rmi -f ${a}`]) {
      expect((await lab.docker(args)).stderr).toBe(
        `Error response from daemon: conflict: unable to delete ${a} (cannot be forced) - image is being used by running container ${c}\n`,
      );
    }
    await lab.docker('rm -f sleeper');
    await lab.docker('create --name c1 alpine');
    await lab.docker('commit c1 child');
    expect((await lab.docker(`rmi -f ${a}`)).stderr).toBe(
      `Error response from daemon: conflict: unable to delete ${a} (cannot be forced) - image has dependent child images\n`,
    );
  });

  it('reports every failure at the end, not-found ones included', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('tag alpine a1');
    const r = await lab.docker('rmi nothere:1.0 a1 alpine:nothere');
    expect(r).toMatchObject({
      stdout: 'Untagged: a1:latest\n',
      stderr:
        'Error response from daemon: No such image: nothere:1.0\nError response from daemon: No such image: alpine:nothere\n',
      status: 1,
    });
    expect((await lab.docker('rmi Bad')).stderr).toBe(
      'Error response from daemon: invalid reference format: repository name (library/Bad) must be lowercase\n',
    );
    expect((await lab.docker('rmi')).stderr).toMatch(/^docker: 'docker rmi' requires at least 1 argument\n/);
  });

  it('deletes an untagged parent with its child unless --no-prune', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('create --name c1 alpine');
    lab.engine.host().daemon.getContainer('c1').fs.writeFile('/f', 'x\n');
    await lab.docker('commit c1 snap');
    await lab.docker('rm c1');
    await lab.docker('rmi alpine');
    const r = await lab.docker('rmi snap');
    const lines = r.out.trim().split('\n');
    // the child, its layer, then the parent and its layer
    expect(lines.map((l) => l.split(':')[0])).toEqual([
      'Untagged',
      'Deleted',
      'Deleted',
      'Deleted',
      'Deleted',
    ]);
    expect((await lab.docker('images -a -q')).out).toBe('');
  });
});
