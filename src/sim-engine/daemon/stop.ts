/**
 * Stopping and signalling (moby daemon/stop.go, kill.go, restart.go, pause.go,
 * wait.go): `docker stop` sends the stop signal and waits its grace period before
 * SIGKILL; `kill` sends a signal; `pause` freezes the processes.
 */
import { conflict, invalidParameter, notModified } from '../errdefs.ts';
import type { SignalName } from '../process/types.ts';
import type { Container } from './container.ts';
import type { Daemon } from './daemon.ts';
import { containerStart } from './start.ts';
import { parseSignal } from './validate.ts';

const SIGNAL_NAMES: Record<number, SignalName> = {
  1: 'SIGHUP',
  2: 'SIGINT',
  3: 'SIGQUIT',
  9: 'SIGKILL',
  10: 'SIGUSR1',
  12: 'SIGUSR2',
  15: 'SIGTERM',
  18: 'SIGCONT',
  19: 'SIGSTOP',
  28: 'SIGWINCH',
};

/** Resolves when the current run of the container ends (at once if it is not running). */
export function waitNotRunning(c: Container): Promise<number> {
  if (!c.isRunning) return Promise.resolve(c.exitCode);
  return new Promise((resolve) => c.exitWaiters.push(resolve));
}

/** Deliver a signal to PID 1, logging the kill event as dockerd does. */
function signal(d: Daemon, c: Container, num: number): void {
  const stopNum = c.config.StopSignal ? parseSignal(c.config.StopSignal) : 15;
  if (num === 9 || num === stopNum) c.restartCanceled = true;
  c.hasBeenManuallyStopped = true;
  if (c.status === 'restarting') return;
  if (c.isPaused && (num === 9 || num === stopNum)) thaw(d, c);
  const name = SIGNAL_NAMES[num];
  const init = c.running?.processes.get(1);
  if (init && name) init.kill(name);
  d.containerEvent(c, 'kill', { signal: String(num) });
}

function thaw(d: Daemon, c: Container): void {
  c.running?.processes.thaw();
  c.status = 'running';
  void d;
}

export async function containerStop(
  d: Daemon,
  c: Container,
  options: { signal?: string; timeout?: number },
): Promise<void> {
  if (c.status === 'restarting') {
    // a restarting container is not running; stopping it cancels the pending restart
    if (c.restartTimer) d.clock.cancel(c.restartTimer);
    c.restartTimer = undefined;
    c.restartCanceled = true;
    c.hasBeenManuallyStopped = true;
    c.status = 'exited';
    d.containerEvent(c, 'stop');
    return;
  }
  if (!c.isRunning) throw notModified();
  const stopSignal = options.signal
    ? parseSignal(options.signal)
    : c.config.StopSignal
      ? parseSignal(c.config.StopSignal)
      : 15;
  const timeout = options.timeout ?? c.config.StopTimeout ?? 10;
  signal(d, c, stopSignal);
  const exited = waitNotRunning(c);
  if (timeout >= 0) {
    let timedOut = false;
    const timer = d.clock.after(timeout * 1000, () => {
      timedOut = true;
      if (c.isRunning) signal(d, c, 9);
    });
    await exited;
    if (!timedOut) d.clock.cancel(timer);
  } else {
    await exited;
  }
  d.containerEvent(c, 'stop');
}

export async function containerKill(d: Daemon, c: Container, signalName: string): Promise<void> {
  const num = signalName ? parseSignal(signalName) : 9;
  if (!c.isRunning && c.status !== 'restarting') throw conflict(`container ${c.id} is not running`);
  signal(d, c, num);
  if (num === 9) await waitNotRunning(c);
}

export async function containerRestart(
  d: Daemon,
  c: Container,
  options: { signal?: string; timeout?: number },
): Promise<void> {
  if (c.isRunning || c.status === 'restarting') {
    try {
      await containerStop(d, c, options);
    } catch (err) {
      if (!(err instanceof Error && 'kind' in err && (err as { kind: string }).kind === 'NotModified'))
        throw err;
    }
  }
  containerStart(d, c);
  d.containerEvent(c, 'restart');
}

export function containerPause(d: Daemon, c: Container): void {
  if (!c.isRunning) throw conflict(`container ${c.id} is not running`);
  if (c.isPaused) throw conflict(`Container ${c.id} is already paused`);
  if (c.status === 'restarting')
    throw conflict(`Container ${c.id} is restarting, wait until the container is running`);
  c.running!.processes.freeze();
  c.status = 'paused';
  d.containerEvent(c, 'pause');
}

export function containerUnpause(d: Daemon, c: Container): void {
  if (!c.isPaused) throw conflict(`Container ${c.id} is not paused`);
  thaw(d, c);
  d.containerEvent(c, 'unpause');
}

/** `POST /containers/{id}/wait`: next-exit, not-running (default) or removed. */
export async function containerWait(d: Daemon, c: Container, condition: string): Promise<number> {
  switch (condition) {
    case 'next-exit':
      return new Promise((resolve) => c.exitWaiters.push(resolve));
    case 'removed':
      await new Promise<void>((resolve) => c.removeWaiters.push(resolve));
      return c.exitCode;
    case 'not-running':
    case '':
      return waitNotRunning(c);
    default:
      throw invalidParameter(`invalid condition: "${condition}"`);
  }
}
