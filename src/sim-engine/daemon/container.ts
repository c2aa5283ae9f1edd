/**
 * A container as the daemon keeps it: its configuration (as created), its state
 * machine, and — while it exists — the pieces that make it run: a root file system
 * over its image, a network namespace and a PID namespace.
 *
 * State moves created → running ⇄ paused, running → exited (→ restarting → running),
 * any → removing → gone; `dead` is not reached by the simulation.
 */
import type { ContainerConfig, ContainerState, EndpointSettings, HostConfig, MountPoint, PortMap } from '../api/types/container.ts';
import type { FileSystem } from '../fs/types.ts';
import type { NetNamespace } from '../network/namespace.ts';
import type { Timer } from '../clock.ts';
import type { Instant } from './instant.ts';
import { rfc3339Nano, ZERO_TIME } from './instant.ts';

export interface LogEntry {
  stream: 'stdout' | 'stderr';
  /** one line including its `\n`, or a final partial line */
  text: string;
  time: Instant;
}

/** Anything that wants the container's output as it happens (attach, logs -f). */
export type OutputSubscriber = (entry: LogEntry) => void;

export type Status = ContainerState['Status'];

export interface HealthState {
  status: 'starting' | 'healthy' | 'unhealthy';
  failingStreak: number;
  log: { start: Instant; end: Instant; exitCode: number; output: string }[];
}

/** The running parts of a started container (absent when it is not running). */
export interface Running {
  ns: NetNamespace;
  /** the process table (PID namespace) of the container; typed loosely to keep layers apart */
  processes: RunningProcesses;
  /** main process pid as the host sees it */
  hostPid: number;
  /** write end of the main process's stdin, when OpenStdin */
  stdin?: { write(text: string): void; end(): void };
  /** close the published ports */
  unpublish: () => void;
}

/** What the daemon needs of a PID namespace (process/kernel's ProcessTable). */
export interface RunningProcesses {
  killAll(signal: 'SIGKILL'): void;
  freeze(): void;
  thaw(): void;
}

export class Container {
  readonly id: string;
  name: string;
  readonly created: Instant;
  readonly path: string;
  readonly args: string[];
  readonly config: ContainerConfig;
  readonly hostConfig: HostConfig;
  readonly imageId: string;
  readonly platform = 'linux';

  status: Status = 'created';
  pid = 0;
  exitCode = 0;
  error = '';
  oomKilled = false;
  startedAt: Instant | undefined;
  finishedAt: Instant | undefined;
  health: HealthState | undefined;
  restartCount = 0;
  hasBeenStartedBefore = false;
  /** stopped by `docker stop`/`kill`: restart policies (except always) hold off */
  hasBeenManuallyStopped = false;
  removalInProgress = false;

  mounts: MountPoint[] = [];
  /** networks joined, by network name, with the endpoint (IP filled while running) */
  networks = new Map<string, EndpointSettings>();
  /** NetworkSettings.Ports while running: exposed ports and their host bindings */
  ports: PortMap = {};
  sandboxId = '';

  logs: LogEntry[] = [];
  readonly subscribers = new Set<OutputSubscriber>();
  readonly execIds = new Set<string>();

  /** the container's root as its processes see it (image layers + writable layer + mounts) */
  fs: FileSystem;
  /** the writable layer alone, for `docker diff` and the size column */
  rootfs: FileSystem & { changes?: () => unknown };
  running: Running | undefined;
  restartTimer: Timer | undefined;
  /** resolved when the current run ends, with the exit status */
  exitWaiters: ((status: number) => void)[] = [];
  removeWaiters: (() => void)[] = [];

  constructor(init: {
    id: string;
    name: string;
    created: Instant;
    path: string;
    args: string[];
    config: ContainerConfig;
    hostConfig: HostConfig;
    imageId: string;
    fs: FileSystem;
    rootfs: FileSystem;
  }) {
    this.id = init.id;
    this.name = init.name;
    this.created = init.created;
    this.path = init.path;
    this.args = init.args;
    this.config = init.config;
    this.hostConfig = init.hostConfig;
    this.imageId = init.imageId;
    this.fs = init.fs;
    this.rootfs = init.rootfs;
  }

  get isRunning(): boolean {
    return this.status === 'running' || this.status === 'paused';
  }

  get isPaused(): boolean {
    return this.status === 'paused';
  }

  /** The moby State object of `docker inspect`. */
  stateView(): ContainerState {
    const state: ContainerState = {
      Status: this.removalInProgress ? 'removing' : this.status,
      Running: this.status === 'running' || this.status === 'paused',
      Paused: this.status === 'paused',
      Restarting: this.status === 'restarting',
      OOMKilled: this.oomKilled,
      Dead: this.status === 'dead',
      Pid: this.pid,
      ExitCode: this.exitCode,
      Error: this.error,
      StartedAt: this.startedAt ? rfc3339Nano(this.startedAt) : ZERO_TIME,
      FinishedAt: this.finishedAt ? rfc3339Nano(this.finishedAt) : ZERO_TIME,
    };
    if (this.health) {
      state.Health = {
        Status: this.health.status,
        FailingStreak: this.health.failingStreak,
        Log: this.health.log.map((r) => ({
          Start: rfc3339Nano(r.start),
          End: rfc3339Nano(r.end),
          ExitCode: r.exitCode,
          Output: r.output,
        })),
      };
    }
    return state;
  }

  /** Append output to the log and hand it to whoever listens. */
  emit(entry: LogEntry): void {
    this.logs.push(entry);
    for (const s of this.subscribers) s(entry);
  }
}
