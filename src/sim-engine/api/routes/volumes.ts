/** Volume routes (moby api/server/router/volume/volume_routes.go). */
import type { Daemon } from '../../daemon/daemon.ts';
import { NOT_SWARM_MANAGER } from '../../daemon/networks/create.ts';
import { volumeCreate } from '../../daemon/volumes/create.ts';
import { volumeList } from '../../daemon/volumes/list.ts';
import { volumesPrune } from '../../daemon/volumes/prune.ts';
import { volumeRemove } from '../../daemon/volumes/remove.ts';
import { volumeView } from '../../daemon/volumes/view.ts';
import { DaemonError, unavailable } from '../../errdefs.ts';
import { FilterArgs } from '../filters.ts';
import { boolValue } from '../query.ts';
import { json, noContent, type Route } from '../router.ts';
import type { VolumeCreateRequest } from '../types/volume.ts';
import { bodyObject } from './util.ts';

export const volumeRoutes: Route<Daemon>[] = [
  {
    method: 'GET',
    path: '/volumes',
    handler: ({ daemon, query }) => {
      let filters: FilterArgs;
      try {
        filters = FilterArgs.parse(query['filters']);
      } catch (err) {
        if (err instanceof DaemonError)
          throw new DaemonError(err.kind, `error reading volume filters: ${err.message}`);
        throw err;
      }
      return json(200, volumeList(daemon, filters));
    },
  },
  {
    method: 'POST',
    path: '/volumes/create',
    handler: ({ daemon, body }) => {
      const req = bodyObject<VolumeCreateRequest>(body);
      // cluster volumes are the swarm's (CSI): a node that is not a manager has none
      if (req.ClusterVolumeSpec) throw unavailable(NOT_SWARM_MANAGER);
      return json(201, volumeCreate(daemon, req));
    },
  },
  {
    method: 'POST',
    path: '/volumes/prune',
    handler: ({ daemon, query }) => json(200, volumesPrune(daemon, FilterArgs.parse(query['filters']))),
  },
  {
    method: 'GET',
    path: '/volumes/{name}',
    handler: ({ daemon, params }) => json(200, volumeView(daemon.volumes.get(params['name']!))),
  },
  {
    method: 'PUT',
    path: '/volumes/{name}',
    handler: () => {
      throw unavailable('volume update only valid for cluster volumes, but swarm is unavailable');
    },
  },
  {
    method: 'DELETE',
    path: '/volumes/{name}',
    handler: ({ daemon, params, query }) => {
      volumeRemove(daemon, params['name']!, boolValue(query, 'force'));
      return noContent();
    },
  },
];
