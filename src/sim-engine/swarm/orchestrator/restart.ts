/**
 * The restart supervisor (swarmkit manager/orchestrator/restart/restart.go), shared by
 * the replicated and global orchestrators: a task that ended, or whose node became
 * invalid, gets desired state SHUTDOWN, and — if its restart policy allows — a
 * replacement in the same slot (or on the same node, global) created with desired
 * state READY. The replacement is promoted to RUNNING once the old task has stopped
 * and the policy's delay has passed (DelayStart), all on the cluster's clock. Restarts
 * are counted per slot for MaxAttempts within Window.
 */
import type { Service, Task } from '../../api/types/service.ts';
import type { Timer } from '../../clock.ts';
import type { Tx } from '../../store/store.ts';
import type { Cluster } from '../cluster.ts';
import {
  DEFAULT_RESTART_DELAY_NS,
  isReplicated,
  NODE,
  type NodeObject,
  newTask,
  restartCondition,
  stateAfter,
  stateBefore,
  TASK,
} from './task.ts';

interface RestartHistory {
  total: number;
  /** when each restart happened (ms), for the Window */
  times: number[];
}

interface Delayed {
  oldTaskId: string;
  newTaskId: string;
  delayMs: number;
  waitStop: boolean;
  timer?: Timer;
  /** told once the task has been started (DelayStart's channel closing) */
  started?: () => void;
}

export class RestartSupervisor {
  readonly #cluster: Cluster;
  readonly #history = new Map<string, RestartHistory>();
  readonly #delayed = new Map<string, Delayed>();
  #unwatch: (() => void) | undefined;

  constructor(cluster: Cluster) {
    this.#cluster = cluster;
  }

  start(): void {
    // the old task of a delayed start stopping (or going away) lets the delay begin
    this.#unwatch = this.#cluster.store.watch((events) => {
      for (const e of events) {
        if (e.kind !== TASK) continue;
        for (const d of this.#delayed.values()) {
          if (!d.waitStop || d.oldTaskId !== e.object.ID) continue;
          const t = e.object as Task;
          if (e.action === 'delete' || stateAfter(t.Status.State, 'running')) {
            d.waitStop = false;
            this.#arm(d);
          }
        }
      }
    });
  }

  stop(): void {
    this.#unwatch?.();
    for (const d of this.#delayed.values()) this.#cluster.clock.cancel(d.timer);
    this.#delayed.clear();
  }

  /** Restart: shut the task down and, when the policy says so, create its replacement. */
  restart(tx: Tx, service: Service, t: Task): void {
    if (stateAfter(t.DesiredState, 'complete')) return;
    t.DesiredState = 'shutdown';
    tx.update(TASK, t);
    if (!this.#shouldRestart(t)) return;
    const replacement = isReplicated(service)
      ? newTask(this.#cluster, service, t.Slot ?? 0, '')
      : newTask(this.#cluster, service, 0, t.NodeID ?? '');
    replacement.DesiredState = 'ready';
    const node = t.NodeID ? tx.get<NodeObject>(NODE, t.NodeID) : undefined;
    // Restart delay is not applied to drained nodes
    let delayNs = 0;
    if (!node || node.Spec?.Availability !== 'drain') {
      delayNs = t.Spec.RestartPolicy?.Delay ?? DEFAULT_RESTART_DELAY_NS;
    }
    // wait for the old task to stop, unless it already has or its node is down
    const waitStop = !(node?.Status?.State === 'down' || stateAfter(t.Status.State, 'running'));
    tx.create(TASK, replacement);
    this.#record(t);
    const d: Delayed = {
      oldTaskId: t.ID,
      newTaskId: replacement.ID,
      delayMs: Math.floor(delayNs / 1_000_000),
      waitStop,
    };
    this.#delayed.set(replacement.ID, d);
    if (!waitStop) this.#arm(d);
  }

  /**
   * DelayStart, as the updater uses it: start task `newTaskId` (desired READY → RUNNING)
   * after `delayMs`, and — when `waitStop` — only once `oldTaskId` has stopped or gone.
   * `started` is called after the task was started.
   */
  delayStart(
    tx: Tx,
    oldTaskId: string | undefined,
    newTaskId: string,
    delayMs: number,
    waitStop: boolean,
    started?: () => void,
  ): void {
    const old = oldTaskId ? tx.get<Task>(TASK, oldTaskId) : undefined;
    // Differs from Docker: an old task that never left PENDING is not waited for (it runs
    // nothing and, desired SHUTDOWN, would stay PENDING for ever; SwarmKit's scheduler
    // leaves it so too, but there the window is a few milliseconds, here 50)
    const stopping = old !== undefined && !stateAfter(old.Status.State, 'running');
    const d: Delayed = {
      oldTaskId: oldTaskId ?? '',
      newTaskId,
      delayMs,
      waitStop: waitStop && stopping && !stateBefore(old.Status.State, 'assigned'),
      started,
    };
    this.#cluster.clock.cancel(this.#delayed.get(newTaskId)?.timer);
    this.#delayed.set(newTaskId, d);
    if (!d.waitStop) this.#arm(d);
  }

  /** A new task to start now (StartNow): desired READY → RUNNING. */
  #arm(d: Delayed): void {
    this.#cluster.clock.cancel(d.timer);
    d.timer = this.#cluster.clock.after(d.delayMs, () => {
      this.#delayed.delete(d.newTaskId);
      this.#cluster.store.update((tx) => {
        const t = tx.get<Task>(TASK, d.newTaskId);
        if (!t || t.DesiredState !== 'ready') return;
        t.DesiredState = 'running';
        tx.update(TASK, t);
      });
      d.started?.();
    });
  }

  #key(t: Task): string {
    return `${t.ServiceID}/${t.Slot ? `slot ${t.Slot}` : `node ${t.NodeID}`}`;
  }

  /** shouldRestart: the condition, then MaxAttempts within Window. */
  #shouldRestart(t: Task): boolean {
    const condition = restartCondition(t);
    if (condition !== 'any' && (condition !== 'on-failure' || t.Status.State === 'complete')) return false;
    const max = t.Spec.RestartPolicy?.MaxAttempts ?? 0;
    if (max === 0) return true;
    const h = this.#history.get(this.#key(t));
    if (!h) return true;
    const windowNs = t.Spec.RestartPolicy?.Window ?? 0;
    if (windowNs === 0) return h.total < max;
    const since = this.#cluster.clock.now() - Math.floor(windowNs / 1_000_000);
    return h.times.filter((x) => x > since).length < max;
  }

  #record(t: Task): void {
    const key = this.#key(t);
    const h = this.#history.get(key) ?? { total: 0, times: [] };
    h.total++;
    h.times.push(this.#cluster.clock.now());
    this.#history.set(key, h);
  }

  /** A service went away: forget its restart history (ClearServiceHistory). */
  clearService(serviceId: string): void {
    for (const key of [...this.#history.keys()])
      if (key.startsWith(serviceId + '/')) this.#history.delete(key);
  }
}
