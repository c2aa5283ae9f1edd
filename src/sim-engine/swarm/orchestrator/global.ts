/**
 * The global orchestrator (swarmkit manager/orchestrator/global/global.go): one task
 * of each global service on every node that is up, not drained and matches the
 * service's constraints, created already bound to its node (the scheduler only
 * confirms it). A paused node keeps its task but gets no new one; tasks on nodes that
 * are down, drained, gone or no longer matching are shut down and not moved. A task
 * that ends goes to the restart supervisor, which replaces it on the same node.
 */
import type { Service, Task } from '../../api/types/service.ts';
import type { Timer } from '../../clock.ts';
import type { StoreEvent, Tx } from '../../store/store.ts';
import type { Cluster } from '../cluster.ts';
import { nodeMatches, parseConstraints } from '../scheduler/constraint.ts';
import { UpdateSupervisor } from '../updater/supervisor.ts';
import type { RestartSupervisor } from './restart.ts';
import { invalidNode, isGlobal, newTask, NODE, type NodeObject, SERVICE, stateAfter, TASK } from './task.ts';

export class GlobalOrchestrator {
  readonly #cluster: Cluster;
  readonly #restarts: RestartSupervisor;
  readonly #updater: UpdateSupervisor;
  readonly #reconcile = new Set<string>();
  readonly #restartTasks = new Set<string>();
  readonly #removed: Service[] = [];
  #all = false;
  #timer: Timer | undefined;
  #unwatch: (() => void) | undefined;

  constructor(cluster: Cluster, restarts: RestartSupervisor) {
    this.#cluster = cluster;
    this.#restarts = restarts;
    this.#updater = new UpdateSupervisor(cluster, restarts);
  }

  start(): void {
    this.#unwatch = this.#cluster.store.watch((events) => this.#onEvents(events));
    this.#all = true;
    for (const t of this.#cluster.store.find<Task>(TASK)) this.#taskChanged(t);
    this.#kick();
  }

  stop(): void {
    this.#unwatch?.();
    this.#cluster.clock.cancel(this.#timer);
    this.#updater.cancelAll();
  }

  #onEvents(events: readonly StoreEvent[]): void {
    for (const e of events) {
      if (e.kind === SERVICE) {
        const s = e.object as Service;
        if (!isGlobal(s)) continue;
        if (e.action === 'delete') this.#removed.push(s);
        else this.#reconcile.add(s.ID);
      } else if (e.kind === NODE) {
        // a node came, went or changed: every global service is looked at again
        this.#all = true;
      } else if (e.kind === TASK) {
        if (e.action === 'delete') continue;
        this.#taskChanged(e.object as Task);
      } else continue;
      this.#kick();
    }
  }

  #taskChanged(t: Task): void {
    if (stateAfter(t.DesiredState, 'running') || !stateAfter(t.Status.State, 'running')) return;
    const service = this.#cluster.store.get<Service>(SERVICE, t.ServiceID ?? '');
    if (isGlobal(service)) this.#restartTasks.add(t.ID);
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
    const restart = [...this.#restartTasks];
    this.#restartTasks.clear();
    const all = this.#all;
    this.#all = false;
    const reconcile = [...this.#reconcile];
    this.#reconcile.clear();
    const updates: [Service, Task[][]][] = [];
    this.#cluster.store.update((tx) => {
      for (const s of removed) {
        this.#restarts.clearService(s.ID);
        for (const t of tx.find<Task>(TASK, (x) => x.ServiceID === s.ID)) {
          // SetServiceTasksRemove: the history too (desired SHUTDOWN is before REMOVE), so
          // the reaper deletes every task and the agents remove every container
          if (stateAfter(t.DesiredState, 'remove')) continue;
          t.DesiredState = 'remove';
          tx.update(TASK, t);
        }
      }
      for (const id of restart) {
        const t = tx.get<Task>(TASK, id);
        if (!t || stateAfter(t.DesiredState, 'running')) continue;
        const service = tx.get<Service>(SERVICE, t.ServiceID ?? '');
        const node = tx.get<NodeObject>(NODE, t.NodeID ?? '');
        if (!service) continue;
        if (invalidNode(node)) {
          t.DesiredState = 'shutdown';
          tx.update(TASK, t);
          continue;
        }
        this.#restarts.restart(tx, service, t);
      }
      const services = all
        ? tx.find<Service>(SERVICE, isGlobal)
        : reconcile.map((id) => tx.get<Service>(SERVICE, id));
      for (const s of services) {
        if (!s || !isGlobal(s)) continue;
        const slots = this.#reconcileService(tx, s);
        if (slots.length > 0) updates.push([s, slots]);
      }
    });
    for (const [s, slots] of updates) this.#updater.update(s, slots);
  }

  /** reconcileServices for one service; returns the slots (one per node) to update. */
  #reconcileService(tx: Tx, service: Service): Task[][] {
    let constraints: ReturnType<typeof parseConstraints>;
    try {
      constraints = parseConstraints(service.Spec.TaskTemplate?.Placement?.Constraints ?? []);
    } catch {
      constraints = [];
    }
    const live = tx.find<Task>(
      TASK,
      (t) => t.ServiceID === service.ID && !stateAfter(t.DesiredState, 'running'),
    );
    const byNode = new Map<string, Task[]>();
    for (const t of live) byNode.set(t.NodeID ?? '', [...(byNode.get(t.NodeID ?? '') ?? []), t]);
    const updateTasks: Task[][] = [];
    const shutdown = (tasks: Task[]) => {
      for (const t of tasks) {
        t.DesiredState = 'shutdown';
        tx.update(TASK, t);
      }
    };
    for (const node of tx.find<NodeObject>(NODE)) {
      if (invalidNode(node)) continue;
      const tasks = byNode.get(node.ID) ?? [];
      byNode.delete(node.ID);
      if (!nodeMatches(constraints, node)) {
        shutdown(tasks);
        continue;
      }
      if (node.Spec?.Availability === 'pause') continue;
      if (tasks.length === 0) tx.create(TASK, newTask(this.#cluster, service, 0, node.ID));
      else updateTasks.push(tasks);
    }
    // tasks on nodes that are down, drained or gone
    for (const tasks of byNode.values()) shutdown(tasks);
    return updateTasks;
  }
}
