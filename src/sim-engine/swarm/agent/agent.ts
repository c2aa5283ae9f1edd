/**
 * A node's agent (swarmkit agent/ + agent/exec/controller.go `Do`, with moby's
 * container executor): it watches the store for tasks assigned to its node and moves
 * each along the task state machine on the node's own daemon — ASSIGNED → ACCEPTED →
 * PREPARING (pull if missing, create the container) → READY → STARTING (start it) →
 * RUNNING → COMPLETE or FAILED when the container exits; a fatal error before
 * STARTING gives REJECTED. A task whose desired state is SHUTDOWN or later has its
 * container stopped; a task deleted from the store has its container removed. Tasks
 * held at desired READY (a delayed restart) stop at READY. The agent writes only the
 * Status of its own node's tasks, one step at a time, never backwards.
 */
import type { ContainerStatus, Service, Task, TaskState, TaskStatus } from '../../api/types/service.ts';
import type { Clock } from '../../clock.ts';
import type { Container } from '../../daemon/container.ts';
import { containerCreate } from '../../daemon/create.ts';
import type { Daemon } from '../../daemon/daemon.ts';
import { containerRemove } from '../../daemon/delete.ts';
import { containerStart } from '../../daemon/start.ts';
import { containerStop } from '../../daemon/stop.ts';
import { parseNormalizedNamed } from '../../images/reference.ts';
import { planRefAsync, pullImage } from '../../daemon/images/pull.ts';
import type { StoreEvent } from '../../store/store.ts';
import type { Cluster } from '../cluster.ts';
import { SERVICE, stateAfter, stateBefore, TASK } from '../orchestrator/task.ts';
import { clusterNow } from '../orchestrator/timestamp.ts';
import { RoutingMesh } from '../networking/mesh.ts';
import { portStatus, releaseTaskNetworks, taskNetworking } from '../networking/task-networks.ts';
import { taskFiles } from '../secrets/task-files.ts';
import { containerName, createRequest } from './container-config.ts';

/** How long each step takes on the clock (dispatcher delivery, create, start). */
const STEP_MS: Partial<Record<TaskState, number>> = {
  assigned: 20, // → accepted: the dispatcher's assignment reaches the node
  accepted: 5, // → preparing
  preparing: 150, // → ready: the container is created (a pull adds its own time)
  ready: 5, // → starting
  starting: 250, // → running: the process starts
};

class FatalError extends Error {
  readonly exitCode: number | undefined;
  constructor(message: string, exitCode?: number) {
    super(message);
    this.exitCode = exitCode;
  }
}

interface Worker {
  busy: boolean;
  again: boolean;
  containerId?: string;
  /**
   * The container as its last `die` left it (no PID, its exit code): the executor's
   * ContainerWait and inspect see it so even when it is removed right after (`docker rm
   * -f`), before the task's next step could look.
   */
  died?: ContainerStatus;
}

export class Agent {
  readonly #cluster: Cluster;
  readonly #nodeId: string;
  readonly #daemon: Daemon;
  readonly #clock: Clock;
  readonly #workers = new Map<string, Worker>();
  #unwatch: (() => void) | undefined;
  #unsubscribe: (() => void) | undefined;
  /** the node's part of the ingress routing mesh: published ports answer here */
  #mesh: RoutingMesh | undefined;
  #stopped = false;

  constructor(cluster: Cluster, nodeId: string, daemon: Daemon) {
    this.#cluster = cluster;
    this.#nodeId = nodeId;
    this.#daemon = daemon;
    this.#clock = cluster.clock;
  }

