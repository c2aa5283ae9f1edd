/**
 * The jobs orchestrator (swarmkit manager/orchestrator/jobs/orchestrator.go with
 * replicated/reconciler.go and global/reconciler.go): tasks of `replicated-job` and
 * `global-job` services run to completion and are not restarted when they succeed.
 * A replicated job keeps at most MaxConcurrent tasks of its current JobIteration
 * running until TotalCompletions have completed, in slots numbered from 0; a global job
 * runs one task on every ready, active node matching its constraints. Tasks of an older
 * JobIteration (the control API bumps it on every update) are removed. A failed task is
 * restarted by its restart policy (`any` counts as `on-failure`: restart.go
 * shouldRestart), on the cluster's clock. It writes only new tasks and desired states.
 */
import type { Service, Task } from '../../api/types/service.ts';
import type { Timer } from '../../clock.ts';
import type { StoreEvent, Tx } from '../../store/store.ts';
import type { Cluster } from '../cluster.ts';
import { nodeMatches, parseConstraints } from '../scheduler/constraint.ts';
import {
  DEFAULT_RESTART_DELAY_NS,
  invalidNode,
  newTask,
  NODE,
  type NodeObject,
  restartCondition,
  SERVICE,
  stateAfter,
  TASK,
} from './task.ts';

export const isReplicatedJob = (s: Service | undefined): boolean => !!s?.Spec.Mode?.ReplicatedJob;
export const isGlobalJob = (s: Service | undefined): boolean => !!s?.Spec.Mode?.GlobalJob;
const isJob = (s: Service | undefined) => isReplicatedJob(s) || isGlobalJob(s);

export class JobsOrchestrator {
  readonly #cluster: Cluster;
  readonly #reconcile = new Set<string>();
  readonly #removed: Service[] = [];
  /** restart history per slot / node: when each restart happened (ms) */
  readonly #history = new Map<string, number[]>();
  /** tasks held at desired READY: when they may be started (ms) */
  readonly #starts = new Map<string, number>();
  #allGlobal = false;
  #timer: Timer | undefined;
  #wake: Timer | undefined;
  #unwatch: (() => void) | undefined;

  constructor(cluster: Cluster) {
    this.#cluster = cluster;
  }

  start(): void {
    this.#unwatch = this.#cluster.store.watch((events) => this.#onEvents(events));
    for (const s of this.#cluster.store.find<Service>(SERVICE, isJob)) this.#reconcile.add(s.ID);
    const now = this.#cluster.clock.now();
    for (const t of this.#cluster.store.find<Task>(
      TASK,
      (x) => !!x.JobIteration && x.DesiredState === 'ready',
    ))
      this.#starts.set(t.ID, now);
    this.#kick();
  }

  stop(): void {
    this.#unwatch?.();
    this.#cluster.clock.cancel(this.#timer);
    this.#cluster.clock.cancel(this.#wake);
  }

  #onEvents(events: readonly StoreEvent[]): void {
    for (const e of events) {
      if (e.kind === SERVICE) {
        const s = e.object as Service;
        if (!isJob(s)) continue;
        if (e.action === 'delete') this.#removed.push(s);
        else this.#reconcile.add(s.ID);
      } else if (e.kind === TASK) {
        const t = e.object as Task;
        if (!t.JobIteration || e.action === 'delete') continue;
        // orchestrator.go handleTask: a task that ended while it should still run or complete
        if (stateAfter(t.Status.State, 'running') && !stateAfter(t.DesiredState, 'complete'))
          this.#reconcile.add(t.ServiceID ?? '');
        else if (!this.#starts.has(t.ID)) continue;
      } else if (e.kind === NODE) {
        // a node came, went or changed: every global job is looked at again
        this.#allGlobal = true;
      } else continue;
      this.#kick();
    }
  }

