/**
 * Secret routes (moby api/server/router/swarm/cluster_routes.go getSecrets,
 * createSecret, getSecret, removeSecret, updateSecret, backed by
 * daemon/cluster/secrets.go): what a manager answers from the cluster store. The
 * control API (swarm/secrets/control.ts) is the one writer of secret objects. Config
 * routes (configs.ts) are the same handlers for the other kind.
 */
import type { Daemon } from '../../daemon/daemon.ts';
import { rfc3339Nano as rfc } from '../../daemon/instant.ts';
import { invalidParameter } from '../../errdefs.ts';
import { controlOf } from '../../swarm/manager/control.ts';
import {
  createObject,
  type Kind,
  listObjects,
  removeObject,
  SECRET,
  updateObject,
} from '../../swarm/secrets/control.ts';
import { apiView, listFilters, readSpec, resolveObject } from '../../swarm/secrets/daemon.ts';
import { goJSON } from '../go-structs/index.ts';
import { json, noContent, type Route } from '../router.ts';
import { compareVersions } from '../version.ts';

/** The five routes of `/secrets` or `/configs`. */
export function objectRoutes(kind: Kind): Route<Daemon>[] {
  const base = `/${kind}s`;
  // the moby struct the daemon marshals: swarm.Secret or swarm.Config
  const goType = kind === SECRET ? 'swarm.Secret' : 'swarm.Config';
  return [
    {
      method: 'GET',
      path: base,
      handler: ({ daemon, query }) => {
        const filters = listFilters(kind, query['filters']);
        const { cluster } = controlOf(daemon);
        return json(
          200,
          listObjects(cluster, kind, filters).map((o) => goJSON(apiView(kind, o), goType)),
        );
      },
    },
    {
      method: 'POST',
      path: `${base}/create`,
      handler: ({ daemon, body, version }) => {
        const spec = readSpec(kind, body);
        if (spec.Templating && compareVersions(version, '1.37') < 0)
          throw invalidParameter(
            `${kind} templating is not supported on the specified API version: ${version}`,
          );
        const { cluster } = controlOf(daemon);
        return json(201, { ID: createObject(cluster, kind, spec, rfc(daemon.instant())) });
      },
    },
    {
      method: 'GET',
      path: `${base}/{id}`,
      handler: ({ daemon, params }) => {
        const { cluster } = controlOf(daemon);
        return json(200, goJSON(apiView(kind, resolveObject(cluster, kind, params['id']!)), goType));
      },
    },
    {
      method: 'DELETE',
      path: `${base}/{id}`,
      handler: ({ daemon, params }) => {
        const { cluster } = controlOf(daemon);
        removeObject(cluster, kind, resolveObject(cluster, kind, params['id']!).ID);
        return noContent(204);
      },
    },
    {
      method: 'POST',
      path: `${base}/{id}/update`,
      handler: ({ daemon, params, query, body }) => {
        const spec = readSpec(kind, body);
        // strconv.ParseUint(rawVersion, 10, 64)
        const raw = query['version'] ?? '';
        if (!/^[0-9]+$/.test(raw) || raw.length > 20) throw invalidParameter(`invalid ${kind} version`);
        const { cluster } = controlOf(daemon);
        const o = resolveObject(cluster, kind, params['id']!);
        updateObject(cluster, kind, o.ID, Number(raw), spec, rfc(daemon.instant()));
        return noContent(200);
      },
    },
  ];
}

export const secretRoutes = objectRoutes(SECRET);
