/** The container routes of the Engine API (moby api/server/router/container). */
import { boolValue, intValue } from '../query.ts';
import { fromError, json, noContent, type Route } from '../router.ts';
import { FilterArgs } from '../filters.ts';
import type { ContainerCreateRequest, HostConfig } from '../types/container.ts';
import type { Daemon } from '../../daemon/daemon.ts';
import { containerCreate } from '../../daemon/create.ts';
import { containerStart } from '../../daemon/start.ts';
import {
  containerKill,
  containerPause,
  containerRestart,
  containerStop,
  containerUnpause,
  containerWait,
} from '../../daemon/stop.ts';
import { containerRemove } from '../../daemon/delete.ts';
import { listContainers } from '../../daemon/list.ts';
import { inspectContainer } from '../../daemon/view.ts';
import { containerAttach, containerLogs } from '../../daemon/logs.ts';
import { attachDetachKeys } from '../../daemon/attach-input.ts';
import { containerRename } from '../../daemon/rename.ts';
import { containerUpdate } from '../../daemon/update.ts';
import { containerTop } from '../../daemon/top.ts';
import { containersPrune } from '../../daemon/prune.ts';
import { bodyObject, outputStream } from './util.ts';
import { DaemonError, invalidParameter } from '../../errdefs.ts';

function seconds(v: string | undefined): number {
  if (!v) return 0;
  const n = Number(v);
  return Number.isFinite(n) ? n : 0;
}

/** container.Config's JSON names, lower-cased: Go matches a body's keys to them in any case */
const CONFIG_FIELDS = new Set(
  [
    'Hostname',
    'Domainname',
    'User',
    'AttachStdin',
    'AttachStdout',
    'AttachStderr',
    'ExposedPorts',
    'Tty',
    'OpenStdin',
    'StdinOnce',
    'Env',
    'Cmd',
    'Healthcheck',
    'ArgsEscaped',
    'Image',
    'Volumes',
    'WorkingDir',
    'Entrypoint',
    'NetworkDisabled',
    'MacAddress',
    'OnBuild',
    'Labels',
    'StopSignal',
    'StopTimeout',
    'Shell',
  ].map((f) => f.toLowerCase()),
);

function hasConfigField(body: unknown): boolean {
  return (
    !!body &&
    typeof body === 'object' &&
    !Array.isArray(body) &&
    Object.keys(body).some((k) => CONFIG_FIELDS.has(k.toLowerCase()))
  );
}

