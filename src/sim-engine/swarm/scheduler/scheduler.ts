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
 * Differs from Docker: nodes that tie are taken in the order they joined (Go's map and
 * heap give an arbitrary order), so a script always gets the same placement.
 */
import type { PortConfig, Service, Task } from '../../api/types/service.ts';
import type { Timer } from '../../clock.ts';
import type { StoreEvent } from '../../store/store.ts';
import type { Cluster } from '../cluster.ts';
import { NODE, type NodeObject, SERVICE, stateAfter, stateBefore, TASK } from '../orchestrator/task.ts';
import { clusterNow, stampMs } from '../orchestrator/timestamp.ts';
import { hostPortKey } from './filters.ts';
import { addTask, countRecentFailures, MAX_FAILURES, type NodeInfo, newNodeInfo } from './node-info.ts';
import { Pipeline } from './pipeline.ts';

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

export class Scheduler {
  readonly #cluster: Cluster;
  readonly #pipeline = new Pipeline();
  #timer: Timer | undefined;
  #debounceStarted = 0;
  #unwatch: (() => void) | undefined;

  constructor(cluster: Cluster) {
    this.#cluster = cluster;
  }

  start(): void {
    this.#unwatch = this.#cluster.store.watch((events) => this.#onEvents(events));
    this.#tickNow();
  }

  stop(): void {
    this.#unwatch?.();
    this.#cluster.clock.cancel(this.#timer);
  }

