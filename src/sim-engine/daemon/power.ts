/**
 * The machine under a daemon dies and boots again (`lab stop NODE`, `lab start NODE`).
 *
 * Death: every process on the machine is killed at once and nothing is left to notice —
 * no `die` event, no restart policy, no state change the daemon could record (its API
 * is unreachable until the boot anyway).
 *
 * Boot: the new daemon restores its containers (moby v28.5.1 daemon/daemon.go restore):
 * a container its disk says was running has no containerd task any more, so it is set
 * stopped with exit code 255 and now as FinishedAt (`SetStopped` with no exit status),
 * with no event; one whose restart policy says so (`ShouldRestart`: always,
 * unless-stopped not stopped by hand, on-failure under its retry count) is started again,
 * and an `--rm` one is removed. Seen on a real node killed and booted again
 * (test/fidelity/multi, 03): `Exited (255)` for a plain container and a swarm task's,
 * `Up` for `--restart always`.
 */
import type { Container } from './container.ts';
import type { Daemon } from './daemon.ts';
import { stopHealthcheck } from './health.ts';
import { teardownNetworking } from './network-setup.ts';
import { containerStart } from './start.ts';

/** The containers each dead machine's daemon still believes are running. */
const diedWithMachine = new WeakMap<Daemon, Container[]>();

/** The machine died: kill everything in its containers without the daemon seeing it. */
export function machineDied(d: Daemon): void {
  const dead: Container[] = diedWithMachine.get(d) ?? [];
  for (const c of d.containers.values()) {
    if (c.restartTimer) {
      d.clock.cancel(c.restartTimer);
      c.restartTimer = undefined;
    }
    const running = c.running;
    if (!running && c.status !== 'restarting') continue;
    dead.push(c);
    if (!running) continue;
    // handleExit does nothing for a container without its running parts: the kill
    // below ends the processes and no one records their exit
    c.running = undefined;
    c.flushOutput(d.instant());
    stopHealthcheck(d, c);
    running.unpublish();
    running.stdin?.close();
    teardownNetworking(d, c, running.ns);
    running.processes.thaw();
    running.processes.killAll('SIGKILL');
  }
  diedWithMachine.set(d, dead);
}

/** The machine booted: the daemon restores the containers that died with it. */
export function machineBooted(d: Daemon): void {
  const dead = diedWithMachine.get(d) ?? [];
  diedWithMachine.delete(d);
  for (const c of dead) {
    if (!d.containers.has(c.id)) continue;
    c.status = 'exited';
    c.pid = 0;
    c.exitCode = 255;
    c.finishedAt = d.instant();
    if (c.health) c.health.status = 'unhealthy';
    if (shouldRestartAtBoot(c)) {
      try {
        containerStart(d, c);
      } catch {
        // a failed start at boot is only logged by dockerd
      }
    } else if (c.hostConfig.AutoRemove) d.autoRemove(c);
  }
}

/** container.ShouldRestart after SetStopped(255), as restore asks it (restartmanager.ShouldRestart). */
function shouldRestartAtBoot(c: Container): boolean {
  const policy = c.hostConfig.RestartPolicy;
  switch (policy.Name) {
    case 'always':
      return true;
    case 'unless-stopped':
      return !c.hasBeenManuallyStopped;
    case 'on-failure':
      return policy.MaximumRetryCount === 0 || c.restartManagerCount < policy.MaximumRetryCount;
    default:
      return false;
  }
}
