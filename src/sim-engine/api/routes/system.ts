/**
 * System routes (moby api/server/router/system): ping, version, info, disk usage and
 * the event stream. The facts about the host and the engine build live in
 * daemon/system/engine-host.ts and api/version.ts.
 */
import type { Daemon } from '../../daemon/daemon.ts';
import { authenticate } from '../../daemon/images/login.ts';
import { diskUsageTypes, systemDiskUsage } from '../../daemon/system/df.ts';
import { KERNEL_VERSION } from '../../daemon/system/engine-host.ts';
import { streamEvents } from '../../daemon/system/event-stream.ts';
import { swarmInfo, systemInfo } from '../../daemon/system/info.ts';
import { commonHeaders, json, type Route } from '../router.ts';
import type { AuthConfig } from '../registry-auth.ts';
import type { VersionResponse } from '../types/system.ts';
import {
  API_VERSION,
  compareVersions,
  CONTAINERD_COMMIT,
  CONTAINERD_VERSION,
  ENGINE_GIT_COMMIT,
  ENGINE_VERSION,
  GO_VERSION,
  INIT_COMMIT,
  INIT_VERSION,
  MIN_API_VERSION,
  RUNC_COMMIT,
  RUNC_VERSION,
} from '../version.ts';
import { bodyObject, jsonStream } from './util.ts';

export { KERNEL_VERSION };
/** When this engine build was made, as `docker version` prints it. */
export const BUILD_TIME = '2025-11-05T14:43:20.000000000+00:00';

/** pingHandler: `OK`, or for HEAD no body and a Content-Length of 0 it sets itself. */
function ping(daemon: Daemon, head: boolean) {
  return {
    status: 200,
    headers: {
      ...commonHeaders(),
      'Builder-Version': '2',
      'Cache-Control': 'no-cache, no-store, must-revalidate',
      ...(head ? { 'Content-Length': '0' } : {}),
      'Content-Type': 'text/plain; charset=utf-8',
      Pragma: 'no-cache',
      Swarm: pingSwarmStatus(daemon),
    },
    body: head ? undefined : 'OK',
  };
}

/** The Swarm header: `<LocalNodeState>[/manager|/worker]` (cluster.Status). */
function pingSwarmStatus(daemon: Daemon): string {
  const swarm = swarmInfo(daemon);
  if (swarm.LocalNodeState !== 'active') return swarm.LocalNodeState;
  return `active/${swarm.ControlAvailable ? 'manager' : 'worker'}`;
}

export function versionBody(): VersionResponse {
  return {
    Platform: { Name: 'Docker Engine - Community' },
    Components: [
      {
        Name: 'Engine',
        Version: ENGINE_VERSION,
        Details: {
          ApiVersion: API_VERSION,
          Arch: 'amd64',
          BuildTime: BUILD_TIME,
          Experimental: 'false',
          GitCommit: ENGINE_GIT_COMMIT,
          GoVersion: GO_VERSION,
          KernelVersion: KERNEL_VERSION,
          MinAPIVersion: MIN_API_VERSION,
          Os: 'linux',
        },
      },
      { Name: 'containerd', Version: CONTAINERD_VERSION, Details: { GitCommit: CONTAINERD_COMMIT } },
      { Name: 'runc', Version: RUNC_VERSION, Details: { GitCommit: RUNC_COMMIT } },
      { Name: 'docker-init', Version: INIT_VERSION, Details: { GitCommit: INIT_COMMIT } },
    ],
    Version: ENGINE_VERSION,
    ApiVersion: API_VERSION,
    MinAPIVersion: MIN_API_VERSION,
    GitCommit: ENGINE_GIT_COMMIT,
    GoVersion: GO_VERSION,
    Os: 'linux',
    Arch: 'amd64',
    KernelVersion: KERNEL_VERSION,
    BuildTime: BUILD_TIME,
  };
}

export const systemRoutes: Route<Daemon>[] = [
  { method: 'GET', path: '/_ping', handler: ({ daemon }) => ping(daemon, false) },
  { method: 'HEAD', path: '/_ping', handler: ({ daemon }) => ping(daemon, true) },
  { method: 'GET', path: '/version', handler: () => json(200, versionBody()) },
  {
    // postAuth: the body is the AuthConfig; the answer is AuthenticateOKBody
    method: 'POST',
    path: '/auth',
    handler: async ({ daemon, body }) => json(200, await authenticate(daemon, bodyObject<AuthConfig>(body))),
  },
  {
    method: 'GET',
    path: '/info',
    // Differs from Docker: the per-version rewrites of getInfo for clients older than
    // API 1.49 (Expected commits, BridgeNfIptables, no FirewallBackend…) are not made;
    // every Dockyard client speaks 1.51.
    handler: ({ daemon }) => json(200, systemInfo(daemon)),
  },
  {
    method: 'GET',
    path: '/system/df',
    handler: ({ daemon, query, version }) => {
      // `type` is honoured from API 1.42 on; this transport keeps one value per key
      const types = compareVersions(version, '1.42') >= 0 && query['type'] ? [query['type']] : [];
      return json(200, systemDiskUsage(daemon, diskUsageTypes(types)));
    },
  },
  {
    method: 'GET',
    path: '/events',
    handler: ({ daemon, query, version }) =>
      jsonStream(
        streamEvents(daemon, {
          since: query['since'],
          until: query['until'],
          filters: query['filters'],
          noImageCreate: compareVersions(version, '1.46') < 0,
        }),
      ),
  },
];
