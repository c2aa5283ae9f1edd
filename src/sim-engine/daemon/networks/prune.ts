/**
 * `POST /networks/prune` (moby daemon/prune.go localNetworksPrune): every network
 * that is not predefined, not config-only and has no endpoint (no running
 * container), filtered by `until` and `label`/`label!`. Answers with their names.
 */
import type { FilterArgs } from '../../api/filters.ts';
import { parseUntil } from '../../api/timetypes.ts';
import type { NetworkPruneReport } from '../../api/types/network.ts';
import { invalidParameter } from '../../errdefs.ts';
import type { Daemon } from '../daemon.ts';
import { isPredefined } from './record.ts';
import { networkRemove } from './remove.ts';

export function networksPrune(d: Daemon, filters: FilterArgs): NetworkPruneReport {
  filters.validate(['label', 'label!', 'until']);
  const until = filters.get('until');
  if (until.length > 1) throw invalidParameter('more than one until filter specified');
  const cutoff = until.length === 1 ? parseUntil(until[0]!, d.clock.now()) : undefined;
  const deleted: string[] = [];
  for (const network of d.networks.all()) {
    if (network.configOnly) continue;
    if (cutoff !== undefined && network.created.ms > cutoff) continue;
    if (!matchLabels(filters, network.labels)) continue;
    // IsPruneable: predefined networks, and the swarm's ingress, are not pruned here
    if (isPredefined(network.name) || network.ingress || network.dynamic) continue;
    if (network.endpoints.size > 0) continue;
    try {
      networkRemove(d, network);
    } catch {
      continue;
    }
    deleted.push(network.name);
  }
  d.events.log(d.instant(), 'network', 'prune', '', { reclaimed: '0' });
  return { NetworksDeleted: deleted.length > 0 ? deleted : null };
}

/** prune.go matchLabels: `label` must all match, `label!` must not. */
export function matchLabels(filters: FilterArgs, labels: Record<string, string> | null): boolean {
  if (!filters.matchKVList('label', labels)) return false;
  if (filters.contains('label!') && filters.matchKVList('label!', labels)) return false;
  return true;
}
