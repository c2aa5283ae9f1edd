/** Ping and version (moby api/server/router/system); the rest of system lives with its helper files. */
import type { Daemon } from '../../daemon/daemon.ts';
import { commonHeaders, json, type Route } from '../router.ts';
import {
  API_VERSION,
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
import type { VersionResponse } from '../types/system.ts';

/** The kernel the lab hosts report (`uname -r`, `docker version`, `docker info`). */
export const KERNEL_VERSION = '6.8.0-60-generic';
/** When this engine build was made, as `docker version` prints it. */
export const BUILD_TIME = '2025-11-05T14:43:20.000000000+00:00';

function ping(daemon: Daemon) {
  void daemon;
  return {
    status: 200,
    headers: {
      ...commonHeaders(),
      'Builder-Version': '2',
      'Cache-Control': 'no-cache, no-store, must-revalidate',
      'Content-Type': 'text/plain; charset=utf-8',
      Pragma: 'no-cache',
      Swarm: 'inactive',
    },
    body: 'OK',
  };
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
  { method: 'GET', path: '/_ping', handler: ({ daemon }) => ping(daemon) },
  { method: 'GET', path: '/version', handler: () => json(200, versionBody()) },
];
