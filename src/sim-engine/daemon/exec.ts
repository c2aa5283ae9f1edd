/**
 * `docker exec` (moby daemon/exec.go): an exec instance is created against a running
 * container, started once in the container's namespaces with the container's
 * environment plus its own, and keeps its exit code for `GET /exec/{id}/json`.
 */
import { AsyncQueue } from '../api/stream.ts';
import type { StreamFrame } from '../api/transport.ts';
import type { ExecConfig, ExecInspect } from '../api/types/container.ts';
import { conflict, notFound } from '../errdefs.ts';
import { Pipe } from '../process/streams.ts';
import { Terminal, terminalInput } from '../process/terminal.ts';
import { copyInput, execDetachKeys } from './attach-input.ts';
import type { Reader } from '../process/types.ts';
import { asGoLookPath, execStartFailure } from '../runtime/oci-errors.ts';
import type { Container } from './container.ts';
import type { Daemon } from './daemon.ts';
import type { ExecRecord } from './exec-record.ts';
import { containerEnvironment, resolveUser } from './user.ts';

/** getActiveContainer: the paused error names the container as the client did. */
function checkRunning(c: Container, asGiven: string): void {
  if (!c.isRunning) throw conflict(`container ${c.id} is not running`);
  if (c.isPaused) throw conflict(`Container ${asGiven} is paused, unpause the container before exec`);
  if (c.status === 'restarting')
    throw conflict(`Container ${c.id} is restarting, wait until the container is running`);
}

export function execCreate(d: Daemon, c: Container, config: ExecConfig, asGiven: string): string {
  checkRunning(c, asGiven);
  const detachKeys = execDetachKeys(config.DetachKeys ?? '');
  const id = d.random.hex(64);
  const record: ExecRecord = {
    id,
    containerId: c.id,
    config,
    detachKeys,
    running: false,
    exitCode: null,
    pid: 0,
    started: false,
  };
  d.execs.set(id, record);
  c.execIds.add(id);
  d.containerEvent(c, `exec_create: ${config.Cmd.join(' ')}`, { execID: id });
  return id;
}

export function getExec(d: Daemon, id: string): ExecRecord {
  const e = d.execs.get(id);
  if (!e) throw notFound(`No such exec instance: ${id}`);
  return e;
}

/** Start an exec; the returned stream ends when the process does (empty when detached). */
export function execStart(
  d: Daemon,
  record: ExecRecord,
  options: { detach: boolean; tty: boolean; stdin?: Reader },
): AsyncQueue<StreamFrame> {
  const c = d.containers.get(record.containerId);
  if (!c) throw notFound(`No such container: ${record.containerId}`);
  if (record.started) throw conflict(`Error: Exec command ${record.id} has already run`);
  checkRunning(c, c.id);
  record.started = true;
  const queue = new AsyncQueue<StreamFrame>();
  const cfg = record.config;
  const tty = cfg.Tty ?? options.tty;
  const userSpec = cfg.User || c.config.User;
  const user = resolveUser(c.fs, userSpec);
  const env = containerEnvironment(
    [...(c.config.Env ?? []), ...(cfg.Env ?? [])],
    c.config.Hostname,
    tty,
    'error' in user ? '/root' : user.home,
  );
  const cwd = cfg.WorkingDir || c.config.WorkingDir || '/';
  const attached = !options.detach;
  // with a TTY the process gets a pseudo-terminal of its own (Ctrl-C typed into it
  // interrupts what the exec runs); without -i nothing is typed into it
  const terminal = tty ? new Terminal() : undefined;
  const typed = attached && cfg.AttachStdin && options.stdin;
  const pipe = typed && !terminal ? new Pipe() : undefined;
  const stdin = typed && terminal ? terminalInput(terminal) : pipe;
  const out = (stream: 1 | 2) => ({
    write: (text: string) => {
      if (attached && (stream === 1 ? cfg.AttachStdout !== false : cfg.AttachStderr !== false)) {
        // a pseudo-terminal's line discipline (onlcr) turns every newline into CR LF
        queue.push({ stream: tty ? 1 : stream, data: tty ? text.replaceAll('\n', '\r\n') : text });
      }
    },
  });
  d.containerEvent(c, `exec_start: ${cfg.Cmd.join(' ')}`, { execID: record.id });
  if ('error' in user) {
    // the daemon looks the user up before the runtime: its plain error, status 126
    queue.push({ stream: 1, data: `${user.error}\r\n` });
    record.exitCode = 126;
    queue.close();
    return queue;
  }
  const started = c.running!.processes.exec(cfg.Cmd, {
    env,
    cwd,
    fs: c.fs,
    tty,
    terminal,
    user: { name: user.name, uid: user.uid, gid: user.gid },
    stdin: terminal?.reader ?? pipe,
    stdout: out(1),
    stderr: out(2),
  });
  if (!started.ok) {
    const name = cfg.Cmd[0] ?? '';
    const { message, exitCode } = execStartFailure(name, asGoLookPath(c.fs, name, started.resolution));
    if (attached) queue.push({ stream: 1, data: `${message}\r\n` });
    record.exitCode = exitCode;
    d.containerEvent(c, 'exec_die', { execID: record.id, exitCode: String(exitCode) });
    queue.close();
    return queue;
  }
  record.running = true;
  record.pid = d.nextHostPid();
  if (stdin && options.stdin)
    void copyInput(options.stdin, {
      tty,
      keys: record.detachKeys,
      closeStdin: true,
      attach: queue,
      target: () => stdin,
      detached: () => d.containerEvent(c, 'exec_detach', { execID: record.id }),
    });
  record.stdin = stdin;
  void started.proc.wait().then((status) => {
    record.running = false;
    record.exitCode = status;
    d.containerEvent(c, 'exec_die', { execID: record.id, exitCode: String(status) });
    queue.close();
  });
  if (!attached) queue.close();
  return queue;
}

export function execInspect(d: Daemon, record: ExecRecord): ExecInspect {
  const cfg = record.config;
  return {
    ID: record.id,
    Running: record.running,
    ExitCode: record.exitCode,
    ProcessConfig: {
      tty: cfg.Tty ?? false,
      entrypoint: cfg.Cmd[0] ?? '',
      arguments: cfg.Cmd.slice(1),
      privileged: cfg.Privileged ?? false,
      ...(cfg.User ? { user: cfg.User } : {}),
    },
    OpenStdin: cfg.AttachStdin ?? false,
    OpenStderr: cfg.AttachStderr ?? false,
    OpenStdout: cfg.AttachStdout ?? false,
    CanRemove: false,
    ContainerID: record.containerId,
    DetachKeys: cfg.DetachKeys ?? '',
    Pid: record.pid,
  };
}
