/**
 * `GET /services/{id}/logs` and `GET /tasks/{id}/logs` (moby daemon/cluster/services.go
 * ServiceLogs over SwarmKit's log broker): the logs of every task of a service (or of
 * one task) that has a container on a node the manager can reach, each line prefixed
 * with the task's context as log details (`com.docker.swarm.node.id=…,
 * com.docker.swarm.service.id=…,com.docker.swarm.task.id=…`, sorted, URL-escaped, as
 * httputils.WriteLogStream writes them), which the CLI turns into `web.1.abc@node1 | `.
 *
 * Differs from Docker: the log broker streams the nodes' subscriptions as they arrive,
 * in no set order between tasks; here the past lines come task by task (by slot, then
 * task creation), and followed lines as they are written.
 */
import { AsyncQueue } from '../../api/stream.ts';
import type { Task } from '../../api/types/service.ts';
import type { StreamFrame } from '../../api/transport.ts';
import type { Container, LogEntry } from '../../daemon/container.ts';
import { fixedNano, type LogsOptions } from '../../daemon/logs.ts';
import { invalidParameter, notFound } from '../../errdefs.ts';
import type { Cluster } from '../cluster.ts';

interface StoredService {
  ID: string;
  Version: { Index: number };
  Spec: { Name?: string };
}

export interface ServiceLogsOptions extends LogsOptions {
  details: boolean;
}

/** getService: by full ID, then name, then unique ID prefix (moby daemon/cluster/helpers.go). */
export function findService(cluster: Cluster, input: string): StoredService {
  const all = cluster.store.find<StoredService>('service');
  const byId = all.find((s) => s.ID === input);
  if (byId) return byId;
  const byName = all.filter((s) => s.Spec.Name === input);
  if (byName.length === 1) return byName[0]!;
  const byPrefix = all.filter((s) => s.ID.startsWith(input));
  if (byPrefix.length === 1) return byPrefix[0]!;
  if (byPrefix.length > 1)
    throw invalidParameter(`service ${input} is ambiguous (${byPrefix.length} matches found)`);
  throw notFound(`service ${input} not found`);
}

/** getTask: by full ID, then unique ID prefix. */
export function findTask(cluster: Cluster, input: string): Task {
  const all = cluster.store.find<Task & { Version: { Index: number } }>('task');
  const byId = all.find((t) => t.ID === input);
  if (byId) return byId;
  const byPrefix = all.filter((t) => t.ID.startsWith(input));
  if (byPrefix.length === 1) return byPrefix[0]!;
  if (byPrefix.length > 1)
    throw invalidParameter(`task ${input} is ambiguous (${byPrefix.length} matches found)`);
  throw notFound(`task ${input} not found`);
}

/** url.QueryEscape */
function queryEscape(s: string): string {
  return encodeURIComponent(s)
    .replace(/%20/g, '+')
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function taskLogs(
  cluster: Cluster,
  tasks: readonly Task[],
  o: ServiceLogsOptions,
): AsyncQueue<StreamFrame> {
  if (!o.stdout && !o.stderr) throw invalidParameter('Bad parameters: you must choose at least one stream');
  const sorted = [...tasks].sort(
    (a, b) => (a.Slot ?? 0) - (b.Slot ?? 0) || (a.CreatedAt ?? '').localeCompare(b.CreatedAt ?? ''),
  );
  const sources: { task: Task; container: Container }[] = [];
  for (const t of sorted) {
    const id = t.Status.ContainerStatus?.ContainerID;
    const daemon = t.NodeID ? cluster.daemonOf(t.NodeID) : undefined;
    const c = id ? daemon?.containers.get(id) : undefined;
    if (c) sources.push({ task: t, container: c });
  }
  const line = (task: Task, e: LogEntry): StreamFrame => {
    const attrs = [
      ['com.docker.swarm.node.id', task.NodeID ?? ''],
      ['com.docker.swarm.service.id', task.ServiceID ?? ''],
      ['com.docker.swarm.task.id', task.ID],
    ]
      .map(([k, v]) => `${queryEscape(k!)}=${queryEscape(v!)}`)
      .join(',');
    let data = o.details ? `${attrs} ${e.text}` : e.text;
    if (o.timestamps) data = `${fixedNano(e.time)} ${data}`;
    return { stream: e.stream === 'stderr' ? 2 : 1, data };
  };
  const wanted = (e: LogEntry) => (e.stream === 'stdout' ? o.stdout : o.stderr);
  const inWindow = (e: LogEntry) => {
    const secs = e.time.ms / 1000;
    return (!o.since || secs >= o.since) && (!o.until || secs <= o.until);
  };
  const unsubscribes: (() => void)[] = [];
  const queue = new AsyncQueue<StreamFrame>(() => unsubscribes.forEach((u) => u()));
  for (const { task, container } of sources) {
    let past = container.logs.filter((e) => wanted(e) && inWindow(e));
    if (o.tail !== 'all' && o.tail !== '') {
      const n = Number(o.tail);
      if (Number.isInteger(n) && n >= 0) past = n === 0 ? [] : past.slice(-n);
    }
    for (const e of past) queue.push(line(task, e));
  }
  if (!o.follow) {
    queue.close();
    return queue;
  }
  for (const { task, container } of sources) {
    const sub = (e: LogEntry) => {
      if (wanted(e)) queue.push(line(task, e));
    };
    container.subscribers.add(sub);
    unsubscribes.push(() => container.subscribers.delete(sub));
  }
  return queue;
}
