/**
 * The scheduler's picture of the cluster, kept from the store's events (swarmkit
 * manager/scheduler/scheduler.go: allTasks, nodeSet, and the event loop that updates
 * them) instead of being rebuilt from the store on every pass: a NodeInfo per node in
 * the order the nodes joined, the tasks that wait for a node, and each service's ports.
 *
 * What a task counts for is the same rule as before it was kept incrementally: a task
 * on a node from PENDING to RUNNING holds resources there (and its service's host-mode
 * ports); a FAILED or REJECTED one counts as a failure of its service there. `upsert`
 * applies that rule to a task's latest version, undoing what the previous one counted
 * for, so it may be called again with the same task.
 *
 * It keeps the store's own objects (`view`, `peek`) and never changes them.
 */
import type { PortConfig, Service, Task } from '../../api/types/service.ts';
import type { StoreEvent } from '../../store/store.ts';
import type { Store } from '../../store/store.ts';
import { NODE, type NodeObject, SERVICE, stateAfter, stateBefore, TASK } from '../orchestrator/task.ts';
import { stampMs } from '../orchestrator/timestamp.ts';
import { hostPortKey } from './filters.ts';
import { addTask, type NodeInfo, newNodeInfo, removeTask, resetAvailable } from './node-info.ts';

/** A task as the scheduler tracks it. */
export interface Tracked {
  task: Task;
  /** creation order: the order the store lists tasks in */
  seq: number;
  /** PENDING with desired state ≤ RUNNING: waiting for the scheduler */
  pending?: boolean;
  /** in #pendingList (which may still hold it after it stopped pending) */
  listed?: boolean;
  /** the node info the task holds resources on, or has failed on */
  on?: NodeInfo;
  failed?: boolean;
}

const NO_PORTS: readonly PortConfig[] = [];

export class NodeSet {
  /** every node ID a node or task names; infos of nodes not (or no longer) in the store are kept aside */
  readonly #infos = new Map<string, NodeInfo>();
  /** the nodes in the store, in the order they were created */
  readonly #nodes = new Map<string, NodeInfo>();
  #nodeList: NodeInfo[] | undefined;
  readonly #tasks = new Map<string, Tracked>();
  /** PENDING tasks with desired state ≤ RUNNING (what a pass looks at), and some that were */
  #pendingList: Tracked[] = [];
  #seq = 0;
  readonly #services = new Map<string, Service>();
  /** each service's host-mode ports, as keys (`tcp/8080`) */
  readonly #hostPorts = new Map<string, readonly string[]>();

  /** Start from what the store holds now. */
  load(store: Store): void {
    for (const s of store.view<Service>(SERVICE)) this.#serviceChanged(s);
    for (const n of store.view<NodeObject>(NODE)) this.#nodeChanged(n);
    for (const t of store.view<Task>(TASK)) this.upsert(t);
  }

  /**
   * Take a committed transaction's events. What is kept is the store's own object
   * (`peek`), not the event's copy: the copies then die young, and a later write in the
   * same batch just comes first (its own event applies the same object again).
   */
  apply(store: Store, events: readonly StoreEvent[]): void {
    for (const e of events) {
      const id = e.object.ID;
      if (e.kind === TASK) {
        const t = e.action === 'delete' ? undefined : store.peek<Task>(TASK, id);
        if (t) this.upsert(t);
        else this.remove(id);
      } else if (e.kind === NODE) {
        const n = e.action === 'delete' ? undefined : store.peek<NodeObject>(NODE, id);
        if (n) this.#nodeChanged(n);
        else this.#nodeRemoved(id);
      } else if (e.kind === SERVICE) {
        const s = e.action === 'delete' ? undefined : store.peek<Service>(SERVICE, id);
        if (s) this.#serviceChanged(s);
        else this.#serviceRemoved(id);
      }
    }
  }

