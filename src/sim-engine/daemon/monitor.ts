/**
 * What happens when a container's main process exits (moby daemon/monitor.go
 * handleContainerExit): the state becomes exited (or restarting, by its restart
 * policy, with the restart manager's back-off), its network is released, a `die`
 * event is logged, waiters are told, and an `--rm` container is removed.
 */
import type { Container } from './container.ts';
import type { Daemon } from './daemon.ts';
import { stopHealthcheck } from './health.ts';
import { teardownNetworking } from './network-setup.ts';
import { containerStart } from './start.ts';
import { logVolumeUnmounts } from './volumes/events.ts';

/** restartmanager: 100 ms, doubling, capped at a minute; reset after 10 s of running. */
const DEFAULT_TIMEOUT = 100;
const MAX_TIMEOUT = 60_000;

function shouldRestart(c: Container, exitCode: number, ranFor: number): boolean {
  const policy = c.hostConfig.RestartPolicy;
  if (policy.Name === 'no' || policy.Name === '') return false;
  if (ranFor >= 10_000) c.restartTimeout = 0;
  if (c.restartTimeout === 0) c.restartTimeout = DEFAULT_TIMEOUT;
  else if (c.restartTimeout < MAX_TIMEOUT) c.restartTimeout *= 2;
  if (c.restartTimeout > MAX_TIMEOUT) c.restartTimeout = MAX_TIMEOUT;
  let restart = false;
  switch (policy.Name) {
    case 'always':
      restart = true;
      break;
    case 'unless-stopped':
      restart = !c.hasBeenManuallyStopped;
      break;
    case 'on-failure':
      if (policy.MaximumRetryCount === 0 || c.restartManagerCount < policy.MaximumRetryCount)
        restart = exitCode !== 0;
      break;
  }
  if (restart) c.restartManagerCount++;
  return restart;
}

export function handleExit(d: Daemon, c: Container, status: number): void {
  if (!c.running) return;
  const now = d.instant();
  c.flushOutput(now);
  stopHealthcheck(d, c);
  const running = c.running;
  running.unpublish();
  running.stdin?.close();
  teardownNetworking(d, c, running.ns);
  logVolumeUnmounts(d, c);
  c.running = undefined;
  c.pid = 0;
  c.exitCode = status;
  c.finishedAt = now;
  const ranFor = now.ms - (c.startedAt?.ms ?? now.ms);
  // `docker stop` and `docker kill` cancel the restart manager (Container.ExitOnNext)
  const restart = !c.restartCanceled && !c.removalInProgress && shouldRestart(c, status, ranFor);
  if (restart) {
    c.restartCount++;
    c.status = 'restarting';
  } else {
    c.status = 'exited';
    if (c.health) c.health.status = 'unhealthy';
  }
  d.containerEvent(c, 'die', { exitCode: String(status), execDuration: String(Math.floor(ranFor / 1000)) });
  const waiters = c.exitWaiters;
  c.exitWaiters = [];
  for (const w of waiters) w(status);
  if (restart) {
    c.restartTimer = d.clock.after(c.restartTimeout, () => {
      c.restartTimer = undefined;
      if (c.status !== 'restarting') return;
      try {
        containerStart(d, c, { restart: true });
      } catch {
        c.status = 'exited';
        if (c.hostConfig.AutoRemove) d.autoRemove(c);
      }
    });
    return;
  }
  if (c.hostConfig.AutoRemove) d.autoRemove(c);
}
