/**
 * The scheduler (swarmkit manager/scheduler/scheduler.go): it watches the store for
 * tasks in PENDING without a node and nodes that change, and after a quiet 50 ms
 * (commitDebounceGap, at most a second of debouncing) places them. Tasks with the same
 * service and spec are placed together: the nodes that pass the filter pipeline,
 * ordered by fewest active tasks of this service, then fewest active tasks in all
 * (nodeLess), split first by placement preferences (the decision tree of nodeset.go).
 * A placed task becomes ASSIGNED ("scheduler assigned task to node"); one that fits
 * nowhere stays PENDING with "no suitable node (…)". Preassigned tasks (global
 * services) are only checked against their node. The scheduler writes nothing else.
 *
 * Like SwarmKit's, it keeps what it knows of nodes and tasks from the store's events
 * (node-set.ts) rather than reading the whole store on every pass, so a pass costs
 * what it places, not what the cluster holds.
 *
 * Differs from Docker: nodes that tie are taken in the order they joined (Go's map and
 * heap give an arbitrary order), so a script always gets the same placement.
 */
import type { PortConfig, Task } from '../../api/types/service.ts';
import type { Timer } from '../../clock.ts';
import type { StoreEvent } from '../../store/store.ts';
import type { Cluster } from '../cluster.ts';
import { NODE, TASK } from '../orchestrator/task.ts';
import { addTask, countRecentFailures, MAX_FAILURES, type NodeInfo } from './node-info.ts';
import { NodeSet, type Tracked } from './node-set.ts';
import { Pipeline } from './pipeline.ts';
import { Stamper } from './stamp.ts';

const COMMIT_DEBOUNCE_GAP = 50;
const MAX_LATENCY = 1000;

interface Decision {
  old: Task;
  next: Task;
}

interface Tree {
  tasks: number;
  next?: Map<string, Tree>;
  nodes: NodeInfo[];
}

type NodeLess = (a: NodeInfo, b: NodeInfo) => boolean;

export class Scheduler {
  readonly #cluster: Cluster;
  readonly #pipeline = new Pipeline();
  readonly #stamp: Stamper;
  #set = new NodeSet();
  #timer: Timer | undefined;
  #debounceStarted = 0;
  #unwatch: (() => void) | undefined;

  constructor(cluster: Cluster) {
    this.#cluster = cluster;
    this.#stamp = new Stamper(cluster);
  }

  start(): void {
    this.#set = new NodeSet();
    this.#set.load(this.#cluster.store);
    this.#unwatch = this.#cluster.store.watch((events) => this.#onEvents(events));
    this.#tickNow();
  }

  stop(): void {
    this.#unwatch?.();
    this.#cluster.clock.cancel(this.#timer);
  }

