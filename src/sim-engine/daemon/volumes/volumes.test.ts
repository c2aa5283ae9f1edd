import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../test/kit/lab.ts';

describe('volumes of containers', () => {
  it('creates named volumes without labels and anonymous ones with the anonymous label', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    const d = lab.engine.host().daemon;
    await lab.docker('create --name c1 -v named:/a -v /b alpine true');
    const [named, anon] = [d.volumes.get('named'), d.volumes.all().find((v) => v.name !== 'named')!];
    expect(named.labels).toBeNull();
    expect(named.anonymous).toBe(false);
    expect(anon.labels).toEqual({ 'com.docker.volume.anonymous': '' });
    expect(anon.anonymous).toBe(true);
    // a second container reuses the named one: no second create event
    await lab.docker('create --name c2 -v named:/a alpine true');
    const creates = d.events
      .history()
      .filter((e) => e.message.Type === 'volume' && e.message.Action === 'create');
    expect(creates.map((e) => e.message.Actor.ID)).toEqual(['named', anon.name]);
    const ids = [d.getContainer('c1').id, d.getContainer('c2').id];
    expect((await lab.docker('volume rm named')).stderr).toBe(
      `Error response from daemon: remove named: volume is in use - [${ids.join(', ')}]\n`,
    );
  });

  it('keeps the files between containers, and rm -v drops anonymous volumes only', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    const d = lab.engine.host().daemon;
    await lab.docker('run --name writer -v shared:/data -v /scratch alpine true');
    d.volumes.get('shared').fs.writeFile('/note', 'kept\n');
    expect((await lab.docker('run --rm -v shared:/data alpine cat /data/note')).stdout).toBe('kept\n');
    await lab.docker('rm -v writer');
    expect(d.volumes.all().map((v) => v.name)).toEqual(['shared']);
  });
});
