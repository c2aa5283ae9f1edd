/** Network routes (moby api/server/router/network/network_routes.go). */
import type { Daemon } from '../../daemon/daemon.ts';
import { networkConnect, networkDisconnect } from '../../daemon/networks/connect.ts';
import { ManagerRedirect, networkCreate } from '../../daemon/networks/create.ts';
import { networkInspect } from '../../daemon/networks/inspect.ts';
import { findUniqueNetwork, networkList } from '../../daemon/networks/list.ts';
import { networksPrune } from '../../daemon/networks/prune.ts';
import { networkRemove } from '../../daemon/networks/remove.ts';
import { invalidParameter, notFound, systemError } from '../../errdefs.ts';
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

export const networkRoutes: Route<Daemon>[] = [
  {
    method: 'GET',
    path: '/networks',
    handler: ({ daemon, query }) => json(200, networkList(daemon, FilterArgs.parse(query['filters']))),
  },
  {
    method: 'POST',
    path: '/networks/create',
    handler: ({ daemon, body }) => {
      try {
        return json(201, networkCreate(daemon, bodyObject<NetworkCreateRequest>(body)));
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
      const network = findUniqueNetwork(daemon, term);
      const scope = query['scope'];
      if (scope && network.scope !== scope) throw notFound(`network ${term} not found`);
      return json(200, networkInspect(network, true));
    },
  },
  {
    method: 'DELETE',
    path: '/networks/{id}',
    handler: ({ daemon, params }) => {
      networkRemove(daemon, findUniqueNetwork(daemon, params['id']!, true));
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
