/** `POST /containers/prune` (moby daemon/prune.go): every stopped container, optionally filtered. */
import type { ContainerPruneReport } from '../api/types/container.ts';
import type { FilterArgs } from '../api/filters.ts';
import { invalidParameter } from '../errdefs.ts';
import type { Daemon } from './daemon.ts';
import { destroy } from './delete.ts';
import { parseUntil } from '../api/timetypes.ts';

export function containersPrune(d: Daemon, filters: FilterArgs): ContainerPruneReport {
  filters.validate(['label', 'label!', 'until']);
  const until = filters.get('until');
  if (until.length > 1) throw invalidParameter('more than one until filter specified');
  const cutoff = until.length === 1 ? parseUntil(until[0]!, d.clock.now()) : undefined;
  const deleted: string[] = [];
  for (const c of [...d.containers.values()]) {
    if (c.isRunning || c.status === 'restarting' || c.removalInProgress) continue;
    if (cutoff !== undefined && c.created.ms >= cutoff) continue;
    if (!filters.matchKVList('label', c.config.Labels)) continue;
    if (filters.contains('label!') && filters.get('label!').some((l) => matchesLabel(l, c.config.Labels)))
      continue;
    destroy(d, c, false);
    deleted.push(c.id);
  }
  d.events.log(d.instant(), 'container', 'prune', '', { reclaimed: '0' });
  return { ContainersDeleted: deleted.length > 0 ? deleted : null, SpaceReclaimed: 0 };
}

function matchesLabel(spec: string, labels: Record<string, string> | null): boolean {
  if (!labels) return false;
  const eq = spec.indexOf('=');
  return eq < 0 ? spec in labels : labels[spec.slice(0, eq)] === spec.slice(eq + 1);
}
