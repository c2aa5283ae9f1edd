import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../test/kit/lab.ts';
import { containerChanges, containerLayer } from './container-layer.ts';

describe("a container's writable layer", () => {
  it('is the difference with the image and the init layer, dockerd-mounted files left out', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('run -d --name web alpine sleep 100');
    const c = lab.engine.host().daemon.getContainer('web');
    expect(containerChanges(c)).toEqual([]);
    c.fs.writeFile('/etc/resolv.conf', 'nameserver 1.1.1.1\n');
    c.fs.writeFile('/etc/hostname', 'renamed\n');
    c.fs.mkdir('/srv/data', { parents: true });
    c.fs.writeFile('/srv/data/a.txt', 'hello\n');
    expect(containerChanges(c)).toEqual([
      { kind: 'C', path: '/srv' },
      { kind: 'A', path: '/srv/data' },
      { kind: 'A', path: '/srv/data/a.txt' },
    ]);
    expect(containerLayer(c).map((e) => `${e.kind} ${e.path}`)).toEqual([
      'dir /srv',
      'dir /srv/data',
      'file /srv/data/a.txt',
    ]);
  });

  it('records deletions as whiteouts', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('create --name c1 alpine');
    const c = lab.engine.host().daemon.getContainer('c1');
    c.fs.rm('/etc/motd', {});
    expect(containerChanges(c)).toEqual([
      { kind: 'C', path: '/etc' },
      { kind: 'D', path: '/etc/motd' },
    ]);
    expect(containerLayer(c).map((e) => `${e.kind} ${e.path}`)).toEqual(['dir /etc', 'whiteout /etc/motd']);
  });
});
