/** Network routes (moby api/server/router/network/network_routes.go). */
import type { Daemon } from '../../daemon/daemon.ts';
import { networkConnect, networkDisconnect } from '../../daemon/networks/connect.ts';
import { ManagerRedirect, networkCreate } from '../../daemon/networks/create.ts';
import { networkInspect } from '../../daemon/networks/inspect.ts';
import { findUniqueNetwork, networkList } from '../../daemon/networks/list.ts';
import { networksPrune } from '../../daemon/networks/prune.ts';
import { networkRemove } from '../../daemon/networks/remove.ts';
import { conflict, invalidParameter, notFound, systemError } from '../../errdefs.ts';
import {
  activeManagerCluster,
  basicNetworkView,
  getClusterNetwork,
  listClusterNetworks,
  removeClusterNetwork,
} from '../../swarm/networking/control.ts';
import { filterNetworks } from '../../daemon/networks/list.ts';
import type { NetworkInspect } from '../types/network.ts';
import { FilterArgs } from '../filters.ts';
import { json, noContent, type Route } from '../router.ts';
import type {
  NetworkConnectRequest,
  NetworkCreateRequest,
  NetworkDisconnectRequest,
} from '../types/network.ts';
import { bodyObject } from './util.ts';

/** strconv.ParseBool */
function parseBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
}

/**
 * getNetwork of the network router: a local network by full ID; then the cluster's by
 * ID prefix (or with scope=swarm); then a unique full name, then a unique ID prefix,
 * the local instance preferred to the cluster's view of the same network.
 */
function getNetwork(daemon: Daemon, term: string, scope: string | undefined): NetworkInspect {
  const local = daemon.networks
    .all()
    .filter((n) => !scope || n.scope === scope)
    .map((n) => networkInspect(n, true));
  const byId = local.find((n) => n.Id === term);
  if (byId) return byId;
  const byName = new Map(local.filter((n) => n.Name === term).map((n) => [n.Id, n]));
  const byPrefix = new Map(local.filter((n) => n.Id.startsWith(term)).map((n) => [n.Id, n]));
  const cluster = activeManagerCluster(daemon);
  if (cluster) {
    try {
      const nw = getClusterNetwork(cluster, term);
      if (nw.ID.startsWith(term) || scope === 'swarm')
        return byPrefix.get(nw.ID) ?? byName.get(nw.ID) ?? basicNetworkView(nw);
    } catch {
      // not found or ambiguous: the lists below decide
    }
    for (const nw of listClusterNetworks(cluster).map(basicNetworkView)) {
      if (scope && nw.Scope !== scope) continue;
      if (nw.Id === term) return nw;
      if (nw.Name === term && !byName.has(nw.Id)) byName.set(nw.Id, nw);
      if (nw.Id.startsWith(term) && !byPrefix.has(nw.Id)) byPrefix.set(nw.Id, nw);
    }
  }
  if (byName.size === 1) return [...byName.values()][0]!;
  if (byName.size > 1)
    throw invalidParameter(`network ${term} is ambiguous (${byName.size} matches found based on name)`);
  if (byPrefix.size === 1) return [...byPrefix.values()][0]!;
  if (byPrefix.size > 1)
    throw invalidParameter(
      `network ${term} is ambiguous (${byPrefix.size} matches found based on ID prefix)`,
    );
  throw notFound(`network ${term} not found`);
}

/** findUniqueNetwork over the cluster's networks (no local one matched). */
function uniqueClusterId(
  cluster: NonNullable<ReturnType<typeof activeManagerCluster>>,
  term: string,
): string {
  const all = listClusterNetworks(cluster);
  const exact = all.find((n) => n.ID === term);
  if (exact) return exact.ID;
  const byName = all.filter((n) => n.Spec.Name === term);
  if (byName.length === 1) return byName[0]!.ID;
  if (byName.length > 1)
    throw invalidParameter(`network ${term} is ambiguous (${byName.length} matches found based on name)`);
  const byPrefix = all.filter((n) => n.ID.startsWith(term));
  if (byPrefix.length === 1) return byPrefix[0]!.ID;
  if (byPrefix.length > 1)
    throw invalidParameter(
      `network ${term} is ambiguous (${byPrefix.length} matches found based on ID prefix)`,
    );
  throw notFound(`network ${term} not found`);
}

