/**
 * Is a task out of date with its service? (swarmkit manager/orchestrator/task.go
 * IsTaskDirty, IsTaskDirtyPlacementConstraintsOnly.) A task is dirty when its spec is
 * not the service's TaskTemplate — except when only the placement changed (constraints,
 * preferences, max replicas per node, platforms) and the task's node still satisfies the
 * constraints. The updater replaces dirty tasks; the
 * `_up-to-date` task filter the CLI's progress display uses shows the clean ones.
 *
 * Specs are compared as protobuf values are: an empty list, map, string or zero number
 * is the same as none (the Engine API's JSON goes through gRPC messages in Docker, where
 * `[]` and a missing field are one thing), and key order does not matter.
 */
import type { Service, Task, TaskSpec } from '../../api/types/service.ts';
import type { NodeObject } from '../orchestrator/task.ts';
import { nodeMatches, parseConstraints } from '../scheduler/constraint.ts';

/** A JSON value with zero values dropped and object keys sorted, for comparison. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) {
    const out = v.map(canonical);
    return out.length === 0 ? undefined : out;
  }
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const c = canonical((v as Record<string, unknown>)[k]);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  if (v === null || v === '' || v === 0 || v === false) return undefined;
  return v;
}

/** reflect.DeepEqual of two values as gRPC would carry them. */
export function sameSpec(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a) ?? null) === JSON.stringify(canonical(b) ?? null);
}

/** The service's task spec with the task's placement: swarmkit swaps the whole Placement,
 *  so a change of preferences, replicas per node or platforms alone is not dirty either. */
function withPlacement(spec: TaskSpec, placement: TaskSpec['Placement']): TaskSpec {
  return { ...spec, Placement: placement };
}

/** IsTaskDirty; `node` is the task's node (undefined when it has none or it is gone). */
export function isTaskDirty(service: Service, t: Task, node: NodeObject | undefined): boolean {
  const want = service.Spec.TaskTemplate ?? {};
  if (sameSpec(want, t.Spec)) return false;
  // IsTaskDirtyPlacementConstraintsOnly && nodeMatches
  if (node && sameSpec(withPlacement(want, t.Spec.Placement), t.Spec)) {
    try {
      if (nodeMatches(parseConstraints(want.Placement?.Constraints ?? []), node)) return false;
    } catch {
      // a constraint that does not parse matches no node
    }
  }
  return true;
}
