/**
 * `POST /containers/{id}/update` (moby daemon/update.go, container.UpdateContainer):
 * change a container's resources and restart policy; set fields only, with moby's
 * conflicts, and an `update` event.
 */
import type { HostConfig } from '../api/types/container.ts';
import { conflict, DaemonError } from '../errdefs.ts';
import type { Container } from './container.ts';
import type { Daemon } from './daemon.ts';
import { validateHostConfig } from './validate.ts';

type Update = Partial<HostConfig>;

export function containerUpdate(d: Daemon, c: Container, u: Update): { Warnings: string[] } {
  const fail = (message: string): never => {
    throw new DaemonError('Conflict', `Cannot update container ${c.id}: ${message}`);
  };
  if (c.removalInProgress || c.status === 'dead')
    fail('container is marked for removal and cannot be "update"');
  if (u.RestartPolicy && u.RestartPolicy.Name) {
    validateHostConfig({ ...c.hostConfig, RestartPolicy: u.RestartPolicy, AutoRemove: false });
  }
  const h = c.hostConfig;
  if ((u.NanoCpus ?? 0) > 0 && h.CpuPeriod > 0)
    fail('Conflicting options: Nano CPUs cannot be updated as CPU Period has already been set');
  if ((u.NanoCpus ?? 0) > 0 && h.CpuQuota > 0)
    fail('Conflicting options: Nano CPUs cannot be updated as CPU Quota has already been set');
  if ((u.CpuPeriod ?? 0) > 0 && h.NanoCpus > 0)
    fail('Conflicting options: CPU Period cannot be updated as NanoCPUs has already been set');
  if ((u.CpuQuota ?? 0) > 0 && h.NanoCpus > 0)
    fail('Conflicting options: CPU Quota cannot be updated as NanoCPUs has already been set');
  if (u.Memory && u.Memory > h.MemorySwap && !u.MemorySwap && h.MemorySwap !== 0) {
    fail(
      'Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time',
    );
  }
  if (u.RestartPolicy?.Name && h.AutoRemove && u.RestartPolicy.Name !== 'no') {
    fail('Restart policy cannot be updated because AutoRemove is enabled for the container');
  }
  const numeric = [
    'BlkioWeight',
    'CpuShares',
    'NanoCpus',
    'CpuPeriod',
    'CpuQuota',
    'Memory',
    'MemorySwap',
    'MemoryReservation',
    'CpuRealtimePeriod',
    'CpuRealtimeRuntime',
  ] as const;
  for (const k of numeric) {
    const v = u[k];
    if (typeof v === 'number' && v !== 0) (h as unknown as Record<string, number>)[k] = v;
  }
  if (u.CpusetCpus) h.CpusetCpus = u.CpusetCpus;
  if (u.CpusetMems) h.CpusetMems = u.CpusetMems;
  if (u.PidsLimit !== undefined && u.PidsLimit !== null) h.PidsLimit = u.PidsLimit;
  if (u.RestartPolicy?.Name) {
    h.RestartPolicy = {
      Name: u.RestartPolicy.Name,
      MaximumRetryCount: u.RestartPolicy.MaximumRetryCount ?? 0,
    };
    // the restart manager takes the new policy; an earlier stop no longer holds it back
    c.restartCanceled = false;
  }
  d.containerEvent(c, 'update');
  return { Warnings: [] };
}

export { conflict };
