/**
 * `GET /networks` and the lookups of the network routes (moby
 * api/server/router/network, daemon/network/filter.go FilterNetworks).
 */
import type { FilterArgs } from '../../api/filters.ts';
import type { NetworkInspect } from '../../api/types/network.ts';
import { invalidParameter, notFound, systemError } from '../../errdefs.ts';
import type { Daemon } from '../daemon.ts';
import { networkInspect } from './inspect.ts';
import { isPredefined, type NetworkRecord } from './record.ts';

/** network.ValidateFilters */
export const NETWORK_LIST_FILTERS = ['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type'];

export function networkList(d: Daemon, filters: FilterArgs): NetworkInspect[] {
  filters.validate(NETWORK_LIST_FILTERS);
  return filterNetworks(
    d.networks.all().map((n) => networkInspect(n, false)),
    filters,
  );
}

/**
 * FilterNetworks. Note that it runs on the summaries of the list, whose Containers
 * are always empty: `dangling=true` keeps every network that is not predefined,
 * used or not, and `dangling=false` only the predefined ones — as Docker 28 does.
 */
export function filterNetworks(networks: NetworkInspect[], filters: FilterArgs): NetworkInspect[] {
  if (filters.size === 0) return networks;
  let out = networks.filter((nw) => {
    if (filters.contains('driver') && !filters.exactMatch('driver', nw.Driver)) return false;
    if (filters.contains('name') && !filters.match('name', nw.Name)) return false;
    if (filters.contains('id') && !filters.match('id', nw.Id)) return false;
    if (filters.contains('label') && !filters.matchKVList('label', nw.Labels)) return false;
    if (filters.contains('scope') && !filters.exactMatch('scope', nw.Scope)) return false;
    return true;
  });
  const dangling = filters.get('dangling');
  if (dangling.length > 0) {
    if (dangling.length > 1) throw invalidParameter('got more than one value for filter key "dangling"');
    let danglingOnly: boolean;
    switch (dangling[0]) {
      case '0':
      case 'false':
        danglingOnly = false;
        break;
      case '1':
      case 'true':
        danglingOnly = true;
        break;
      default:
        throw invalidParameter(
          'invalid value for filter \'dangling\', must be "true" (or "1"), or "false" (or "0")',
        );
    }
    out = out.filter((nw) => {
      const used = Object.keys(nw.Containers).length > 0;
      return danglingOnly ? !isPredefined(nw.Name) && !used : isPredefined(nw.Name) || used;
    });
  }
  if (filters.contains('type')) {
    const typed: NetworkInspect[] = [];
    for (const value of filters.get('type')) {
      if (value === 'builtin') typed.push(...out.filter((nw) => isPredefined(nw.Name)));
      else if (value === 'custom') typed.push(...out.filter((nw) => !isPredefined(nw.Name)));
      // errors.Errorf: no errdefs kind, so a 500
      else throw systemError(`invalid filter: 'type'='${value}'`);
    }
    out = typed;
  }
  return out;
}

/**
 * findUniqueNetwork / getNetwork of the network router: full ID, then a unique full
 * name, then a unique ID prefix.
 */
export function findUniqueNetwork(d: Daemon, term: string, forDelete = false): NetworkRecord {
  const all = d.networks.all();
  const byId = all.find((n) => n.id === term);
  if (byId) return byId;
  const byName = all.filter((n) => n.name === term && !(forDelete && n.ingress));
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1)
    throw invalidParameter(`network ${term} is ambiguous (${byName.length} matches found based on name)`);
  const byPrefix = term === '' ? [] : all.filter((n) => n.id.startsWith(term));
  if (byPrefix.length === 1) return byPrefix[0]!;
  if (byPrefix.length > 1)
    throw invalidParameter(
      `network ${term} is ambiguous (${byPrefix.length} matches found based on ID prefix)`,
    );
  throw notFound(`network ${term} not found`);
}
