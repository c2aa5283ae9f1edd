/**
 * What the scheduler knows of a node (swarmkit manager/scheduler/nodeinfo.go): the
 * node, the tasks assigned to it that still hold resources (PENDING…RUNNING), how
 * many of them are active (desired state ≤ COMPLETE) in total and per service, the
 * resources left, the host ports in use, and the recent failures per service.
 *
 * The scheduler keeps one per node and changes it as tasks come and go (`addTask`,
 * `removeTask`), as SwarmKit's nodeSet does, rather than rebuilding it on every pass.
 */
import type { Task } from '../../api/types/service.ts';
import type { NodeObject } from '../orchestrator/task.ts';
import { stateAfter } from '../orchestrator/task.ts';

export interface NodeInfo {
  node: NodeObject;
  tasks: Map<string, Task>;
  activeTasksCount: number;
  activeTasksCountByService: Map<string, number>;
  available: { nanoCPUs: number; memoryBytes: number };
  usedHostPorts: Set<string>;
  /** the host ports each task took here, to give them back (a port taken twice is kept until both go) */
  hostPortsOf: Map<string, readonly string[]>;
  /** failed or rejected tasks of a service here: service → task ID → time of failure (ms) */
  recentFailures: Map<string, Map<string, number>>;
}

export function newNodeInfo(node: NodeObject): NodeInfo {
  return {
    node,
    tasks: new Map(),
    activeTasksCount: 0,
    activeTasksCountByService: new Map(),
    available: {
      nanoCPUs: node.Description?.Resources?.NanoCPUs ?? 0,
      memoryBytes: node.Description?.Resources?.MemoryBytes ?? 0,
    },
    usedHostPorts: new Set(),
    hostPortsOf: new Map(),
    recentFailures: new Map(),
  };
}

/** addTask: count it, take its reservations and host ports. */
export function addTask(info: NodeInfo, t: Task, hostPorts: readonly string[] = []): void {
  if (info.tasks.has(t.ID)) return;
  info.tasks.set(t.ID, t);
  if (!stateAfter(t.DesiredState, 'complete')) {
    info.activeTasksCount++;
    const s = t.ServiceID ?? '';
    info.activeTasksCountByService.set(s, (info.activeTasksCountByService.get(s) ?? 0) + 1);
  }
  const r = t.Spec.Resources?.Reservations;
  info.available.nanoCPUs -= r?.NanoCPUs ?? 0;
  info.available.memoryBytes -= r?.MemoryBytes ?? 0;
  if (hostPorts.length > 0) {
    info.hostPortsOf.set(t.ID, hostPorts);
    for (const p of hostPorts) info.usedHostPorts.add(p);
  }
}

/** removeTask: the reverse of addTask for the task added under this ID. */
export function removeTask(info: NodeInfo, id: string): void {
  const t = info.tasks.get(id);
  if (!t) return;
  info.tasks.delete(id);
  if (!stateAfter(t.DesiredState, 'complete')) {
    info.activeTasksCount--;
    const s = t.ServiceID ?? '';
    const n = (info.activeTasksCountByService.get(s) ?? 0) - 1;
    if (n > 0) info.activeTasksCountByService.set(s, n);
    else info.activeTasksCountByService.delete(s);
  }
  const r = t.Spec.Resources?.Reservations;
  info.available.nanoCPUs += r?.NanoCPUs ?? 0;
  info.available.memoryBytes += r?.MemoryBytes ?? 0;
  const ports = info.hostPortsOf.get(id);
  if (ports) {
    info.hostPortsOf.delete(id);
    for (const p of ports) {
      let held = false;
      for (const other of info.hostPortsOf.values()) if ((held = other.includes(p))) break;
      if (!held) info.usedHostPorts.delete(p);
    }
  }
}

/** The node's resources less the reservations of its tasks (after the node object changed). */
export function resetAvailable(info: NodeInfo): void {
  info.available.nanoCPUs = info.node.Description?.Resources?.NanoCPUs ?? 0;
  info.available.memoryBytes = info.node.Description?.Resources?.MemoryBytes ?? 0;
  for (const t of info.tasks.values()) {
    const r = t.Spec.Resources?.Reservations;
    info.available.nanoCPUs -= r?.NanoCPUs ?? 0;
    info.available.memoryBytes -= r?.MemoryBytes ?? 0;
  }
}

/** monitorFailures and maxFailures of nodeinfo.go: 5 failures within 5 minutes. */
export const MONITOR_FAILURES_MS = 5 * 60_000;
export const MAX_FAILURES = 5;

export function countRecentFailures(info: NodeInfo, now: number, serviceId: string): number {
  let n = 0;
  for (const t of info.recentFailures.get(serviceId)?.values() ?? []) if (now - t < MONITOR_FAILURES_MS) n++;
  return n;
}
