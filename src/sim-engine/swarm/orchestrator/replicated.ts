/**
 * The replicated orchestrator (swarmkit manager/orchestrator/replicated): keeps
 * `Replicas` slots of each replicated service, numbered from 1. Scaling up fills the
 * lowest free slot numbers; scaling down gives desired state REMOVE to the slots on
 * the busiest nodes, non-running ones first. A task that ends, or whose node is down
 * or drained, goes to the restart supervisor. It writes only new tasks and desired
 * states; it never calls the scheduler or an agent, it only writes the store.
 */
import type { Service, Task } from '../../api/types/service.ts';
import type { Timer } from '../../clock.ts';
import type { StoreEvent, Tx } from '../../store/store.ts';
import type { Cluster } from '../cluster.ts';
import { UpdateSupervisor } from '../updater/supervisor.ts';
import type { RestartSupervisor } from './restart.ts';
import {
  invalidNode,
  isReplicated,
  newTask,
  NODE,
  type NodeObject,
  SERVICE,
  stateAfter,
  TASK,
} from './task.ts';

export class ReplicatedOrchestrator {
  readonly #cluster: Cluster;
  readonly #restarts: RestartSupervisor;
  readonly #updater: UpdateSupervisor;
  readonly #reconcile = new Set<string>();
  readonly #restartTasks = new Set<string>();
  readonly #removed: Service[] = [];
  #timer: Timer | undefined;
  #unwatch: (() => void) | undefined;

  constructor(cluster: Cluster, restarts: RestartSupervisor) {
    this.#cluster = cluster;
    this.#restarts = restarts;
    this.#updater = new UpdateSupervisor(cluster, restarts);
  }

  start(): void {
    this.#unwatch = this.#cluster.store.watch((events) => this.#onEvents(events));
    for (const s of this.#cluster.store.find<Service>(SERVICE, isReplicated)) this.#reconcile.add(s.ID);
    // tasks that ended while no leader watched
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
        if (!isReplicated(s)) continue;
        if (e.action === 'delete') this.#removed.push(s);
        else this.#reconcile.add(s.ID);
      } else if (e.kind === TASK) {
        const t = e.object as Task;
        if (e.action === 'delete') {
          if (!stateAfter(t.DesiredState, 'running') && t.ServiceID) this.#reconcile.add(t.ServiceID);
        } else this.#taskChanged(t);
      } else if (e.kind === NODE) {
        const n = e.object as NodeObject;
        if (e.action === 'delete' || invalidNode(n)) this.#restartTasksOn(n.ID);
      } else continue;
      this.#kick();
    }
  }

  /** handleTaskChange: a task past RUNNING, or on an invalid node, is restarted. */
  #taskChanged(t: Task): void {
    if (stateAfter(t.DesiredState, 'running')) return;
    const service = t.ServiceID ? this.#cluster.store.get<Service>(SERVICE, t.ServiceID) : undefined;
    if (!isReplicated(service)) return;
    const node = t.NodeID ? this.#cluster.store.get<NodeObject>(NODE, t.NodeID) : undefined;
    if (stateAfter(t.Status.State, 'running') || (t.NodeID && invalidNode(node)))
      this.#restartTasks.add(t.ID);
  }

  #restartTasksOn(nodeId: string): void {
    for (const t of this.#cluster.store.find<Task>(TASK, (x) => x.NodeID === nodeId)) {
      if (stateAfter(t.DesiredState, 'running')) continue;
      if (isReplicated(this.#cluster.store.get<Service>(SERVICE, t.ServiceID ?? '')))
        this.#restartTasks.add(t.ID);
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
    const restart = [...this.#restartTasks];
    this.#restartTasks.clear();
    const reconcile = [...this.#reconcile];
    this.#reconcile.clear();
    const updates: [Service, Task[][]][] = [];
    this.#cluster.store.update((tx) => {
      // a removed service's tasks are all to be removed (SetServiceTasksRemove)
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
        if (!service) continue;
        this.#restarts.restart(tx, service, t);
      }
      for (const id of reconcile) {
        const s = tx.get<Service>(SERVICE, id);
        if (s && isReplicated(s)) updates.push([s, this.#reconcileService(tx, s)]);
      }
    });
    // the slots that stay go to the updater (reconcile's r.updater.Update)
    for (const [s, slots] of updates) this.#updater.update(s, slots);
  }

  /** reconcile: compare the slots that can still run with Replicas; returns the slots to update. */
  #reconcileService(tx: Tx, service: Service): Task[][] {
    const tasks = tx.find<Task>(TASK, (t) => t.ServiceID === service.ID);
    const bySlot = new Map<number, Task[]>();
    for (const t of tasks) bySlot.set(t.Slot ?? 0, [...(bySlot.get(t.Slot ?? 0) ?? []), t]);
    const running = new Map<number, Task[]>();
    const dead = new Map<number, Task[]>();
    for (const [slot, list] of bySlot) {
      const updatable = list.filter((t) => !stateAfter(t.DesiredState, 'running'));
      if (updatable.length > 0) running.set(slot, updatable);
      else dead.set(slot, list);
    }
    const replicas = service.Spec.Mode?.Replicated?.Replicas ?? 1;
    const deleteDead = () => {
      for (const list of dead.values()) for (const t of list) tx.delete(TASK, t.ID);
    };
    if (replicas > running.size) {
      let slot = 0;
      for (let i = running.size; i < replicas; i++) {
        do slot++;
        while (running.has(slot));
        dead.delete(slot);
        tx.create(TASK, newTask(this.#cluster, service, slot, ''));
      }
      deleteDead();
      return [...running.values()];
    } else if (replicas < running.size) {
      const sorted = sortForScaleDown([...running.values()]);
      deleteDead();
      for (const slot of sorted.slice(replicas)) {
        for (const t of slot) {
          if (stateAfter(t.DesiredState, 'remove')) continue;
          t.DesiredState = 'remove';
          tx.update(TASK, t);
        }
      }
      return sorted.slice(0, replicas);
    }
    deleteDead();
    return [...running.values()];
  }
}

/**
 * Which slots to keep when scaling down: running slots first (slotsByRunningState),
 * then by how many copies of the service their node already has (slotsByIndex).
 */
export function sortForScaleDown(slots: Task[][]): Task[][] {
  const isRunning = (s: Task[]) => s.some((t) => t.Status.State === 'running');
  const byRunning = [...slots].sort(
    (a, b) => Number(isRunning(b)) - Number(isRunning(a)) || (a[0]!.Slot ?? 0) - (b[0]!.Slot ?? 0),
  );
  const perNode = new Map<string, number>();
  const indexed = byRunning.map((slot) => {
    if (slot.length === 1 && slot[0]!.NodeID) {
      const n = (perNode.get(slot[0]!.NodeID) ?? 0) + 1;
      perNode.set(slot[0]!.NodeID, n);
      return { slot, index: n };
    }
    return { slot, index: -1 };
  });
  // slotsByIndex: -1 (unassigned or several tasks) sorts last
  indexed.sort((a, b) => {
    if (a.index < 0) return b.index < 0 ? 0 : 1;
    if (b.index < 0) return -1;
    return a.index - b.index;
  });
  return indexed.map((x) => x.slot);
}
