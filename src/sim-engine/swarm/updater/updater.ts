/**
 * One rolling update of one service (swarmkit manager/orchestrator/update/updater.go
 * `Updater.Run`), on the cluster's clock instead of goroutines:
 *
 * 1. The slots whose tasks are dirty (updater.go isSlotDirty) are the work; none, and an
 *    update in progress is marked completed. A paused update does nothing.
 * 2. `Parallelism` workers (0: one per dirty slot) take slots in turn. A worker replaces
 *    the slot's task with a new one (desired READY): stop-first shuts the old task down
 *    and starts the new one once the old has stopped; start-first starts the new one at
 *    once and shuts the old one down when the new one runs. It waits for the new task to
 *    reach RUNNING (or later), then `Delay`, then takes the next slot.
 * 3. Tasks this update made that fail within `Monitor` of running (or before) count as
 *    failures; past `MaxFailureRatio` of the dirty slots, `FailureAction` applies: pause,
 *    or roll back (the spec goes back to PreviousSpec), never rolling back a rollback.
 * 4. After the last slot (and its Delay) it watches for one more monitoring period —
 *    `Delay + 1s` when Delay ≥ Monitor — then marks the update completed.
 *
 * Like SwarmKit's, a failure seen while the last workers finish is only judged once they
 * have (Go buffers it in the watch channel until the monitor loop reads it).
 */
import type { Service, Task, UpdateConfig, UpdateStatus } from '../../api/types/service.ts';
import type { Timer } from '../../clock.ts';
import type { StoreEvent, Tx } from '../../store/store.ts';
import type { Cluster } from '../cluster.ts';
import type { RestartSupervisor } from '../orchestrator/restart.ts';
import {
  isGlobal,
  newTask,
  NODE,
  type NodeObject,
  SERVICE,
  stateAfter,
  stateBefore,
  TASK,
} from '../orchestrator/task.ts';
import { clusterNow } from '../orchestrator/timestamp.ts';
import { isTaskDirty } from './dirty.ts';

/** Slot: the tasks of one replica slot (or one node, global), usually one. */
export type Slot = Task[];

/** api/defaults/service.go: Update and Rollback alike */
const DEFAULT_CONFIG: Required<UpdateConfig> = {
  Parallelism: 1,
  Delay: 0,
  FailureAction: 'pause',
  Monitor: 5_000_000_000,
  MaxFailureRatio: 0,
  Order: 'stop-first',
};

/** An UpdateStatus with its fields in the Engine API's order (State, StartedAt, CompletedAt, Message). */
function status(
  State: NonNullable<UpdateStatus['State']>,
  StartedAt: string | undefined,
  CompletedAt: string | undefined,
  Message: string,
): UpdateStatus {
  return { State, ...(StartedAt ? { StartedAt } : {}), ...(CompletedAt ? { CompletedAt } : {}), Message };
}

const ms = (ns: number | undefined) => Math.floor((ns ?? 0) / 1_000_000);

export class Updater {
  readonly #cluster: Cluster;
  readonly #restarts: RestartSupervisor;
  /** the service as the update started (newService) */
  readonly service: Service;
  readonly #done: () => void;
  /** task ID → when it reached RUNNING (0: not yet) */
  readonly #updatedTasks = new Map<string, number>();
  readonly #timers = new Set<Timer>();
  readonly #unwatch = new Set<() => void>();
  /** cancelled (stopChan): nothing more happens */
  #stopped = false;
  /** a failure action applied: no more slots; the busy workers finish theirs */
  #halted = false;
  #finished = false;

  // the run's state
  #config: Required<UpdateConfig> = DEFAULT_CONFIG;
  #monitorMs = 5000;
  #dirtyCount = 0;
  #queue: Slot[] = [];
  #idleWorkers = 0;
  #busyWorkers = 0;
  #phase: 'dispatch' | 'draining' | 'monitor' = 'dispatch';
  /** failures seen while draining, judged when monitoring starts */
  #buffered: Task[] = [];
  readonly #failedTasks = new Set<string>();
  #totalFailures = 0;

  constructor(cluster: Cluster, restarts: RestartSupervisor, service: Service, done: () => void) {
    this.#cluster = cluster;
    this.#restarts = restarts;
    this.service = JSON.parse(JSON.stringify(service)) as Service;
    this.#done = done;
  }

  /** Cancel: stop at once; what was written stays. */
  cancel(): void {
    this.#stopped = true;
    this.#finish();
  }

  #finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    for (const t of this.#timers) this.#cluster.clock.cancel(t);
    this.#timers.clear();
    for (const u of this.#unwatch) u();
    this.#unwatch.clear();
    this.#done();
  }

