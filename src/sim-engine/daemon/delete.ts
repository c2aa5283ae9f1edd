/**
 * `DELETE /containers/{id}` (moby daemon/delete.go): refuse a running or paused
 * container unless forced, kill it when forced, release its name and networks, drop
 * its anonymous volumes with `-v`, and log `destroy`.
 */
import { conflict } from '../errdefs.ts';
import type { Container } from './container.ts';
import type { Daemon } from './daemon.ts';
import { handleExit } from './monitor.ts';

export async function containerRemove(
  d: Daemon,
  c: Container,
  options: { force: boolean; removeVolumes: boolean; link?: boolean },
): Promise<void> {
  const name = c.name.slice(1);
  if (c.removalInProgress) throw conflict(`removal of container ${name} is already in progress`);
  if (c.isPaused && !options.force) {
    throw conflict(`cannot remove container "${name}": container is paused and must be unpaused first`);
  }
  if ((c.isRunning || c.status === 'restarting') && !options.force) {
    throw conflict(
      `cannot remove container "${name}": container is running: stop the container before removing or force remove`,
    );
  }
  c.removalInProgress = true;
  if (c.restartTimer) d.clock.cancel(c.restartTimer);
  c.restartTimer = undefined;
  if (c.isRunning) {
    c.restartCanceled = true;
    c.running!.processes.thaw();
    d.containerEvent(c, 'kill', { signal: '9' });
    c.running!.processes.killAll('SIGKILL');
    // the exit is handled now: removal must not wait on the process's promise chain
    handleExit(d, c, 137);
  }
  destroy(d, c, options.removeVolumes);
}

/** The container is gone: names, endpoints, execs, anonymous volumes (with -v), waiters. */
export function destroy(d: Daemon, c: Container, removeVolumes: boolean): void {
  for (const name of c.networks.keys()) {
    const network = d.networks.find(name);
    if (network) d.networks.removeEndpoint(network, c.id);
  }
  for (const id of c.execIds) d.execs.delete(id);
  d.releaseName(c.name);
  d.containers.delete(c.id);
  if (removeVolumes) {
    for (const m of c.mounts) {
      if (m.Type !== 'volume' || !m.Name) continue;
      const volume = d.volumes.find(m.Name);
      if (!volume?.anonymous) continue;
      const users = [...d.containers.values()].filter((o) => o.mounts.some((om) => om.Name === m.Name));
      if (users.length === 0) {
        d.volumes.remove(m.Name, []);
        d.events.log(d.instant(), 'volume', 'destroy', m.Name, { driver: 'local' });
      }
    }
  }
  d.containerEvent(c, 'destroy');
  const waiters = c.removeWaiters;
  c.removeWaiters = [];
  for (const w of waiters) w();
}
