/**
 * A container as the daemon keeps it: its configuration (as created), its state
 * machine, and — while it exists — the pieces that make it run: a root file system
 * over its image, a network namespace and a PID namespace.
 *
 * State moves created → running ⇄ paused, running → exited (→ restarting → running),
 * any → removing → gone; `dead` is not reached by the simulation.
 */
import type {
  ContainerConfig,
  ContainerState,
  EndpointSettings,
  HostConfig,
  MountPoint,
  PortMap,
} from '../api/types/container.ts';
import type { OverlayFs } from '../fs/overlay-fs.ts';
import type { FileSystem } from '../fs/types.ts';
import type { NetNamespace } from '../network/namespace.ts';
import type { Timer } from '../clock.ts';
import type { ProcessTable } from '../process/kernel.ts';
import type { Instant } from './instant.ts';
import type { DependencyFile, MountPlan } from './mounts.ts';
import { rfc3339Nano, ZERO_TIME } from './instant.ts';

export interface LogEntry {
  stream: 'stdout' | 'stderr';
  /** one line including its `\n`, or a final partial line */
  text: string;
  time: Instant;
}

/** Anything that wants the container's output as it happens (attach, logs -f). */
export type OutputSubscriber = (entry: LogEntry) => void;

/** A chunk of output as the process wrote it (attach shows prompts without newlines). */
export type RawSubscriber = (stream: 'stdout' | 'stderr', text: string) => void;

export type Status = ContainerState['Status'];

export interface HealthState {
  status: 'starting' | 'healthy' | 'unhealthy';
  failingStreak: number;
  log: { start: Instant; end: Instant; exitCode: number; output: string }[];
}

/** The running parts of a started container (absent when it is not running). */
export interface Running {
  ns: NetNamespace;
  /** the container's PID namespace */
  processes: ProcessTable;
  /** main process pid as the host sees it */
  hostPid: number;
  /** write end of the main process's stdin, when OpenStdin */
  stdin?: { write(text: string): void; close(): void };
  /** close the published ports */
  unpublish: () => void;
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
  /** where each mount's files come from (volumes, host paths, tmpfs) */
  mountPlans: MountPlan[] = [];
  /**
   * A swarm task's secrets and configs, as its node's agent gives them (moby's
   * SecretReferences and ConfigReferences with their dependency store): files a start
   * puts on a tmpfs and binds read-only at their targets.
   */
  dependencyFiles: DependencyFile[] = [];
  /** networks joined, by network name, with the endpoint (IP filled while running) */
  networks = new Map<string, EndpointSettings>();
  /** NetworkSettings.Ports while running: exposed ports and their host bindings */
  ports: PortMap = {};
  sandboxId = '';

  logs: LogEntry[] = [];
  /** new log lines (logs -f) */
  readonly subscribers = new Set<OutputSubscriber>();
  /** raw output chunks (attach) */
  readonly rawSubscribers = new Set<RawSubscriber>();
  /** the unfinished last line of each stream, waiting for its newline */
  readonly #partial = { stdout: '', stderr: '' };
  /** the restart manager's backoff (ms) and its own count of restarts */
  restartTimeout = 0;
  restartManagerCount = 0;
  /** ExitOnNext: the next exit does not restart (set by stop and kill, cleared by a start) */
  restartCanceled = false;
  readonly execIds = new Set<string>();

  /** the container's root as its processes see it (image layers + writable layer + mounts) */
  fs: FileSystem;
  /** the root without mounts: image layers and the writable layer (`docker diff`, `commit`) */
  rootfs: OverlayFs;
  running: Running | undefined;
  restartTimer: Timer | undefined;
  /** resolved when the current run ends, with the exit status */
  exitWaiters: ((status: number) => void)[] = [];
  removeWaiters: (() => void)[] = [];
  /** resolved when the container next starts running */
  startWaiters: (() => void)[] = [];

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
    rootfs: OverlayFs;
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

  /**
   * Output from the container's main process: attached clients get it as written;
   * the json-file log gets it a line at a time (a final partial line at exit).
   */
  output(stream: 'stdout' | 'stderr', text: string, time: Instant): void {
    for (const s of this.rawSubscribers) s(stream, text);
    let buffered = this.#partial[stream] + text;
    let nl = buffered.indexOf('\n');
    while (nl >= 0) {
      this.#log({ stream, text: buffered.slice(0, nl + 1), time });
      buffered = buffered.slice(nl + 1);
      nl = buffered.indexOf('\n');
    }
    this.#partial[stream] = buffered;
  }

  /** The process ended: what is left of an unfinished line goes to the log. */
  flushOutput(time: Instant): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.#partial[stream]) this.#log({ stream, text: this.#partial[stream], time });
      this.#partial[stream] = '';
    }
  }

  #log(entry: LogEntry): void {
    this.logs.push(entry);
    for (const s of this.subscribers) s(entry);
  }
}