  /** The nodes in the store, in the order they joined. */
  nodes(): NodeInfo[] {
    return (this.#nodeList ??= [...this.#nodes.values()]);
  }

  /** The info of a node that is in the store. */
  node(id: string): NodeInfo | undefined {
    return this.#nodes.get(id);
  }

  /** The tasks waiting for the scheduler (PENDING, desired ≤ RUNNING), in the store's order. */
  pending(): Tracked[] {
    const list: Tracked[] = [];
    for (const r of this.#pendingList) {
      if (r.pending) list.push(r);
      else r.listed = false;
    }
    list.sort((a, b) => a.seq - b.seq);
    this.#pendingList = list;
    return list;
  }

  /** A service's published ports (its Endpoint's), for the host-port filter. */
  portsOf(serviceId: string | undefined): readonly PortConfig[] {
    return this.#services.get(serviceId ?? '')?.Endpoint?.Spec?.Ports ?? NO_PORTS;
  }

  /**
   * Take `t` as the task's latest version: undo what the previous one counted for, count
   * this one. `hostPorts: false` counts it without its service's host ports, as a task
   * the scheduler has just placed counts until its write comes back.
   */
  upsert(t: Task, hostPorts = true): void {
    let r = this.#tasks.get(t.ID);
    if (!r) this.#tasks.set(t.ID, (r = { task: t, seq: ++this.#seq }));
    this.#take(r, t, hostPorts);
  }

  /** The scheduler placed a pending task: `next` counts on its node until its write comes back. */
  placed(r: Tracked, next: Task): void {
    this.#take(r, next, false);
  }

  #take(r: Tracked, t: Task, hostPorts: boolean): void {
    if (this.#same(r, t, hostPorts)) return;
    this.#release(r);
    r.task = t;
    const s = t.Status.State;
    // scheduler.go: a pending task is scheduled unless its desired state is past COMPLETE
    r.pending = s === 'pending' && !stateAfter(t.DesiredState, 'complete');
    if (r.pending && !r.listed) {
      r.listed = true;
      this.#pendingList.push(r);
    }
    if (!t.NodeID) return;
    const info = this.#info(t.NodeID);
    if (!stateBefore(s, 'pending') && !stateAfter(s, 'running')) {
      addTask(info, t, hostPorts ? (this.#hostPorts.get(t.ServiceID ?? '') ?? []) : []);
      r.on = info;
    } else if (s === 'failed' || s === 'rejected') {
      const service = t.ServiceID ?? '';
      let m = info.recentFailures.get(service);
      if (!m) info.recentFailures.set(service, (m = new Map()));
      m.set(t.ID, stampMs(t.Status.Timestamp));
      r.on = info;
      r.failed = true;
    }
  }

  /**
   * The common case made cheap: a new version that holds the same resources on the same
   * node as the one counted (the scheduler's own assignment coming back from the store,
   * which shares its Spec) only replaces the object and takes its host ports.
   */
  #same(r: Tracked, t: Task, hostPorts: boolean): boolean {
    const was = r.task;
    const info = r.on;
    if (
      !info ||
      r.failed ||
      t.NodeID !== was.NodeID ||
      t.Spec !== was.Spec ||
      t.DesiredState !== was.DesiredState ||
      t.ServiceID !== was.ServiceID ||
      stateBefore(t.Status.State, 'pending') ||
      stateAfter(t.Status.State, 'running') ||
      t.Status.State === 'pending' ||
      was.Status.State === 'pending'
    )
      return false;
    const ports = hostPorts ? this.#hostPorts.get(t.ServiceID ?? '') : undefined;
    if (ports && info.hostPortsOf.get(t.ID) !== ports) return false;
    if (!ports && info.hostPortsOf.has(t.ID)) return false;
    r.task = t;
    info.tasks.set(t.ID, t);
    return true;
  }

  #release(r: Tracked): void {
    const info = r.on;
    if (!info) return;
    if (r.failed) {
      const service = r.task.ServiceID ?? '';
      const m = info.recentFailures.get(service);
      m?.delete(r.task.ID);
      if (m?.size === 0) info.recentFailures.delete(service);
    } else removeTask(info, r.task.ID);
    r.on = undefined;
    r.failed = false;
  }

  /** The task is gone from the store. */
  remove(id: string): void {
    const r = this.#tasks.get(id);
    if (!r) return;
    this.#release(r);
    r.pending = false;
    this.#tasks.delete(id);
  }

  #info(nodeId: string): NodeInfo {
    let info = this.#infos.get(nodeId);
    if (!info) this.#infos.set(nodeId, (info = newNodeInfo({ ID: nodeId, Version: { Index: 0 } })));
    return info;
  }

  #nodeChanged(n: NodeObject): void {
    const info = this.#info(n.ID);
    info.node = n;
    resetAvailable(info);
    if (!this.#nodes.has(n.ID)) {
      this.#nodes.set(n.ID, info);
      this.#nodeList = undefined;
    }
  }

  #nodeRemoved(id: string): void {
    if (this.#nodes.delete(id)) this.#nodeList = undefined;
  }

  #serviceChanged(s: Service): void {
    this.#services.set(s.ID, s);
    const keys = (s.Endpoint?.Spec?.Ports ?? [])
      .filter((p) => p.PublishMode === 'host' && p.PublishedPort)
      .map(hostPortKey);
    this.#setHostPorts(s.ID, keys);
  }

  #serviceRemoved(id: string): void {
    this.#services.delete(id);
    this.#setHostPorts(id, []);
  }

  /** A service's host ports changed: its tasks hold the new ones (rare: `service update --publish`). */
  #setHostPorts(serviceId: string, keys: readonly string[]): void {
    const old = this.#hostPorts.get(serviceId) ?? [];
    if (old.length === keys.length && old.every((k, i) => k === keys[i])) return;
    if (keys.length > 0) this.#hostPorts.set(serviceId, keys);
    else this.#hostPorts.delete(serviceId);
    for (const r of this.#tasks.values()) {
      if (r.task.ServiceID === serviceId && r.on && !r.failed) this.upsert(r.task);
    }
  }
}