  #kick(): void {
    if (this.#timer) return;
    this.#timer = this.#cluster.clock.after(0, () => {
      this.#timer = undefined;
      this.#tick();
    });
  }

  #tick(): void {
    const removed = this.#removed.splice(0);
    const ids = [...this.#reconcile];
    this.#reconcile.clear();
    const allGlobal = this.#allGlobal;
    this.#allGlobal = false;
    this.#cluster.store.update((tx) => {
      for (const s of removed) {
        this.#clearHistory(s.ID);
        for (const t of tx.find<Task>(TASK, (x) => x.ServiceID === s.ID)) {
          if (t.DesiredState === 'remove') continue;
          t.DesiredState = 'remove';
          tx.update(TASK, t);
        }
      }
      const services = ids.map((id) => tx.get<Service>(SERVICE, id));
      if (allGlobal) services.push(...tx.find<Service>(SERVICE, isGlobalJob));
      const done = new Set<string>();
      for (const s of services) {
        if (!s || done.has(s.ID)) continue;
        done.add(s.ID);
        if (isReplicatedJob(s)) this.#reconcileReplicated(tx, s);
        else if (isGlobalJob(s)) this.#reconcileGlobal(tx, s);
      }
      this.#startReady(tx);
    });
  }

  /** replicated/reconciler.go ReconcileService */
  #reconcileReplicated(tx: Tx, service: Service): void {
    const iteration = service.JobStatus?.JobIteration.Index ?? 0;
    const rj = service.Spec.Mode!.ReplicatedJob!;
    const maxConcurrent = rj.MaxConcurrent ?? 1;
    const total = rj.TotalCompletions ?? maxConcurrent;
    let running = 0;
    let complete = 0;
    const restart: Task[] = [];
    const slots = new Set<number>();
    for (const t of tx.find<Task>(TASK, (x) => x.ServiceID === service.ID)) {
      if (!t.JobIteration) continue;
      if (t.JobIteration.Index === iteration) {
        if (t.Status.State === 'complete') {
          complete++;
          slots.add(t.Slot ?? 0);
        } else if (!stateAfter(t.DesiredState, 'complete')) {
          running++;
          slots.add(t.Slot ?? 0);
          if (stateAfter(t.Status.State, 'complete')) restart.push(t);
        }
      } else if (!stateAfter(t.Status.State, 'running') && t.DesiredState !== 'remove') {
        t.DesiredState = 'remove';
        tx.update(TASK, t);
      }
    }
    const create = Math.max(0, Math.min(maxConcurrent - running, total - complete - running));
    for (let i = 0; i < create; i++) {
      let slot = 0;
      while (slots.has(slot)) slot++;
      slots.add(slot);
      this.#create(tx, service, slot, '');
    }
    for (const t of restart) this.#restart(tx, service, t);
  }

  /** global/reconciler.go ReconcileService */
  #reconcileGlobal(tx: Tx, service: Service): void {
    const iteration = service.JobStatus?.JobIteration.Index ?? 0;
    let constraints: ReturnType<typeof parseConstraints>;
    try {
      constraints = parseConstraints(service.Spec.TaskTemplate?.Placement?.Constraints ?? []);
    } catch {
      constraints = [];
    }
    const candidates: string[] = [];
    const invalid: string[] = [];
    for (const n of tx.find<NodeObject>(NODE)) {
      if (!nodeMatches(constraints, n)) continue;
      if (invalidNode(n)) invalid.push(n.ID);
      else if ((n.Spec?.Availability ?? 'active') === 'active' && n.Status?.State === 'ready')
        candidates.push(n.ID);
    }
    const byNode = new Map<string, Task>();
    const restart: Task[] = [];
    for (const t of tx.find<Task>(TASK, (x) => x.ServiceID === service.ID)) {
      if (!t.JobIteration) continue;
      if (t.JobIteration.Index === iteration) {
        if (stateAfter(t.DesiredState, 'complete')) continue;
        if (stateAfter(t.Status.State, 'complete')) restart.push(t);
        byNode.set(t.NodeID ?? '', t);
      } else if (t.DesiredState !== 'remove') {
        t.DesiredState = 'remove';
        tx.update(TASK, t);
      }
    }
    for (const node of candidates) if (!byNode.has(node)) this.#create(tx, service, 0, node);
    for (const t of restart) {
      if (invalid.includes(t.NodeID ?? '')) continue;
      this.#restart(tx, service, t);
    }
    // a task on a node that is down or drained is shut down, not moved
    for (const node of invalid) {
      const t = byNode.get(node);
      if (!t || stateAfter(t.Status.State, 'running')) continue;
      t.DesiredState = 'shutdown';
      tx.update(TASK, t);
    }
  }

  /**
   * A new task of the current JobIteration. The reconcilers create it with desired
   * COMPLETE (jobs/replicated/reconciler.go); a restart creates it READY, and StartNow
   * gives it COMPLETE once the restart delay is over (restart.go).
   */
  #create(tx: Tx, service: Service, slot: number, nodeId: string, restartAt?: number): Task {
    const t = newTask(this.#cluster, service, slot, nodeId);
    t.JobIteration = { Index: service.JobStatus?.JobIteration.Index ?? 0 };
    t.DesiredState = restartAt === undefined ? 'complete' : 'ready';
    tx.create(TASK, t);
    if (restartAt !== undefined) this.#starts.set(t.ID, restartAt);
    return t;
  }

  /** restart.go Restart for a job's task: shut it down, and a replacement after the delay. */
  #restart(tx: Tx, service: Service, t: Task): void {
    t.DesiredState = 'shutdown';
    tx.update(TASK, t);
    const key = `${t.ServiceID}/${t.NodeID && !isReplicatedJob(service) ? `node ${t.NodeID}` : `slot ${t.Slot ?? 0}`}`;
    if (!this.#shouldRestart(t, key)) return;
    const node = t.NodeID ? tx.get<NodeObject>(NODE, t.NodeID) : undefined;
    // Restart delay is not applied to drained nodes
    const delayNs =
      node?.Spec?.Availability === 'drain' ? 0 : (t.Spec.RestartPolicy?.Delay ?? DEFAULT_RESTART_DELAY_NS);
    const now = this.#cluster.clock.now();
    this.#history.set(key, [...(this.#history.get(key) ?? []), now]);
    const at = now + Math.floor(delayNs / 1_000_000);
    if (isReplicatedJob(service)) this.#create(tx, service, t.Slot ?? 0, '', at);
    else this.#create(tx, service, 0, t.NodeID ?? '', at);
  }

  /** shouldRestart: never after success; `none` never; MaxAttempts within Window. */
  #shouldRestart(t: Task, key: string): boolean {
    if (t.Status.State === 'complete' || restartCondition(t) === 'none') return false;
    const max = t.Spec.RestartPolicy?.MaxAttempts ?? 0;
    if (max === 0) return true;
    const times = this.#history.get(key) ?? [];
    const windowNs = t.Spec.RestartPolicy?.Window ?? 0;
    if (windowNs === 0) return times.length < max;
    const since = this.#cluster.clock.now() - Math.floor(windowNs / 1_000_000);
    return times.filter((x) => x > since).length < max;
  }

  /** StartNow for restarted job tasks (desired READY → COMPLETE) once their delay is over. */
  #startReady(tx: Tx): void {
    const now = this.#cluster.clock.now();
    let next = Infinity;
    for (const [id, at] of this.#starts) {
      const t = tx.get<Task>(TASK, id);
      if (!t || t.DesiredState !== 'ready') {
        this.#starts.delete(id);
        continue;
      }
      if (at > now) next = Math.min(next, at);
      else {
        t.DesiredState = 'complete';
        tx.update(TASK, t);
        this.#starts.delete(id);
      }
    }
    if (next < Infinity) {
      this.#cluster.clock.cancel(this.#wake);
      this.#wake = this.#cluster.clock.after(next - now, () => {
        this.#wake = undefined;
        this.#kick();
      });
    }
  }

  #clearHistory(serviceId: string): void {
    for (const key of [...this.#history.keys()])
      if (key.startsWith(serviceId + '/')) this.#history.delete(key);
  }
}
