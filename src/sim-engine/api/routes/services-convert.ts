/**
 * What moby's daemon/cluster/convert changes when it turns SwarmKit's stored task into
 * the API's (convert/task.go TaskFromGRPC): the simulated store keeps a task's spec as
 * the service's TaskTemplate, Runtime included, while the real one keeps a gRPC
 * message with no Runtime string.
 */
import type { Task } from '../types/service.ts';

/**
 * A task as the daemon answers it: taskSpecFromGRPC reads a container's spec back with
 * no Runtime (only a network attachment's is set), unlike serviceSpecFromGRPC, which
 * writes "container" into a service's TaskTemplate.
 */
export function taskFromGRPC(t: Task): Task {
  if (!t.Spec || t.Spec.Runtime === 'attachment') return t;
  const { Runtime: _runtime, ...spec } = t.Spec;
  return { ...t, Spec: spec };
}
