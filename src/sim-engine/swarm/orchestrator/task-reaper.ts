/**
 * The task reaper (swarmkit manager/orchestrator/taskreaper/task_reaper.go): keeps at
 * most TaskHistoryRetentionLimit tasks per slot (replicated) or per node (global) —
 * the current one included, oldest terminal ones deleted first; MaxAttempts+1 when the
 * restart policy sets MaxAttempts — and deletes tasks with desired state REMOVE once
 * they have stopped (or never got a node). It works in batches every 250 ms. Deleting
 * a task is what makes its node's agent remove the container.
 */
import type { Service, Task } from '../../api/types/service.ts';
import type { Timer } from '../../clock.ts';
import type { StoreEvent } from '../../store/store.ts';
import type { Cluster } from '../cluster.ts';
import { isGlobal, isReplicated, SERVICE, stateAfter, stateBefore, taskHistoryLimit, TASK } from './task.ts';
import { compareStamps } from './timestamp.ts';

const REAPER_BATCHING_INTERVAL = 250;

export class TaskReaper {
  readonly #cluster: Cluster;
  readonly #dirty = new Map<string, { serviceId: string; slot: number; nodeId: string }>();
  readonly #cleanup = new Set<string>();
  #timer: Timer | undefined;
  #unwatch: (() => void) | undefined;

  constructor(cluster: Cluster) {
    this.#cluster = cluster;
  }

  start(): void {
    this.#unwatch = this.#cluster.store.watch((events) => this.#onEvents(events));
    // on start, every task with desired REMOVE that may go, and every slot, is looked at
    for (const t of this.#cluster.store.find<Task>(TASK)) {
      this.#markDirty(t);
      this.#maybeCleanup(t);
    }
    this.#kick();
  }

  stop(): void {
    this.#unwatch?.();
    this.#cluster.clock.cancel(this.#timer);
  }

  #markDirty(t: Task): void {
    const key = `${t.ServiceID}/${t.Slot ?? 0}/${t.NodeID ?? ''}`;
    this.#dirty.set(key, { serviceId: t.ServiceID ?? '', slot: t.Slot ?? 0, nodeId: t.NodeID ?? '' });
  }

  #maybeCleanup(t: Task): void {
    if (
      t.DesiredState === 'remove' &&
      (stateBefore(t.Status.State, 'assigned') || stateAfter(t.Status.State, 'running'))
    )
      this.#cleanup.add(t.ID);
  }

  #onEvents(events: readonly StoreEvent[]): void {
    let any = false;
    for (const e of events) {
      if (e.kind !== TASK) continue;
      const t = e.object as Task;
      if (e.action === 'create') {
        this.#markDirty(t);
        any = true;
      } else if (e.action === 'update') {
        const before = this.#cleanup.size;
        this.#maybeCleanup(t);
        any ||= this.#cleanup.size !== before;
      }
    }
    if (any) this.#kick();
  }

  #kick(): void {
    if (this.#timer) return;
    this.#timer = this.#cluster.clock.after(REAPER_BATCHING_INTERVAL, () => {
      this.#timer = undefined;
      this.#tick();
    });
  }

  #tick(): void {
    const store = this.#cluster.store;
    const remove = new Set<string>(this.#cleanup);
    this.#cleanup.clear();
    const defaultLimit = taskHistoryLimit(this.#cluster);
    for (const [key, dirty] of this.#dirty) {
      const service = store.get<Service>(SERVICE, dirty.serviceId);
      if (!service) {
        this.#dirty.delete(key);
        continue;
      }
      let limit = defaultLimit;
      const maxAttempts = service.Spec.TaskTemplate?.RestartPolicy?.MaxAttempts ?? 0;
      if (maxAttempts > 0) limit = maxAttempts + 1;
      if (limit < 0) {
        this.#dirty.delete(key);
        continue;
      }
      let history: Task[] = [];
      if (isReplicated(service))
        history = store.find<Task>(
          TASK,
          (t) => t.ServiceID === dirty.serviceId && (t.Slot ?? 0) === dirty.slot,
        );
      else if (isGlobal(service))
        history = store.find<Task>(TASK, (t) => t.ServiceID === dirty.serviceId && t.NodeID === dirty.nodeId);
      if (history.length <= limit) {
        this.#dirty.delete(key);
        continue;
      }
      // oldest first (TasksByTimestamp: the status timestamp)
      history.sort((a, b) => compareStamps(a.Status.Timestamp, b.Status.Timestamp));
      let running = 0;
      for (const t of history) {
        if (
          stateAfter(t.Status.State, 'running') ||
          (stateBefore(t.Status.State, 'assigned') && stateAfter(t.DesiredState, 'running'))
        ) {
          remove.add(t.ID);
          limit++;
          if (history.length <= limit) break;
        } else running++;
      }
      if (running <= 1) this.#dirty.delete(key);
    }
    if (remove.size === 0) return;
    store.update((tx) => {
      for (const id of remove) if (tx.get(TASK, id)) tx.delete(TASK, id);
    });
  }
}
