import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

describe('docker commit', () => {
  it("makes an image of the container's writable layer, named or not", async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('create --name c1 alpine');
    lab.engine.host().daemon.getContainer('c1').fs.writeFile('/one.txt', 'one\n');
    const r = await lab.docker('commit c1 snap:latest');
    expect(r.out).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    const f = ['--format', '{{.Repository}}:{{.Tag}} {{.ID}} {{.CreatedSince}} {{.Size}}'];
    expect((await lab.docker(['images', ...f, 'snap'])).out).toBe(
      `snap:latest ${r.out.slice(7, 19)} Less than a second ago 8.65MB\n`,
    );
    const inspect = await lab.docker([
      'image',
      'inspect',
      '-f',
      '{{.Parent}}|{{.Config.Cmd}}|{{.DockerVersion}}',
      'snap',
    ]);
    const alpine = (await lab.docker(['images', '-q', '--no-trunc', 'alpine'])).out.trim();
    expect(inspect.out).toBe(`${alpine}|[/bin/sh]|28.5.2\n`);
    // a second commit of an unnamed kind leaves a <none> image
    const anon = await lab.docker('container commit c1');
    expect((await lab.docker(['images', '--filter', 'dangling=true', '-q'])).out).toBe(
      anon.out.slice(7, 19) + '\n',
    );
  });

  it('applies --change instructions, message and author', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('create --name c1 alpine');
    await lab.docker([
      'commit',
      '-m',
      'configured',
      '-a',
      'Ann <ann@example.com>',
      '-c',
      'ENV MODE=prod',
      '-c',
      'EXPOSE 8080',
      '-c',
      'WORKDIR /srv',
      '-c',
      'CMD ["sh", "-c", "echo hi"]',
      'c1',
      'conf',
    ]);
    const r = await lab.docker([
      'image',
      'inspect',
      '-f',
      '{{json .Config}}|{{.Comment}}|{{.Author}}',
      'conf',
    ]);
    const [config, comment, author] = r.out.trim().split('|');
    expect(JSON.parse(config!)).toEqual({
      ExposedPorts: { '8080/tcp': {} },
      Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'MODE=prod'],
      Cmd: ['sh', '-c', 'echo hi'],
      WorkingDir: '/srv',
    });
    expect([comment, author]).toEqual(['configured', 'Ann <ann@example.com>']);
    // the change made no layer: the row is empty, with the message as its comment
    const h = await lab.docker(['history', '--format', '{{.Size}} {{.Comment}}', 'conf']);
    expect(h.out.split('\n')[0]).toBe('0B configured');
    expect((await lab.docker(['commit', '-c', 'RUN true', 'c1'])).stderr).toBe(
      'Error response from daemon: run is not a valid change command\n',
    );
  });

  it('fails for a missing container or a bad name', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    expect((await lab.docker('commit nothere')).stderr).toBe(
      'Error response from daemon: No such container: nothere\n',
    );
    await lab.docker('create --name c1 alpine');
    expect((await lab.docker('commit c1 Bad')).stderr).toBe(
      'invalid reference format: repository name (library/Bad) must be lowercase\n',
    );
    expect((await lab.docker(`commit c1 x@sha256:${'a'.repeat(64)}`)).stderr).toBe(
      'refusing to create a tag with a digest reference\n',
    );
  });
});