export const networkRoutes: Route<Daemon>[] = [
  {
    method: 'GET',
    path: '/networks',
    handler: ({ daemon, query }) => {
      // getNetworksList: the cluster's networks first (on an active manager), then
      // the local ones it did not list
      const filters = FilterArgs.parse(query['filters']);
      const local = networkList(daemon, filters);
      const cluster = activeManagerCluster(daemon);
      if (!cluster) return json(200, local);
      const swarm = filterNetworks(listClusterNetworks(cluster).map(basicNetworkView), filters);
      const seen = new Set(swarm.map((n) => n.Id));
      return json(200, [...swarm, ...local.filter((n) => !seen.has(n.Id))]);
    },
  },
  {
    method: 'POST',
    path: '/networks/create',
    handler: ({ daemon, body }) => {
      const req = bodyObject<NetworkCreateRequest>(body);
      const cluster = activeManagerCluster(daemon);
      if (cluster && listClusterNetworks(cluster).some((n) => n.Spec.Name === req.Name))
        throw conflict(`network with name ${req.Name} already exists`);
      try {
        return json(201, networkCreate(daemon, req));
      } catch (err) {
        // a swarm-scoped network is the cluster's to create; the swarm hooks in here
        if (err instanceof ManagerRedirect) {
          const create = daemon.networks.clusterCreate;
          if (create) return json(201, { Id: create(bodyObject<NetworkCreateRequest>(body)), Warning: '' });
          throw systemError(err.message);
        }
        throw err;
      }
    },
  },
  {
    method: 'POST',
    path: '/networks/prune',
    handler: ({ daemon, query }) => json(200, networksPrune(daemon, FilterArgs.parse(query['filters']))),
  },
  {
    method: 'GET',
    path: '/networks/{id}',
    handler: ({ daemon, params, query }) => {
      const term = params['id']!;
      const verbose = query['verbose'];
      if (verbose && parseBool(verbose) === undefined) {
        throw invalidParameter(
          `invalid value for verbose: ${verbose}: strconv.ParseBool: parsing ${JSON.stringify(verbose)}: invalid syntax`,
        );
      }
      const scope = query['scope'];
      return json(200, getNetwork(daemon, term, scope));
    },
  },
  {
    method: 'DELETE',
    path: '/networks/{id}',
    handler: ({ daemon, params }) => {
      const term = params['id']!;
      const cluster = activeManagerCluster(daemon);
      let local;
      try {
        local = findUniqueNetwork(daemon, term, true);
      } catch (err) {
        if (!cluster) throw err;
      }
      // a swarm-scoped network is removed from the cluster (deleteNetwork)
      if (local && local.scope !== 'swarm') networkRemove(daemon, local);
      else if (cluster) removeClusterNetwork(cluster, local?.id ?? uniqueClusterId(cluster, term));
      else if (local) networkRemove(daemon, local);
      return noContent();
    },
  },
  {
    method: 'POST',
    path: '/networks/{id}/connect',
    handler: ({ daemon, params, body }) => {
      const req = bodyObject<NetworkConnectRequest>(body);
      networkConnect(daemon, req.Container ?? '', params['id']!, req.EndpointConfig);
      return noContent(200);
    },
  },
  {
    method: 'POST',
    path: '/networks/{id}/disconnect',
    handler: ({ daemon, params, body }) => {
      const req = bodyObject<NetworkDisconnectRequest>(body);
      networkDisconnect(daemon, req.Container ?? '', params['id']!, req.Force ?? false);
      return noContent(200);
    },
  },
];