  #onEvents(events: readonly StoreEvent[]): void {
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
    this.#cluster.store.update((tx) => {
      for (const d of decisions) {
        const current = tx.get<Task>(TASK, d.old.ID);
        // applySchedulingDecisions: only if nobody changed the task meanwhile
        if (!current || current.Version.Index !== d.old.Version.Index) continue;
        tx.update(TASK, { ...d.next, Version: current.Version });
      }
    });
  }

  /** One pass over the store: the decisions to write. */
  #tick(): Decision[] {
    const store = this.#cluster.store;
    const services = new Map(store.find<Service>(SERVICE).map((s) => [s.ID, s]));
    const portsOf = (t: Task): PortConfig[] => services.get(t.ServiceID ?? '')?.Endpoint?.Spec?.Ports ?? [];
    const infos = new Map<string, NodeInfo>();
    for (const n of store.find<NodeObject>(NODE)) infos.set(n.ID, newNodeInfo(n));
    const tasks = store.find<Task>(TASK);
    const now = this.#cluster.clock.now();
    for (const t of tasks) {
      const info = t.NodeID ? infos.get(t.NodeID) : undefined;
      if (!info) continue;
      const s = t.Status.State;
      if (!stateBefore(s, 'pending') && !stateAfter(s, 'running')) {
        addTask(
          info,
          t,
          portsOf(t)
            .filter((p) => p.PublishMode === 'host' && p.PublishedPort)
            .map(hostPortKey),
        );
      } else if ((s === 'failed' || s === 'rejected') && now - stampMs(t.Status.Timestamp) < 5 * 60_000) {
        const list = info.recentFailures.get(t.ServiceID ?? '') ?? [];
        list.push(stampMs(t.Status.Timestamp));
        info.recentFailures.set(t.ServiceID ?? '', list);
      }
    }
    const decisions: Decision[] = [];
    const pending = tasks.filter(
      (t) => t.Status.State === 'pending' && !stateAfter(t.DesiredState, 'running'),
    );

    // preassigned tasks first (processPreassignedTasks): global services start before others
    for (const t of pending.filter((x) => x.NodeID)) {
      const info = infos.get(t.NodeID!);
      if (!info) continue;
      this.#pipeline.setTask(t, portsOf(t));
      const next = copyTask(t);
      if (!this.#pipeline.process(info)) {
        const err = this.#pipeline.explain();
        if (t.Status.Err === err) continue;
        next.Status = { ...t.Status, Timestamp: clusterNow(this.#cluster), Err: err };
      } else {
        next.Status = {
          State: 'assigned',
          Timestamp: clusterNow(this.#cluster),
          Message: 'scheduler confirmed task can run on preassigned node',
        };
        addTask(info, next);
      }
      decisions.push({ old: t, next });
    }

    // unassigned tasks, grouped by service and spec
    const groups = new Map<string, Task[]>();
    for (const t of pending.filter((x) => !x.NodeID)) {
      const key = `${t.ServiceID}\u0000${JSON.stringify(t.Spec)}`;
      groups.set(key, [...(groups.get(key) ?? []), t]);
    }
    const nodeOrder = [...infos.values()];
    for (const group of groups.values()) {
      this.#scheduleGroup(group, nodeOrder, portsOf(group[0]!), decisions, now);
    }
    return decisions;
  }

  #scheduleGroup(
    group: Task[],
    nodes: NodeInfo[],
    ports: PortConfig[],
    decisions: Decision[],
    now: number,
  ): void {
    const t = group[0]!;
    const serviceId = t.ServiceID ?? '';
    this.#pipeline.setTask(t, ports);
    const nodeLess = (a: NodeInfo, b: NodeInfo): boolean => {
      const fa = countRecentFailures(a, now, serviceId);
      const fb = countRecentFailures(b, now, serviceId);
      if (fa >= MAX_FAILURES || fb >= MAX_FAILURES) {
        if (fa > fb) return false;
        if (fb > fa) return true;
      }
      const sa = a.activeTasksCountByService.get(serviceId) ?? 0;
      const sb = b.activeTasksCountByService.get(serviceId) ?? 0;
      if (sa !== sb) return sa < sb;
      return a.activeTasksCount < b.activeTasksCount;
    };
    const remaining = [...group];
    const tree = this.#tree(serviceId, t, nodes, remaining.length, nodeLess);
    this.#onSubtree(remaining.length, remaining, tree, decisions, nodeLess);
    if (remaining.length === 0) return;
    // noSuitableNode
    const explanation = this.#pipeline.explain();
    const err = explanation ? `no suitable node (${explanation})` : 'no suitable node';
    for (const task of remaining) {
      if (task.Status.Err === err) continue;
      const next = copyTask(task);
      next.Status = { ...task.Status, Timestamp: clusterNow(this.#cluster), Err: err };
      decisions.push({ old: task, next });
    }
  }

  /** nodeSet.tree: nodes split by each spread preference's label value. */
  #tree(
    serviceId: string,
    t: Task,
    nodes: NodeInfo[],
    maxAssignments: number,
    nodeLess: (a: NodeInfo, b: NodeInfo) => boolean,
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
      tr.nodes = stableSort(tr.nodes, nodeLess).slice(0, maxAssignments);
      for (const sub of tr.next?.values() ?? []) order(sub);
    };
    order(root);
    return root;
  }

  /** scheduleNTasksOnSubtree */
  #onSubtree(
    n: number,
    group: Task[],
    tree: Tree,
    decisions: Decision[],
    nodeLess: (a: NodeInfo, b: NodeInfo) => boolean,
  ): number {
    if (!tree.next) {
      const nodes = tree.nodes;
      if (nodes.length === 0) return 0;
      return this.#onNodes(n, group, nodes, decisions, nodeLess);
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
          const res = this.#onSubtree(toAssign, group, sub, decisions, nodeLess);
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
    group: Task[],
    nodes: NodeInfo[],
    decisions: Decision[],
    nodeLess: (a: NodeInfo, b: NodeInfo) => boolean,
  ): number {
    let scheduled = 0;
    const failed = new Set<number>();
    let iter = 0;
    const count = nodes.length;
    while (group.length > 0) {
      const t = group.shift()!;
      const node = nodes[iter % count]!;
      const next = copyTask(t);
      next.NodeID = node.node.ID;
      next.Status = {
        State: 'assigned',
        Timestamp: clusterNow(this.#cluster),
        Message: 'scheduler assigned task to node',
      };
      addTask(node, next);
      decisions.push({ old: t, next });
      scheduled++;
      if (scheduled === n) return scheduled;
      if (iter + 1 < count) {
        if (nodeLess(nodes[(iter + 1) % count]!, node)) iter++;
      } else iter++;
      const orig = iter;
      while (failed.has(iter % count) || !this.#pipeline.process(nodes[iter % count]!)) {
        failed.add(iter % count);
        iter++;
        if (iter - orig === count) return scheduled;
      }
    }
    return scheduled;
  }
}

function stableSort(nodes: NodeInfo[], less: (a: NodeInfo, b: NodeInfo) => boolean): NodeInfo[] {
  return [...nodes].sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0));
}

function copyTask(t: Task): Task {
  return JSON.parse(JSON.stringify(t)) as Task;
}
