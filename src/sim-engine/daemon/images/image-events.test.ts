import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../test/kit/lab.ts';

describe('image events', () => {
  it('logs pull, tag, untag, delete, commit and prune as moby does', async () => {
    const lab = testLab();
    const d = lab.engine.host().daemon;
    await lab.docker('pull busybox');
    await lab.docker('tag busybox mybox');
    await lab.docker('create --name c1 busybox');
    await lab.docker('commit c1 snap');
    await lab.docker('rm c1');
    await lab.docker('rmi snap');
    await lab.docker('image prune -f');
    const id = d.images.resolve('busybox').id;
    const events = d.events
      .history()
      .map((e) => e.message)
      .filter((m) => m.Type === 'image' || m.Action === 'commit')
      .map(
        (m) =>
          `${m.Type} ${m.Action} ${m.Actor.ID === id ? 'busybox-id' : /^(sha256:)?[0-9a-f]{64}$/.test(m.Actor.ID) ? m.Actor.ID.slice(0, 7) : m.Actor.ID} ${m.Actor.Attributes['name'] ?? ''}`,
      );
    expect(events[0]).toBe('image pull busybox:latest busybox');
    expect(events[1]).toBe('image tag busybox-id mybox:latest');
    expect(events[2]).toMatch(/^image create sha256: sha256:/);
    expect(events[3]).toMatch(/^image tag sha256: snap:latest$/);
    expect(events[4]).toMatch(/^container commit \w{7} c1$/);
    expect(events.slice(5, 7).map((e) => e.split(' ').slice(0, 2).join(' '))).toEqual([
      'image untag',
      'image delete',
    ]);
    expect(events[7]).toBe('image prune  ');
    const prune = d.events.history().at(-1)!.message;
    expect(prune.Actor.Attributes).toEqual({ reclaimed: '0' });
  });
});
