/**
 * Service helpers for component tests: create a service in the store as the control
 * API does, and read tasks back in a compact form.
 */
import type { Service, ServiceSpec, Task } from '../../api/types/service.ts';
import type { Cluster } from '../cluster.ts';

export function createService(cluster: Cluster, spec: ServiceSpec): Service {
  const id = cluster.random.base36(25);
  const now = '2026-11-28T10:00:00.000000002Z';
  return cluster.store.update((tx) =>
    tx.create<Service>('service', {
      ID: id,
      CreatedAt: now,
      UpdatedAt: now,
      Spec: spec,
      Endpoint: { Spec: {} },
    }),
  );
}

export function updateService(cluster: Cluster, id: string, change: (s: Service) => void): void {
  cluster.store.update((tx) => {
    const s = tx.get<Service>('service', id)!;
    change(s);
    tx.update('service', s);
  });
}

export function tasksOf(cluster: Cluster, serviceId: string): Task[] {
  return cluster.store.find<Task>('task', (t) => t.ServiceID === serviceId);
}

/** `slot node desired/state` lines, by slot then creation, for assertions. */
export function taskLines(cluster: Cluster, serviceId: string, hostnames: Map<string, string>): string[] {
  return tasksOf(cluster, serviceId)
    .sort((a, b) => (a.Slot ?? 0) - (b.Slot ?? 0) || (a.CreatedAt < b.CreatedAt ? -1 : 1))
    .map(
      (t) =>
        `${t.Slot ?? '-'} ${hostnames.get(t.NodeID ?? '') ?? '?'} ${t.DesiredState}/${t.Status.State}${t.Status.Err ? ` "${t.Status.Err}"` : ''}`,
    );
}
