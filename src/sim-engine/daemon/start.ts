/**
 * `POST /containers/{id}/start` (moby daemon/start.go): set up the network and the
 * mounts, find the command in the container's file system, start it as PID 1 of a new
 * PID namespace, and watch it until it exits (monitor.ts).
 */
import { conflict, DaemonError, notModified, systemError } from '../errdefs.ts';
import { Pipe } from '../process/streams.ts';
import { Terminal, terminalInput } from '../process/terminal.ts';
import { asGoLookPath, startFailure } from '../runtime/oci-errors.ts';
import type { Container } from './container.ts';
import type { Daemon } from './daemon.ts';
import { attachMounts } from './mount-setup.ts';
import { handleExit } from './monitor.ts';
import { setupNetworking, teardownNetworking, writeNetworkFiles } from './network-setup.ts';
import { newProcessTable } from './processes.ts';
import { startHealthcheck } from './health.ts';
import { containerEnvironment, resolveUser } from './user.ts';
import { logVolumeMounts, logVolumeUnmounts } from './volumes/events.ts';

export interface StartOptions {
  /** a restart by the restart policy, not a user's start */
  restart?: boolean;
}

export function containerStart(d: Daemon, c: Container, options: StartOptions = {}): void {
  if (c.isPaused) throw conflict('cannot start a paused container, try unpause instead');
  if (c.isRunning) throw notModified();
  if (c.removalInProgress || c.status === 'dead') {
    throw conflict('container is marked for removal and cannot be started');
  }
  if (c.restartTimer) {
    d.clock.cancel(c.restartTimer);
    c.restartTimer = undefined;
  }
  if (!options.restart) {
    c.restartTimeout = 0;
    c.restartManagerCount = 0;
    c.hasBeenManuallyStopped = false;
    c.restartCanceled = false;
  }

  // Docker 28 mounts the volumes (setupMounts) before it connects the networks
  logVolumeMounts(d, c);
  let network: ReturnType<typeof setupNetworking>;
  try {
    network = setupNetworking(d, c);
  } catch (err) {
    // containerStart's deferred cleanup: the error kept, exit code 128, --rm removes
    logVolumeUnmounts(d, c);
    c.error = err instanceof Error ? err.message : String(err);
    if (c.exitCode === 0) c.exitCode = 128;
    if (c.hostConfig.AutoRemove) d.autoRemove(c);
    throw err;
  }
  const fail = (
    message: string,
    exitCode: number,
    kind: 'System' | 'InvalidParameter' = 'InvalidParameter',
  ): never => {
    network.unpublish();
    teardownNetworking(d, c, network.ns);
    logVolumeUnmounts(d, c);
    c.error = message;
    c.exitCode = exitCode;
    if (c.hostConfig.AutoRemove) d.autoRemove(c);
    throw new DaemonError(kind === 'System' ? 'System' : 'InvalidParameter', message);
  };

  try {
    writeNetworkFiles(d, c);
    attachMounts(d, c);
  } catch (err) {
    if (err instanceof DaemonError) fail(err.message, 128, 'System');
    throw err;
  }

  const user = resolveUser(c.fs, c.config.User);
  // the daemon looks the user up when it writes the OCI spec: a plain error, status 125
  if ('error' in user) fail(user.error, 128, 'System');
  const u = user as Exclude<typeof user, { error: string }>;
  const env = containerEnvironment(c.config.Env ?? [], c.config.Hostname, c.config.Tty, u.home);
  const cwd = c.config.WorkingDir || '/';
  if (c.config.WorkingDir && !c.fs.stat(cwd)) c.fs.mkdir(cwd, { parents: true });

  const argv = [c.path, ...c.args];
  // a pseudo-terminal's line discipline (onlcr) turns every newline into CR LF
  const tty = (t: string) => (c.config.Tty ? t.replaceAll('\n', '\r\n') : t);
  // A TTY is a pseudo-terminal: the main process's controlling terminal, which an attach
  // types into — its line discipline turns Ctrl-C into SIGINT for the container's
  // foreground. Without -i nothing is ever typed: reading it waits (`docker run -dt
  // alpine` keeps its shell running).
  const terminal = c.config.Tty ? new Terminal() : undefined;
  const pipe = c.config.OpenStdin && !terminal ? new Pipe() : undefined;
  const stdin = terminal && c.config.OpenStdin ? terminalInput(terminal) : pipe;
  const input = terminal?.reader ?? pipe;
  const table = newProcessTable(d, c, network.ns);
  const now = () => d.instant();
  const started = table.exec(argv, {
    env,
    cwd,
    fs: c.fs,
    tty: c.config.Tty,
    terminal,
    user: { name: u.name, uid: u.uid, gid: u.gid },
    stdin: input,
    stdout: { write: (t) => c.output('stdout', tty(t), now()) },
    // a TTY has one stream: stderr arrives as stdout
    stderr: { write: (t) => c.output(c.config.Tty ? 'stdout' : 'stderr', tty(t), now()) },
  });
  if (!started.ok) {
    const { message, exitCode } = startFailure(c.path, asGoLookPath(c.fs, c.path, started.resolution));
    return fail(message, exitCode);
  }
  const proc = started.proc;

  c.running = {
    ns: network.ns,
    processes: table,
    hostPid: d.nextHostPid(),
    stdin,
    unpublish: network.unpublish,
  };
  c.pid = c.running.hostPid;
  c.status = 'running';
  c.error = '';
  c.exitCode = 0;
  c.startedAt = d.instant();
  c.finishedAt = c.finishedAt ?? undefined;
  c.hasBeenStartedBefore = true;
  if (
    c.config.Healthcheck &&
    c.config.Healthcheck.Test?.[0] !== 'NONE' &&
    (c.config.Healthcheck.Test?.length ?? 0) > 0
  ) {
    startHealthcheck(d, c);
  }
  d.containerEvent(c, 'start');
  const startWaiters = c.startWaiters;
  c.startWaiters = [];
  for (const w of startWaiters) w();

  void proc.wait().then((status) => handleExit(d, c, status));
}

export { systemError };