export const containerRoutes: Route<Daemon>[] = [
  {
    method: 'GET',
    path: '/containers/json',
    handler: ({ daemon, query }) =>
      json(
        200,
        listContainers(daemon, {
          all: boolValue(query, 'all'),
          limit: intValue(query, 'limit') ?? -1,
          size: boolValue(query, 'size'),
          filters: FilterArgs.parse(query['filters']),
        }),
      ),
  },
  {
    method: 'POST',
    path: '/containers/create',
    handler: ({ daemon, query, body }) => {
      // decodeContainerConfig reads the body even when empty: io.EOF
      if (body === undefined) throw invalidParameter('invalid JSON: got EOF while reading request body');
      // the Config is embedded by pointer: Go allocates it only when one of its fields is there
      if (!hasConfigField(body))
        throw invalidParameter('config cannot be empty in order to create a container');
      return json(
        201,
        containerCreate(daemon, query['name'] ?? '', bodyObject<ContainerCreateRequest>(body)),
      );
    },
  },
  {
    method: 'POST',
    path: '/containers/prune',
    handler: ({ daemon, query }) => json(200, containersPrune(daemon, FilterArgs.parse(query['filters']))),
  },
  {
    method: 'GET',
    path: '/containers/{name}/json',
    handler: ({ daemon, params, query }) =>
      json(200, inspectContainer(daemon, daemon.getContainer(params['name']!), boolValue(query, 'size'))),
  },
  {
    method: 'POST',
    path: '/containers/{name}/start',
    handler: ({ daemon, params }) => {
      containerStart(daemon, daemon.getContainer(params['name']!));
      return noContent();
    },
  },
  {
    method: 'POST',
    path: '/containers/{name}/stop',
    handler: async ({ daemon, params, query }) => {
      await containerStop(daemon, daemon.getContainer(params['name']!), {
        signal: query['signal'],
        timeout: intValue(query, 't'),
      });
      return noContent();
    },
  },
  {
    method: 'POST',
    path: '/containers/{name}/restart',
    handler: async ({ daemon, params, query }) => {
      await containerRestart(daemon, daemon.getContainer(params['name']!), {
        signal: query['signal'],
        timeout: intValue(query, 't'),
      });
      return noContent();
    },
  },
  {
    method: 'POST',
    path: '/containers/{name}/kill',
    handler: async ({ daemon, params, query }) => {
      const name = params['name']!;
      try {
        await containerKill(daemon, daemon.getContainer(name), query['signal'] ?? '');
      } catch (err) {
        // postContainersKill wraps every error: errors.Wrapf(err, "cannot kill container: %s", name)
        if (err instanceof DaemonError)
          throw new DaemonError(err.kind, `cannot kill container: ${name}: ${err.message}`);
        throw err;
      }
      return noContent();
    },
  },
  {
    method: 'POST',
    path: '/containers/{name}/pause',
    handler: ({ daemon, params }) => {
      containerPause(daemon, daemon.getContainer(params['name']!));
      return noContent();
    },
  },
  {
    method: 'POST',
    path: '/containers/{name}/unpause',
    handler: ({ daemon, params }) => {
      containerUnpause(daemon, daemon.getContainer(params['name']!));
      return noContent();
    },
  },
  {
    method: 'POST',
    path: '/containers/{name}/wait',
    handler: async ({ daemon, params, query }) => {
      // the condition is checked before the container is looked up (postContainersWait)
      const condition = query['condition'] ?? '';
      if (!['', 'not-running', 'next-exit', 'removed'].includes(condition))
        throw invalidParameter(`invalid condition: ${JSON.stringify(condition)}`);
      const c = daemon.getContainer(params['name']!);
      const code = await containerWait(daemon, c, condition);
      // WaitResponse's Error is omitempty: set only when the wait itself failed
      return json(200, { StatusCode: code });
    },
  },
  {
    method: 'DELETE',
    path: '/containers/{name}',
    handler: async ({ daemon, params, query }) => {
      await containerRemove(daemon, daemon.getContainer(params['name']!), {
        force: boolValue(query, 'force'),
        removeVolumes: boolValue(query, 'v'),
      });
      return noContent();
    },
  },
  {
    method: 'POST',
    path: '/containers/{name}/update',
    handler: ({ daemon, params, body }) =>
      json(
        200,
        containerUpdate(daemon, daemon.getContainer(params['name']!), bodyObject<Partial<HostConfig>>(body)),
      ),
  },
  {
    method: 'POST',
    path: '/containers/{name}/rename',
    handler: ({ daemon, params, query }) => {
      containerRename(daemon, daemon.getContainer(params['name']!), query['name'] ?? '');
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/containers/{name}/logs',
    handler: ({ daemon, params, query }) => {
      const c = daemon.getContainer(params['name']!);
      const frames = containerLogs(daemon, c, {
        stdout: boolValue(query, 'stdout'),
        stderr: boolValue(query, 'stderr'),
        follow: boolValue(query, 'follow'),
        tail: query['tail'] ?? 'all',
        timestamps: boolValue(query, 'timestamps'),
        since: seconds(query['since']),
        until: seconds(query['until']),
      });
      return outputStream(c.config.Tty, frames);
    },
  },
  {
    method: 'POST',
    path: '/containers/{name}/attach',
    handler: ({ daemon, params, query, request }) => {
      try {
        // the keys are checked before the container is looked up (daemon/attach.go)
        const detachKeys = attachDetachKeys(query['detachKeys'] ?? '');
        const c = daemon.getContainer(params['name']!);
        const frames = containerAttach(daemon, c, {
          stdout: boolValue(query, 'stdout'),
          stderr: boolValue(query, 'stderr'),
          logs: boolValue(query, 'logs'),
          stream: boolValue(query, 'stream'),
          stdin: boolValue(query, 'stdin') ? request.stdin : undefined,
          detachKeys,
        });
        return outputStream(c.config.Tty, frames, 101);
      } catch (err) {
        // postContainersAttach has taken the connection by then: it writes the status line
        // and the message raw, as a raw stream, without the middlewares' headers
        const { status, body } = fromError(err);
        const message = (body as { message?: string } | undefined)?.message ?? '';
        return { status, headers: { 'Content-Type': 'application/vnd.docker.raw-stream' }, body: message };
      }
    },
  },
  {
    method: 'POST',
    path: '/containers/{name}/resize',
    handler: ({ daemon, params }) => {
      daemon.getContainer(params['name']!);
      return noContent(200);
    },
  },
  {
    method: 'GET',
    path: '/containers/{name}/top',
    handler: ({ daemon, params }) => json(200, containerTop(daemon, daemon.getContainer(params['name']!))),
  },
];
