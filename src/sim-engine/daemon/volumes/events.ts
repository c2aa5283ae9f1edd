/**
 * Volume events (moby daemon/events.go LogVolumeEvent): create and destroy from the
 * volume store, mount when a starting container sets up its mounts
 * (daemon/volumes_unix.go setupMounts), unmount when it stops (Container.UnmountVolumes,
 * from daemon.Cleanup, after its networks are released and before `die`).
 */
import type { Container } from '../container.ts';
import type { Daemon } from '../daemon.ts';

export function logVolumeEvent(
  d: Daemon,
  name: string,
  action: string,
  attributes: Record<string, string>,
): void {
  d.events.log(d.instant(), 'volume', action, name, attributes);
}

/** Containers whose volumes are mounted, so that unmount is logged once per mount. */
const mounted = new WeakSet<Container>();

/** `mount` for each volume of a starting container. */
export function logVolumeMounts(d: Daemon, c: Container): void {
  for (const m of c.mounts) {
    if (m.Type !== 'volume' || !m.Name) continue;
    logVolumeEvent(d, m.Name, 'mount', {
      container: c.id,
      destination: m.Destination,
      driver: m.Driver ?? 'local',
      propagation: m.Propagation,
      'read/write': String(m.RW),
    });
  }
  mounted.add(c);
}

/** `unmount` for each volume of a container that stopped. */
export function logVolumeUnmounts(d: Daemon, c: Container): void {
  if (!mounted.has(c)) return;
  mounted.delete(c);
  for (const m of c.mounts) {
    if (m.Type !== 'volume' || !m.Name) continue;
    logVolumeEvent(d, m.Name, 'unmount', { container: c.id, driver: m.Driver ?? 'local' });
  }
}
