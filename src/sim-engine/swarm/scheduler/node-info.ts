/**
 * What the scheduler knows of a node (swarmkit manager/scheduler/nodeinfo.go): the
 * node, the tasks assigned to it that still hold resources (PENDING…RUNNING), how
 * many of them are active (desired state ≤ COMPLETE) in total and per service, the
 * resources left, the host ports in use, and the recent failures per service.
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
  /** failed or rejected tasks of a service here, with their times (ms) */
  recentFailures: Map<string, number[]>;
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
  for (const p of hostPorts) info.usedHostPorts.add(p);
}

/** monitorFailures and maxFailures of nodeinfo.go: 5 failures within 5 minutes. */
export const MONITOR_FAILURES_MS = 5 * 60_000;
export const MAX_FAILURES = 5;

export function countRecentFailures(info: NodeInfo, now: number, serviceId: string): number {
  return (info.recentFailures.get(serviceId) ?? []).filter((t) => now - t < MONITOR_FAILURES_MS).length;
}