  #onEvents(events: readonly StoreEvent[]): void {
    this.#set.apply(this.#cluster.store, events);
    if (!events.some((e) => e.kind === TASK || e.kind === NODE)) return;
    const clock = this.#cluster.clock;
    if (this.#timer) {
      if (clock.now() - this.#debounceStarted > MAX_LATENCY) {
        clock.cancel(this.#timer);
        this.#timer = undefined;
        this.#tickNow();
        return;
      }
      clock.cancel(this.#timer);
    } else {
      this.#debounceStarted = clock.now();
    }
    this.#timer = clock.after(COMMIT_DEBOUNCE_GAP, () => {
      this.#timer = undefined;
      this.#tickNow();
    });
  }

  #tickNow(): void {
    const decisions = this.#tick();
    if (decisions.length === 0) return;
    const stale: string[] = [];
    const store = this.#cluster.store;
    store.update((tx) => {
      for (const d of decisions) {
        const current = tx.peek<Task>(TASK, d.old.ID);
        // applySchedulingDecisions: only if nobody changed the task meanwhile
        if (!current || current.Version.Index !== d.old.Version.Index) {
          stale.push(d.old.ID);
          continue;
        }
        tx.put(TASK, d.next); // its Version is the one just checked
      }
    });
    // a decision not written must not stay counted on its node (the events brought the rest)
    for (const id of stale) {
      const t = store.peek<Task>(TASK, id);
      if (t) this.#set.upsert(t);
      else this.#set.remove(id);
    }
  }

  /** One pass: the decisions to write. */
  #tick(): Decision[] {
    const set = this.#set;
    const now = this.#cluster.clock.now();
    const decisions: Decision[] = [];
    const pending = set.pending();

    // preassigned tasks first (processPreassignedTasks): global services start before others
    for (const { task: t } of pending) {
      if (!t.NodeID) continue;
      const info = set.node(t.NodeID);
      if (!info) continue;
      this.#pipeline.setTask(t, set.portsOf(t.ServiceID));
      const next: Task = { ...t };
      if (!this.#pipeline.process(info)) {
        const err = this.#pipeline.explain();
        if (t.Status.Err === err) continue;
        next.Status = { ...t.Status, Timestamp: this.#stamp.now(), Err: err };
      } else {
        next.Status = {
          State: 'assigned',
          Timestamp: this.#stamp.now(),
          Message: 'scheduler confirmed task can run on preassigned node',
        };
        addTask(info, next); // already counted there while PENDING: a no-op, as it always was
      }
      decisions.push({ old: t, next });
    }

    // unassigned tasks, grouped by service and spec (equal specs: equal JSON), in order of appearance
    const groups: Tracked[][] = [];
    const byService = new Map<string, Tracked[][]>();
    for (const r of pending) {
      const t = r.task;
      if (t.NodeID) continue;
      const key = `${t.ServiceID}`;
      let same = byService.get(key);
      if (!same) byService.set(key, (same = []));
      const group = same.find((g) => sameJson(g[0]!.task.Spec, t.Spec));
      if (group) group.push(r);
      else {
        const created = [r];
        same.push(created);
        groups.push(created);
      }
    }
    const nodeOrder = set.nodes();
    for (const group of groups) {
      this.#scheduleGroup(group, nodeOrder, set.portsOf(group[0]!.task.ServiceID), decisions, now);
    }
    return decisions;
  }

  #scheduleGroup(
    group: Tracked[],
    nodes: NodeInfo[],
    ports: readonly PortConfig[],
    decisions: Decision[],
    now: number,
  ): void {
    const t = group[0]!.task;
    const serviceId = t.ServiceID ?? '';
    this.#pipeline.setTask(t, ports);
    // recent failures cannot change during a pass: count them once per node
    const failures = new Map<NodeInfo, number>();
    for (const n of nodes) {
      if (!n.recentFailures.has(serviceId)) continue;
      const f = countRecentFailures(n, now, serviceId);
      if (f > 0) failures.set(n, f);
    }
    const nodeLess: NodeLess = (a, b) => {
      if (failures.size > 0) {
        const fa = failures.get(a) ?? 0;
        const fb = failures.get(b) ?? 0;
        if (fa >= MAX_FAILURES || fb >= MAX_FAILURES) {
          if (fa > fb) return false;
          if (fb > fa) return true;
        }
      }
      const sa = a.activeTasksCountByService.get(serviceId) ?? 0;
      const sb = b.activeTasksCountByService.get(serviceId) ?? 0;
      if (sa !== sb) return sa < sb;
      return a.activeTasksCount < b.activeTasksCount;
    };
    const queue: TaskQueue = { tasks: group, next: 0 };
    const tree = this.#tree(serviceId, t, nodes, group.length, failures);
    this.#onSubtree(group.length, queue, tree, decisions, nodeLess);
    if (queue.next === group.length) return;
    // noSuitableNode
    const explanation = this.#pipeline.explain();
    const err = explanation ? `no suitable node (${explanation})` : 'no suitable node';
    for (let i = queue.next; i < group.length; i++) {
      const task = group[i]!.task;
      if (task.Status.Err === err) continue;
      const next: Task = { ...task };
      next.Status = { ...task.Status, Timestamp: this.#stamp.now(), Err: err };
      decisions.push({ old: task, next });
    }
  }

  /** nodeSet.tree: nodes split by each spread preference's label value. */
  #tree(
    serviceId: string,
    t: Task,
    nodes: NodeInfo[],
    maxAssignments: number,
    failures: Map<NodeInfo, number>,
  ): Tree {
    const root: Tree = { tasks: 0, nodes: [] };
    if (maxAssignments === 0) return root;
    const prefs = t.Spec.Placement?.Preferences ?? [];
    for (const node of nodes) {
      let tree = root;
      for (const pref of prefs) {
        const d = pref.Spread?.SpreadDescriptor;
        if (!d) continue;
        let value: string;
        if (d.length > 12 && d.slice(0, 12).toLowerCase() === 'node.labels.')
          value = node.node.Spec?.Labels?.[d.slice(12)] ?? '';
        else if (d.length > 14 && d.slice(0, 14).toLowerCase() === 'engine.labels.')
          value = node.node.Description?.Engine?.Labels?.[d.slice(14)] ?? '';
        else continue;
        tree.tasks += node.activeTasksCountByService.get(serviceId) ?? 0;
        tree.next ??= new Map();
        let next = tree.next.get(value);
        if (!next) tree.next.set(value, (next = { tasks: 0, nodes: [] }));
        tree = next;
      }
      tree.tasks += node.activeTasksCountByService.get(serviceId) ?? 0;
      if (this.#pipeline.process(node)) tree.nodes.push(node);
    }
    const order = (tr: Tree) => {
      // the best maxAssignments nodes, best first (the heap of nodeset.go, popped)
      tr.nodes = bestNodes(tr.nodes, maxAssignments, serviceId, failures);
      for (const sub of tr.next?.values() ?? []) order(sub);
    };
    order(root);
    return root;
  }

  /** scheduleNTasksOnSubtree */
  #onSubtree(n: number, queue: TaskQueue, tree: Tree, decisions: Decision[], nodeLess: NodeLess): number {
    if (!tree.next) {
      const nodes = tree.nodes;
      if (nodes.length === 0) return 0;
      return this.#onNodes(n, queue, nodes, decisions, nodeLess);
    }
    let scheduled = 0;
    let inUsable = tree.tasks;
    const noRoom = new Set<Tree>();
    const branches = [...tree.next.values()];
    let converging = true;
    while (scheduled !== n && noRoom.size !== branches.length && converging) {
      const perBranch = Math.floor((inUsable + n - scheduled) / (branches.length - noRoom.size));
      let remainder = (inUsable + n - scheduled) % (branches.length - noRoom.size);
      converging = false;
      for (const sub of branches) {
        if (noRoom.has(sub)) continue;
        if (sub.tasks < perBranch || (sub.tasks === perBranch && remainder > 0)) {
          converging = true;
          let toAssign = perBranch - sub.tasks;
          if (remainder > 0) toAssign++;
          const res = this.#onSubtree(toAssign, queue, sub, decisions, nodeLess);
          if (res < toAssign) {
            noRoom.add(sub);
            inUsable -= sub.tasks;
          } else if (remainder > 0) remainder--;
          scheduled += res;
        }
      }
    }
    return scheduled;
  }

  /** scheduleNTasksOnNodes: fill the least loaded nodes first, then round-robin. */
  #onNodes(
    n: number,
    queue: TaskQueue,
    nodes: NodeInfo[],
    decisions: Decision[],
    nodeLess: NodeLess,
  ): number {
    let scheduled = 0;
    const count = nodes.length;
    const failed = new Uint8Array(count);
    let iter = 0;
    while (queue.next < queue.tasks.length) {
      const r = queue.tasks[queue.next++]!;
      const t = r.task;
      const node = nodes[iter % count]!;
      const next: Task = { ...t };
      next.NodeID = node.node.ID;
      next.Status = {
        State: 'assigned',
        Timestamp: this.#stamp.now(),
        Message: 'scheduler assigned task to node',
      };
      // counted on the node now (without host ports, as before its write comes back)
      this.#set.placed(r, next);
      decisions.push({ old: t, next });
      scheduled++;
      if (scheduled === n) return scheduled;
      if (iter + 1 < count) {
        if (nodeLess(nodes[(iter + 1) % count]!, node)) iter++;
      } else iter++;
      const orig = iter;
      while (failed[iter % count] || !this.#pipeline.process(nodes[iter % count]!)) {
        failed[iter % count] = 1;
        iter++;
        if (iter - orig === count) return scheduled;
      }
    }
    return scheduled;
  }
}

