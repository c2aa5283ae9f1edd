/** Getting the volume a mount names, creating it (named or anonymous) as dockerd does. */
import { MemFs } from '../../fs/mem-fs.ts';
import type { Container } from '../container.ts';
import type { Daemon } from '../daemon.ts';
import type { VolumeRecord } from './store.ts';

export function ensureVolume(
  d: Daemon,
  name: string,
  anonymous: boolean,
  container: Container,
): VolumeRecord {
  const existing = name ? d.volumes.find(name) : undefined;
  if (existing) return existing;
  const volume: VolumeRecord = {
    name: name || d.random.hex(64),
    driver: 'local',
    createdAt: d.instant(),
    labels: anonymous ? { 'com.docker.volume.anonymous': '' } : {},
    options: {},
    anonymous,
    fs: new MemFs({ now: () => d.clock.now() }),
  };
  d.volumes.add(volume);
  d.events.log(d.instant(), 'volume', 'create', volume.name, { driver: 'local' });
  void container;
  return volume;
}
