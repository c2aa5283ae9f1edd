/**
 * Swarm and node routes (moby api/server/router/swarm/cluster_routes.go), answered by
 * the daemon's side of swarm mode in swarm/manager/.
 */
import type { Daemon } from '../../daemon/daemon.ts';
import { invalidParameter } from '../../errdefs.ts';
import {
  getNode,
  inspectSwarm,
  listNodes,
  removeNode,
  unlockKey,
  updateNode,
  updateSwarm,
} from '../../swarm/manager/control.ts';
import { swarmLeave } from '../../swarm/manager/leave.ts';
import { swarmInit, swarmJoin } from '../../swarm/manager/node-runner.ts';
import { boolValue } from '../query.ts';
import { goJSON } from '../go-structs/index.ts';
import { json, noContent, type Route } from '../router.ts';
import type { InitRequest, JoinRequest, NodeSpec, SwarmSpec } from '../types/swarm.ts';
import { bodyObject } from './util.ts';

/** strconv.ParseUint of the `version` parameter, with the route's error. */
function versionOf(query: Record<string, string>, what: string): number {
  const raw = query['version'] ?? '';
  if (!/^\d+$/.test(raw)) {
    const reason = raw === '' ? 'invalid syntax' : 'invalid syntax';
    throw invalidParameter(
      `invalid ${what} version '${raw}': strconv.ParseUint: parsing "${raw}": ${reason}`,
    );
  }
  return Number(raw);
}

/** strconv.ParseBool of an update flag; absent is false. */
function flagOf(query: Record<string, string>, key: string): boolean {
  const v = query[key];
  if (v === undefined || v === '') return false;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  throw invalidParameter(`invalid value for ${key}: ${v}`);
}

export const swarmRoutes: Route<Daemon>[] = [
  {
    method: 'POST',
    path: '/swarm/init',
    handler: ({ daemon, body }) => json(200, swarmInit(daemon, bodyObject<InitRequest>(body))),
  },
  {
    method: 'POST',
    path: '/swarm/join',
    handler: async ({ daemon, body }) => {
      await swarmJoin(daemon, bodyObject<JoinRequest>(body));
      return noContent(200);
    },
  },
  {
    method: 'POST',
    path: '/swarm/leave',
    handler: async ({ daemon, query }) => {
      await swarmLeave(daemon, boolValue(query, 'force'));
      return noContent(200);
    },
  },
  {
    method: 'POST',
    path: '/swarm/update',
    handler: ({ daemon, query, body }) => {
      const version = versionOf(query, 'swarm');
      updateSwarm(daemon, version, bodyObject<SwarmSpec>(body), {
        rotateWorkerToken: flagOf(query, 'rotateWorkerToken'),
        rotateManagerToken: flagOf(query, 'rotateManagerToken'),
        rotateManagerUnlockKey: flagOf(query, 'rotateManagerUnlockKey'),
      });
      return noContent(200);
    },
  },
  {
    method: 'GET',
    path: '/swarm',
    handler: ({ daemon }) => json(200, goJSON(inspectSwarm(daemon), 'swarm.Swarm')),
  },
  {
    method: 'GET',
    path: '/swarm/unlockkey',
    handler: ({ daemon }) => json(200, { UnlockKey: unlockKey(daemon) }),
  },
  {
    method: 'GET',
    path: '/nodes',
    handler: ({ daemon, query }) => json(200, goJSON(listNodes(daemon, query['filters']), '[]swarm.Node')),
  },
  {
    method: 'GET',
    path: '/nodes/{id}',
    handler: ({ daemon, params }) => json(200, goJSON(getNode(daemon, params['id']!), 'swarm.Node')),
  },
  {
    method: 'POST',
    path: '/nodes/{id}/update',
    handler: ({ daemon, params, query, body }) => {
      const version = versionOf(query, 'node');
      updateNode(daemon, params['id']!, version, bodyObject<NodeSpec>(body));
      return noContent(200);
    },
  },
  {
    method: 'DELETE',
    path: '/nodes/{id}',
    handler: ({ daemon, params, query }) => {
      removeNode(daemon, params['id']!, boolValue(query, 'force'));
      return noContent(200);
    },
  },
];