  #after(delayMs: number, fn: () => void): void {
    const t = this.#cluster.clock.after(delayMs, () => {
      this.#timers.delete(t);
      if (!this.#stopped) fn();
    });
    this.#timers.add(t);
  }

  #watch(fn: (events: readonly StoreEvent[]) => void): () => void {
    const off = this.#cluster.store.watch((events) => {
      if (!this.#stopped) fn(events);
    });
    const u = () => {
      off();
      this.#unwatch.delete(u);
    };
    this.#unwatch.add(u);
    return u;
  }

  /** Run: update `slots` (the service's runnable slots) to the service's spec. */
  run(slots: readonly Slot[]): void {
    const service = this.service;
    const status = service.UpdateStatus?.State;
    if (status === 'paused' || status === 'rollback_paused') return this.#finish();
    const dirty = slots.filter((s) => this.#isSlotDirty(s));
    if (dirty.length === 0) {
      if (status === 'updating' || status === 'rollback_started') this.#complete();
      return this.#finish();
    }
    if (!service.UpdateStatus) this.#start();
    const rollback = status === 'rollback_started';
    const config = {
      ...DEFAULT_CONFIG,
      ...(rollback ? service.Spec.RollbackConfig : service.Spec.UpdateConfig),
    };
    this.#config = config;
    this.#monitorMs = ms(config.Monitor || DEFAULT_CONFIG.Monitor);
    this.#dirtyCount = dirty.length;
    this.#queue = [...dirty];
    this.#idleWorkers = config.Parallelism || dirty.length;
    if (config.FailureAction !== 'continue') {
      this.#watch((events) => {
        for (const e of events) {
          if (e.kind !== TASK || e.action !== 'update') continue;
          const t = e.object as Task;
          if (t.ServiceID !== service.ID || !stateAfter(t.Status.State, 'running')) continue;
          if (this.#halted) continue;
          if (this.#phase === 'draining') this.#buffered.push(t);
          else if (this.#failureTriggersAction(t)) this.#halt();
        }
      });
    }
    this.#pump();
  }

  /** Hand slots to idle workers; when every slot is handed and every worker idle, monitor. */
  #pump(): void {
    if (this.#stopped) return;
    while (this.#phase === 'dispatch' && this.#idleWorkers > 0 && this.#queue.length > 0) {
      const slot = this.#queue.shift()!;
      this.#idleWorkers--;
      this.#busyWorkers++;
      this.#work(slot, () => {
        this.#busyWorkers--;
        this.#idleWorkers++;
        this.#pump();
      });
    }
    if (this.#phase === 'dispatch' && this.#queue.length === 0) this.#phase = 'draining';
    if (this.#phase !== 'draining' || this.#busyWorkers > 0) return;
    if (this.#halted) this.#finish();
    else this.#monitor();
  }

  /** A failure action applied: the slots loop stops; workers finish their slot; no completion. */
  #halt(): void {
    this.#halted = true;
    this.#queue = [];
    this.#buffered = [];
    this.#phase = 'draining';
    // in the monitor period no worker is busy: finishing cancels its timer
    if (this.#busyWorkers === 0) this.#finish();
  }

  #monitor(): void {
    this.#phase = 'monitor';
    let period = this.#monitorMs;
    const delay = ms(this.#config.Delay);
    if (delay >= period) period = delay + 1000;
    for (const t of this.#buffered.splice(0)) {
      if (this.#failureTriggersAction(t)) return this.#halt();
    }
    this.#after(period, () => {
      this.#complete();
      this.#finish();
    });
  }

  /** worker: one slot, then Delay. */
  #work(slot: Slot, next: () => void): void {
    let running: Task | undefined;
    let clean: Task | undefined;
    for (const t of slot) {
      if (this.#isTaskDirty(t)) continue;
      if (t.DesiredState === 'running') {
        running = t;
        break;
      }
      if (stateBefore(t.DesiredState, 'running')) clean = t;
    }
    const afterSlot = () => {
      const delay = ms(this.#config.Delay);
      if (delay !== 0) this.#after(delay, next);
      else next();
    };
    const existing = running ?? clean;
    if (existing) return this.#useExistingTask(slot, existing, afterSlot);
    const global = isGlobal(this.service);
    const updated = newTask(
      this.#cluster,
      this.service,
      slot[0]!.Slot ?? 0,
      global ? (slot[0]!.NodeID ?? '') : '',
    );
    updated.DesiredState = 'ready';
    this.#updateTask(slot, updated, afterSlot);
  }

  #updateTask(slot: Slot, updated: Task, next: () => void): void {
    this.#updatedTasks.set(updated.ID, 0);
    const startFirst = this.#config.Order === 'start-first';
    let waiting = true;
    // wait for the new task to come up (watch first, so no event is missed)
    const unwatch = this.#watch((events) => {
      if (waiting) return;
      for (const e of events) {
        if (e.kind !== TASK || e.action !== 'update' || e.object.ID !== updated.ID) continue;
        const t = e.object as Task;
        if (stateBefore(t.Status.State, 'running')) continue;
        this.#updatedTasks.set(t.ID, this.#cluster.clock.now());
        unwatch();
        if (startFirst && t.Status.State === 'running')
          this.#cluster.store.update((tx) => this.#removeOldTasks(tx, slot));
        return next();
      }
    });
    const ok = this.#cluster.store.update((tx) => {
      if (!tx.get<Service>(SERVICE, updated.ServiceID ?? '')) return false; // service was deleted
      tx.create(TASK, updated);
      const started = () => {
        waiting = false;
      };
      if (startFirst) this.#restarts.delayStart(tx, undefined, updated.ID, 0, false, started);
      else {
        const old = this.#removeOldTasks(tx, slot);
        this.#restarts.delayStart(tx, old?.ID, updated.ID, 0, true, started);
      }
      return true;
    });
    if (!ok) unwatch();
  }

  #useExistingTask(slot: Slot, existing: Task, next: () => void): void {
    const remove = slot.filter((t) => t.ID !== existing.ID);
    if (remove.length === 0 && existing.DesiredState === 'running') return next();
    let started = false;
    this.#cluster.store.update((tx) => {
      const old = remove.length ? this.#removeOldTasks(tx, remove) : undefined;
      if (existing.DesiredState !== 'running')
        this.#restarts.delayStart(tx, old?.ID, existing.ID, 0, true, () => {
          if (!this.#stopped) next();
        });
      else started = true;
    });
    if (started) next();
  }

  /** removeOldTasks: desired SHUTDOWN for the slot's tasks still meant to run; returns one. */
  #removeOldTasks(tx: Tx, tasks: readonly Task[]): Task | undefined {
    let removed: Task | undefined;
    for (const original of tasks) {
      if (stateAfter(original.DesiredState, 'running')) continue;
      const t = tx.get<Task>(TASK, original.ID);
      if (!t || stateAfter(t.DesiredState, 'running')) continue;
      t.DesiredState = 'shutdown';
      tx.update(TASK, t);
      removed = original;
    }
    return removed;
  }

  #failureTriggersAction(failed: Task): boolean {
    if (this.#failedTasks.has(failed.ID)) return false;
    const startedAt = this.#updatedTasks.get(failed.ID);
    if (startedAt === undefined) return false;
    if (startedAt !== 0 && this.#cluster.clock.now() - startedAt > this.#monitorMs) return false;
    this.#failedTasks.add(failed.ID);
    this.#totalFailures++;
    if (this.#totalFailures / this.#dirtyCount <= (this.#config.MaxFailureRatio ?? 0)) return false;
    switch (this.#config.FailureAction) {
      case 'pause':
        this.#pause(`update paused due to failure or early termination of task ${failed.ID}`);
        return true;
      case 'rollback':
        // never roll back a rollback
        if (this.service.UpdateStatus?.State === 'rollback_started') {
          this.#pause(`rollback paused due to failure or early termination of task ${failed.ID}`);
          return true;
        }
        this.#rollback(`update rolled back due to failure or early termination of task ${failed.ID}`);
        return true;
      default:
        return false;
    }
  }

  #isTaskDirty(t: Task): boolean {
    const node = t.NodeID ? this.#cluster.store.get<NodeObject>(NODE, t.NodeID) : undefined;
    return isTaskDirty(this.service, t, node);
  }

  #isSlotDirty(slot: Slot): boolean {
    return slot.length > 1 || (slot.length === 1 && this.#isTaskDirty(slot[0]!));
  }

  /** Change the stored service's UpdateStatus (the updater's one field of a service). */
  #setStatus(change: (s: Service) => boolean): void {
    this.#cluster.store.update((tx) => {
      const s = tx.get<Service>(SERVICE, this.service.ID);
      if (s && change(s)) tx.update(SERVICE, s);
    });
  }

  #start(): void {
    this.#setStatus((s) => {
      if (s.UpdateStatus) return false;
      s.UpdateStatus = status('updating', clusterNow(this.#cluster), undefined, 'update in progress');
      return true;
    });
  }

  #pause(message: string): void {
    this.#setStatus((s) => {
      const u = s.UpdateStatus;
      if (!u) return false; // the service was updated since
      const state = u.State === 'rollback_started' ? 'rollback_paused' : 'paused';
      s.UpdateStatus = status(state, u.StartedAt, u.CompletedAt, message);
      return true;
    });
  }

  #rollback(message: string): void {
    this.#setStatus((s) => {
      const u = s.UpdateStatus;
      if (!u) return false;
      // "cannot roll back service because no previous spec is available": nothing is written
      if (!s.PreviousSpec) return false;
      s.UpdateStatus = status('rollback_started', u.StartedAt, u.CompletedAt, message);
      s.Spec = s.PreviousSpec;
      delete s.PreviousSpec;
      return true;
    });
  }

  #complete(): void {
    this.#setStatus((s) => {
      const u = s.UpdateStatus;
      if (!u) return false; // the service was changed since
      const now = clusterNow(this.#cluster);
      s.UpdateStatus =
        u.State === 'rollback_started'
          ? status('rollback_completed', u.StartedAt, now, 'rollback completed')
          : status('completed', u.StartedAt, now, 'update completed');
      return true;
    });
  }
}