interface TaskQueue {
  tasks: Tracked[];
  /** the first task not placed yet */
  next: number;
}

/**
 * The best `k` nodes, best first: a stable sort by nodeLess, cut at k. nodeLess is the
 * order of (failures if at least MAX_FAILURES else 0, the service's tasks, all tasks),
 * so sorting by those keys and then by position gives exactly the stable sort by
 * nodeLess, without calling it n log n times.
 */
function bestNodes(
  nodes: NodeInfo[],
  k: number,
  serviceId: string,
  failures: Map<NodeInfo, number>,
): NodeInfo[] {
  const keyed = nodes.map((n, i) => {
    const f = failures.get(n) ?? 0;
    return {
      n,
      i,
      f: f >= MAX_FAILURES ? f : 0,
      s: n.activeTasksCountByService.get(serviceId) ?? 0,
      t: n.activeTasksCount,
    };
  });
  keyed.sort((a, b) => a.f - b.f || a.s - b.s || a.t - b.t || a.i - b.i);
  const out = new Array<NodeInfo>(Math.min(k, keyed.length));
  for (let i = 0; i < out.length; i++) out[i] = keyed[i]!.n;
  return out;
}

/**
 * Whether two stored (JSON) values print the same JSON: the same keys in the same
 * order with the same values. It groups tasks as comparing JSON.stringify of their
 * specs would, without printing 100,000 of them.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i] || !sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
      return false;
  }
  return true;
}
