/**
 * Health checks (moby daemon/health.go): a probe runs in the container every
 * interval; the first success makes it healthy, `retries` failures in a row after the
 * start period make it unhealthy. `docker ps` shows `(health: starting)`, `(healthy)`
 * or `(unhealthy)`.
 */
import { CollectingWriter } from '../process/streams.ts';
import type { Container } from './container.ts';
import type { Daemon } from './daemon.ts';
import { containerEnvironment } from './user.ts';

const NS = 1_000_000;
const DEFAULT_INTERVAL = 30_000;
const DEFAULT_TIMEOUT = 30_000;
const DEFAULT_RETRIES = 3;
/** moby keeps the last five results */
const MAX_LOG = 5;
/** and at most 4 KiB of a probe's output */
const MAX_OUTPUT = 4096;

const timers = new WeakMap<Container, ReturnType<Daemon['clock']['after']>>();

export function startHealthcheck(d: Daemon, c: Container): void {
  const hc = c.config.Healthcheck!;
  c.health = { status: 'starting', failingStreak: 0, log: c.health?.log ?? [] };
  const interval = hc.Interval ? hc.Interval / NS : DEFAULT_INTERVAL;
  const schedule = () => {
    timers.set(
      c,
      d.clock.after(interval, () => {
        void probe(d, c).then(() => {
          if (c.running && c.health) schedule();
        });
      }),
    );
  };
  schedule();
}

export function stopHealthcheck(d: Daemon, c: Container): void {
  const t = timers.get(c);
  if (t) d.clock.cancel(t);
  timers.delete(c);
}

async function probe(d: Daemon, c: Container): Promise<void> {
  const hc = c.config.Healthcheck!;
  const running = c.running;
  if (!running || !c.health || c.isPaused) return;
  const test = hc.Test ?? [];
  const argv = test[0] === 'CMD-SHELL' ? ['/bin/sh', '-c', test.slice(1).join(' ')] : test.slice(1);
  const start = d.instant();
  const out = new CollectingWriter();
  const env = containerEnvironment(c.config.Env ?? [], c.config.Hostname, false, '/root');
  d.containerEvent(c, `exec_create: ${argv.join(' ')}`, { execID: d.random.hex(64) });
  const started = running.processes.exec(argv, {
    env,
    cwd: c.config.WorkingDir || '/',
    fs: c.fs,
    stdout: out,
    stderr: out,
  });
  let exitCode: number;
  if (!started.ok) {
    exitCode = -1;
    out.write(
      `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown`,
    );
  } else {
    const timeout = hc.Timeout ? hc.Timeout / NS : DEFAULT_TIMEOUT;
    let timedOut = false;
    const timer = d.clock.after(timeout, () => {
      timedOut = true;
      started.proc.kill('SIGKILL');
    });
    exitCode = await started.proc.wait();
    d.clock.cancel(timer);
    if (timedOut) {
      exitCode = -1;
      out.write(`Health check exceeded timeout (${timeout / 1000}s)`);
    }
  }
  const health = c.health;
  if (!health || c.running !== running) return;
  health.log.push({ start, end: d.instant(), exitCode, output: out.text.slice(0, MAX_OUTPUT) });
  if (health.log.length > MAX_LOG) health.log.shift();
  const before = health.status;
  if (exitCode === 0) {
    health.failingStreak = 0;
    health.status = 'healthy';
  } else {
    const startPeriod = hc.StartPeriod ? hc.StartPeriod / NS : 0;
    const inStartPeriod = start.ms - (c.startedAt?.ms ?? 0) < startPeriod;
    if (!inStartPeriod || health.status !== 'starting') {
      health.failingStreak++;
      if (health.failingStreak >= (hc.Retries || DEFAULT_RETRIES)) health.status = 'unhealthy';
    }
  }
  if (health.status !== before) d.containerEvent(c, `health_status: ${health.status}`);
}
