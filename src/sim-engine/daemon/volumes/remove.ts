/**
 * `DELETE /volumes/{name}` (moby volume/service Remove): a volume any container
 * references stays ("volume is in use", naming the containers by full ID); with
 * `force`, a volume that does not exist is no error.
 */
import type { Daemon } from '../daemon.ts';
import { logVolumeEvent } from './events.ts';
import { volumeRefs } from './refs.ts';

export function volumeRemove(d: Daemon, name: string, force: boolean): void {
  const volume = d.volumes.find(name);
  if (!volume) {
    if (!force) d.volumes.get(name);
    return;
  }
  d.volumes.remove(name, volumeRefs(d, name));
  logVolumeEvent(d, name, 'destroy', { driver: volume.driver });
}
