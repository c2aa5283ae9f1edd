/**
 * The volume a container's mount names, created when missing (daemon/volumes.go
 * registerMountPoints → VolumesService.Create with the container as reference): an
 * anonymous one for `-v /data` and an image's VOLUME, a named one for `-v name:/data`.
 */
import type { Container } from '../container.ts';
import type { Daemon } from '../daemon.ts';
import { createVolume } from './create.ts';
import type { VolumeRecord } from './store.ts';

export function ensureVolume(
  d: Daemon,
  name: string,
  anonymous: boolean,
  container: Container,
): VolumeRecord {
  // the container becomes a reference once it holds the mount (Container.mounts)
  void container;
  return createVolume(d, anonymous ? '' : name, '', null, null);
}
