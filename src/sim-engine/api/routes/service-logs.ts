/**
 * `GET /services/{id}/logs` and `GET /tasks/{id}/logs` (moby api/server/router/swarm):
 * a multiplexed stream of the tasks' container logs; the CLI always asks for `details`
 * and reads the task context from them.
 */
import type { Daemon } from '../../daemon/daemon.ts';
import { controlOf } from '../../swarm/manager/control.ts';
import { findService, findTask, taskLogs, type ServiceLogsOptions } from '../../swarm/logbroker/logs.ts';
import type { Task } from '../types/service.ts';
import { boolValue } from '../query.ts';
import type { Route } from '../router.ts';
import { outputStream } from './util.ts';

function seconds(v: string | undefined): number {
  if (!v) return 0;
  const n = Number(v);
  return Number.isFinite(n) ? n : 0;
}

function options(query: Record<string, string>): ServiceLogsOptions {
  return {
    stdout: boolValue(query, 'stdout'),
    stderr: boolValue(query, 'stderr'),
    follow: boolValue(query, 'follow'),
    tail: query['tail'] ?? 'all',
    timestamps: boolValue(query, 'timestamps'),
    details: boolValue(query, 'details'),
    since: seconds(query['since']),
    until: seconds(query['until']),
  };
}

export const serviceLogRoutes: Route<Daemon>[] = [
  {
    method: 'GET',
    path: '/services/{id}/logs',
    handler: ({ daemon, params, query }) => {
      const { cluster } = controlOf(daemon);
      const service = findService(cluster, params['id']!);
      const tasks = cluster.store.find<Task & { Version: { Index: number } }>(
        'task',
        (t) => t.ServiceID === service.ID,
      );
      const tty = (service as { Spec: { TaskTemplate?: { ContainerSpec?: { TTY?: boolean } } } }).Spec
        .TaskTemplate?.ContainerSpec?.TTY;
      return outputStream(tty ?? false, taskLogs(cluster, tasks, options(query)));
    },
  },
  {
    method: 'GET',
    path: '/tasks/{id}/logs',
    handler: ({ daemon, params, query }) => {
      const { cluster } = controlOf(daemon);
      const task = findTask(cluster, params['id']!);
      return outputStream(task.Spec.ContainerSpec?.TTY ?? false, taskLogs(cluster, [task], options(query)));
    },
  },
];
