/**
 * What both orchestrators share (swarmkit manager/orchestrator/task.go, service.go):
 * making a new task from a service's template, telling replicated from global
 * services, and the defaults of a restart policy (api/defaults/service.go).
 */
import type { Service, Task, TaskState } from '../../api/types/service.ts';
import { TASK_STATE_ORDER } from '../../api/types/service.ts';
import type { Cluster } from '../cluster.ts';
import { clusterNow } from './timestamp.ts';

/** Store kinds the components read and write (cluster.ts lists them all). */
export const SERVICE = 'service';
export const TASK = 'task';
export const NODE = 'node';

export const isReplicated = (s: Service | undefined): boolean => !!s?.Spec.Mode?.Replicated;
export const isGlobal = (s: Service | undefined): boolean => !!s?.Spec.Mode?.Global;

/** `a` comes before `b` in the task state machine. */
export function stateBefore(a: TaskState | undefined, b: TaskState): boolean {
  return TASK_STATE_ORDER[a ?? 'new'] < TASK_STATE_ORDER[b];
}

export function stateAfter(a: TaskState | undefined, b: TaskState): boolean {
  return TASK_STATE_ORDER[a ?? 'new'] > TASK_STATE_ORDER[b];
}

/** orchestrator.NewTask: state NEW, "created", desired RUNNING; a slot or a node (global). */
export function newTask(cluster: Cluster, service: Service, slot: number, nodeId: string): Task {
  const now = clusterNow(cluster);
  const task: Task = {
    ID: cluster.random.base36(25),
    Version: { Index: 0 },
    CreatedAt: now,
    UpdatedAt: now,
    Labels: {},
    Spec: structuredCopy(service.Spec.TaskTemplate ?? {}),
    ServiceID: service.ID,
    Status: { Timestamp: now, State: 'new', Message: 'created' },
    DesiredState: 'running',
  };
  if (slot > 0) task.Slot = slot;
  if (nodeId) task.NodeID = nodeId;
  return task;
}

function structuredCopy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** defaults.Service.Task.Restart: condition any, delay 5s, no attempt limit */
export const DEFAULT_RESTART_DELAY_NS = 5_000_000_000;

/** The task's restart condition (orchestrator.RestartCondition): `any` unless set. */
export function restartCondition(t: Task): 'none' | 'on-failure' | 'any' {
  return t.Spec.RestartPolicy?.Condition ?? 'any';
}

/** A node that must not run tasks (orchestrator.InvalidNode): gone, down or drained. */
export function invalidNode(n: NodeObject | undefined): boolean {
  return !n || n.Status?.State === 'down' || n.Spec?.Availability === 'drain';
}

/** The parts of a stored Node (Engine API shape) the components read. */
export interface NodeObject {
  ID: string;
  Version: { Index: number };
  Spec?: { Role?: string; Availability?: string; Labels?: Record<string, string>; Name?: string };
  Description?: {
    Hostname?: string;
    Platform?: { Architecture?: string; OS?: string };
    Resources?: { NanoCPUs?: number; MemoryBytes?: number };
    Engine?: { EngineVersion?: string; Labels?: Record<string, string> };
  };
  Status?: { State?: string; Addr?: string; Message?: string };
}

/** The cluster's TaskHistoryRetentionLimit (Spec.Orchestration of the 'cluster' object), 5 by default. */
export function taskHistoryLimit(cluster: Cluster): number {
  const c = cluster.store.find<{
    ID: string;
    Version: { Index: number };
    Spec?: { Orchestration?: { TaskHistoryRetentionLimit?: number } };
  }>('cluster')[0];
  return c?.Spec?.Orchestration?.TaskHistoryRetentionLimit ?? 5;
}