  start(): void {
    this.#mesh = new RoutingMesh(this.#cluster, this.#daemon);
    this.#mesh.start();
    this.#unwatch = this.#cluster.store.watch((events) => this.#onEvents(events));
    // a container's exit moves its task on
    this.#unsubscribe = this.#daemon.events.subscribe((e) => {
      if (e.message.Type !== 'container' || e.message.Action !== 'die') return;
      const taskId = e.message.Actor.Attributes['com.docker.swarm.task.id'];
      const w = taskId ? this.#workers.get(taskId) : undefined;
      if (!taskId || !w) return;
      const code = Number(e.message.Actor.Attributes['exitCode']);
      if (Number.isInteger(code)) w.died = { ContainerID: e.message.Actor.ID, PID: 0, ExitCode: code };
      this.#kick(taskId, 0);
    });
    const mine = this.#cluster.store.find<Task>(TASK, (x) => x.NodeID === this.#nodeId);
    this.#replayLocalTasks(mine);
    for (const t of mine) this.#kick(t.ID, 0);
  }

  /**
   * An agent that starts on a node that ran tasks before (its machine stopped and booted)
   * first reconciles them from its own task database (swarmkit agent/worker.go Init:
   * the tasks it stored, with the desired state it last knew), against the containers as
   * they are now: a task it ran whose container is dead — killed with the machine — is
   * reported FAILED (`task: non-zero exit (255)`, the code the daemon's restore gave the
   * container) before the manager's newer desired state reaches it. Seen on a real node
   * killed and booted again (test/fidelity/multi, 03): `Shutdown Failed`, not `Shutdown`.
   */
  #replayLocalTasks(tasks: readonly Task[]): void {
    for (const t of tasks) {
      const c = [...this.#daemon.containers.values()].find(
        (x) => x.config.Labels?.['com.docker.swarm.task.id'] === t.ID,
      );
      if (!c) continue;
      this.#workers.set(t.ID, { busy: false, again: false, containerId: c.id });
      if (t.Status.State !== 'running' || c.isRunning || c.status === 'restarting') continue;
      if (c.exitCode === 0) this.#write(t, { State: 'complete', Message: 'finished' });
      else
        this.#write(t, {
          State: 'failed',
          Message: t.Status.Message,
          Err: `task: non-zero exit (${c.exitCode})`,
          exitCode: c.exitCode,
        });
    }
  }

  stop(): void {
    this.#stopped = true;
    this.#mesh?.stop();
    this.#unwatch?.();
    this.#unsubscribe?.();
  }

  /**
   * The node leaves the swarm (swarmkit Agent.Leave: `worker.Assign(nil)` closes every
   * task manager and removes its task's container, and Leave waits for them all). Every
   * task the agent holds — running or finished, as long as the manager still keeps it —
   * loses its container; no status is reported any more. The controller's Remove shuts
   * the container down first, but its context is already cancelled, so the stop signal
   * is followed at once by SIGKILL (a real node logs `kill` with the stop signal, `kill`
   * 9, `die`, `stop`, `destroy` within half a second, whatever the grace period).
   */
  async leave(): Promise<void> {
    this.stop();
    const tasks = [...this.#workers.entries()];
    this.#workers.clear();
    await Promise.all(
      tasks.map(async ([taskId, w]) => {
        const c = this.#containerOf(taskId, w);
        if (!c) return;
        if (c.isRunning) await containerStop(this.#daemon, c, { timeout: 0 }).catch(() => {});
        if (this.#daemon.containers.has(c.id))
          await containerRemove(this.#daemon, c, { force: true, removeVolumes: false }).catch(() => {});
        const t = this.#cluster.store.get<Task>(TASK, taskId);
        if (t) releaseTaskNetworks(this.#cluster, this.#nodeId, this.#daemon, t);
      }),
    );
  }

  /** The task's container on this node: the one the agent made, or the one carrying its label. */
  #containerOf(taskId: string, w: Worker): Container | undefined {
    if (w.containerId) return this.#daemon.containers.get(w.containerId);
    return [...this.#daemon.containers.values()].find(
      (c) => c.config.Labels?.['com.docker.swarm.task.id'] === taskId,
    );
  }

  #onEvents(events: readonly StoreEvent[]): void {
    for (const e of events) {
      if (e.kind !== TASK) continue;
      const t = e.object as Task;
      if (t.NodeID !== this.#nodeId) continue;
      if (e.action === 'delete') this.#removed(t);
      else this.#kick(t.ID, STEP_MS[t.Status.State ?? 'new'] ?? 0);
    }
  }

  #kick(taskId: string, delay: number): void {
    let w = this.#workers.get(taskId);
    if (!w) this.#workers.set(taskId, (w = { busy: false, again: false }));
    if (w.busy) {
      w.again = true;
      return;
    }
    w.busy = true;
    this.#clock.after(delay, () => void this.#run(taskId, w));
  }

  async #run(taskId: string, w: Worker): Promise<void> {
    try {
      if (!this.#stopped) await this.#step(taskId, w);
    } finally {
      w.busy = false;
      if (w.again && this.#workers.get(taskId) === w) {
        w.again = false;
        const t = this.#cluster.store.get<Task>(TASK, taskId);
        if (t) this.#kick(taskId, STEP_MS[t.Status.State ?? 'new'] ?? 0);
      }
    }
  }

  /** exec.Do: one transition of the task, written to the store. */
  async #step(taskId: string, w: Worker): Promise<void> {
    const t = this.#cluster.store.get<Task>(TASK, taskId);
    if (!t || t.NodeID !== this.#nodeId) return;
    const state = t.Status.State ?? 'new';
    const desired = t.DesiredState ?? 'running';
    try {
      if (!stateBefore(desired, 'shutdown')) {
        if (!stateBefore(state, 'complete')) return;
        await this.#shutdown(t, w);
        return this.#write(t, { State: 'shutdown', Message: 'shutdown' });
      }
      if (stateAfter(state, desired)) return;
      switch (state) {
        case 'preparing':
          await this.#prepare(t, w);
          return this.#write(t, { State: 'ready', Message: 'prepared' });
        case 'starting':
          this.#start(t, w);
          return this.#write(t, { State: 'running', Message: 'started' });
        case 'running': {
          const c = w.containerId ? this.#daemon.containers.get(w.containerId) : undefined;
          if (c?.isRunning || c?.status === 'restarting') return;
          // a container removed under the agent (`docker rm -f`) died first: its exit code
          const exitCode = c?.exitCode ?? w.died?.ExitCode ?? 0;
          if (exitCode !== 0) throw new FatalError(`task: non-zero exit (${exitCode})`, exitCode);
          return this.#write(t, { State: 'complete', Message: 'finished' });
        }
      }
      if (!stateBefore(state, desired)) return;
      switch (state) {
        case 'new':
        case 'pending':
        case 'assigned':
          return this.#write(t, { State: 'accepted', Message: 'accepted' });
        case 'accepted':
          return this.#write(t, { State: 'preparing', Message: 'preparing' });
        case 'ready':
          return this.#write(t, { State: 'starting', Message: 'starting' });
      }
    } catch (err) {
      // fatal: REJECTED before STARTING, FAILED from it on
      const message = err instanceof Error ? err.message : String(err);
      const exitCode = err instanceof FatalError ? err.exitCode : undefined;
      this.#write(t, {
        State: stateBefore(state, 'starting') ? 'rejected' : 'failed',
        Message: t.Status.Message,
        Err: message,
        ...(exitCode !== undefined ? { exitCode } : {}),
      });
    }
  }

  /** Prepare: pull the image if the node lacks it, then create the container. */
  async #prepare(t: Task, w: Worker): Promise<void> {
    const d = this.#daemon;
    const image = t.Spec.ContainerSpec?.Image ?? '';
    if (!hasImage(d, image)) {
      // Docker pulls and only logs a failure: the create below says what is missing
      try {
        const parsed = parseNormalizedNamed(image);
        if (parsed.ok) {
          const plan = await planRefAsync(
            d,
            parsed.ref.tag || parsed.ref.digest ? parsed.ref : { ...parsed.ref, tag: 'latest' },
          );
          for await (const _ of pullImage(d, plan)) void _;
        }
      } catch {
        // the pull error is logged by dockerd, not reported
      }
    }
    const service = this.#cluster.store.get<Service>(SERVICE, t.ServiceID ?? '');
    const old = d.findContainer(containerName(service, t));
    if (old) {
      w.containerId = old.id;
      return;
    }
    try {
      // createNetworks: the node's instances of the task's networks, before the container
      const networking = taskNetworking(this.#cluster, this.#nodeId, d, t);
      const res = containerCreate(d, containerName(service, t), createRequest(service, t, networking));
      w.containerId = res.Id;
    } catch (err) {
      throw new FatalError(err instanceof Error ? err.message : String(err));
    }
  }

  /** Start: the task's secrets and configs given to the container, then the start (controller.Start). */
  #start(t: Task, w: Worker): void {
    const c = w.containerId ? this.#daemon.containers.get(w.containerId) : undefined;
    if (!c) throw new FatalError('container not found');
    if (c.isRunning) return;
    try {
      const service = this.#cluster.store.get<Service>(SERVICE, t.ServiceID ?? '');
      c.dependencyFiles = taskFiles(this.#cluster, t, service);
      containerStart(this.#daemon, c);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      throw new FatalError(`starting container failed: ${message}`, c.exitCode || undefined);
    }
  }

  async #shutdown(t: Task, w: Worker): Promise<void> {
    const c = w.containerId ? this.#daemon.containers.get(w.containerId) : undefined;
    if (!c || !c.isRunning) return;
    const grace = t.Spec.ContainerSpec?.StopGracePeriod;
    await containerStop(this.#daemon, c, { timeout: grace !== undefined ? Math.floor(grace / 1e9) : 10 });
  }

  /** The task left the store (the reaper, or its service's removal): remove its container. */
  #removed(t: Task): void {
    const w = this.#workers.get(t.ID);
    this.#workers.delete(t.ID);
    const c = w?.containerId ? this.#daemon.containers.get(w.containerId) : undefined;
    const release = () => releaseTaskNetworks(this.#cluster, this.#nodeId, this.#daemon, t);
    if (c)
      void containerRemove(this.#daemon, c, { force: true, removeVolumes: false })
        .catch(() => {})
        .then(release);
    else release();
  }

  /** Report a new status (only forward; Status is the agent's field alone). */
  #write(t: Task, s: TaskStatus & { exitCode?: number }): void {
    this.#cluster.store.update((tx) => {
      const current = tx.get<Task>(TASK, t.ID);
      if (!current || stateBefore(s.State, current.Status.State ?? 'new')) return;
      const w = this.#workers.get(t.ID);
      const c = w?.containerId ? this.#daemon.containers.get(w.containerId) : undefined;
      const status: TaskStatus = {
        Timestamp: clusterNow(this.#cluster),
        State: s.State,
        Message: s.Message,
        ...(s.Err ? { Err: s.Err } : {}),
      };
      if (!stateBefore(s.State, 'starting') && c) {
        status.ContainerStatus = {
          ContainerID: c.id,
          PID: c.pid,
          ExitCode: s.exitCode ?? (c.isRunning ? 0 : c.exitCode),
        };
      } else if (!stateBefore(s.State, 'starting')) {
        // the container is gone: the status as it died, else the one the task last
        // reported, with the error's exit code (swarmkit agent/exec/controller.go, Do's
        // deferred container status). A real `docker rm -f` gives the dead container's
        // ID, PID 0 and 137 (test/fidelity, 43).
        const last = w?.died ?? current.Status.ContainerStatus;
        if (last) status.ContainerStatus = { ...last, ...(s.exitCode ? { ExitCode: s.exitCode } : {}) };
      }
      // parsePortStatus: the host-mode ports the container was given
      const ports = c && !stateBefore(s.State, 'running') ? portStatus(c.ports) : [];
      status.PortStatus = ports.length > 0 ? { Ports: ports } : {};
      current.Status = status;
      tx.update(TASK, current);
    });
  }
}

function hasImage(d: Daemon, image: string): boolean {
  try {
    d.images.resolve(image);
    return true;
  } catch {
    return false;
  }
}
