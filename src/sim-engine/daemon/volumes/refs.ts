/**
 * Which containers reference a volume (the VolumeStore's refs): every container,
 * running or not, with a mount of it — until the container is removed.
 */
import type { Daemon } from '../daemon.ts';

export function volumeRefs(d: Daemon, name: string): string[] {
  const out: string[] = [];
  for (const c of d.containers.values()) {
    if (c.mounts.some((m) => m.Type === 'volume' && m.Name === name)) out.push(c.id);
  }
  return out;
}
