/**
 * `docker service logs` — docker/cli cli/command/service/logs.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { ApiClientError } from '../../../api/client.ts';
import { getTimestamp } from '../../../api/timetypes.ts';
import type { Service, Task } from '../../../api/types/service.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';

export const logsCommand: CommandSpec = {
  use: 'logs [OPTIONS] SERVICE|TASK',
  short: 'Fetch the logs of a service or task',
  args: exactArgs(1),
  annotations: { version: '1.29' },
  flags: [
    {
      name: 'details',
      type: 'bool',
      usage: 'Show extra details provided to logs',
      annotations: { version: ['1.30'] },
    },
    { name: 'follow', shorthand: 'f', type: 'bool', usage: 'Follow log output' },
    { name: 'no-resolve', type: 'bool', usage: 'Do not map IDs to Names in output' },
    { name: 'no-task-ids', type: 'bool', usage: 'Do not include task IDs in output' },
    { name: 'no-trunc', type: 'bool', usage: 'Do not truncate output' },
    { name: 'raw', type: 'bool', usage: 'Do not neatly format logs', annotations: { version: ['1.30'] } },
    {
      name: 'since',
      type: 'string',
      usage:
        'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)',
    },
    {
      name: 'tail',
      shorthand: 'n',
      type: 'string',
      usage: 'Number of lines to show from the end of the logs',
      defValue: 'all',
    },
    { name: 'timestamps', shorthand: 't', type: 'bool', usage: 'Show timestamps' },
  ],
  run: runLogs,
};

// ---------------------------------------------------------------------------
// docker/cli service/logs.go runLogs, taskFormatter and logWriter

async function runLogs(...[cli, flags, args]: Parameters<RunFn>): Promise<void> {
  const target = args[0]!;
  const raw = flags.bool('raw');
  let maxLength = 1;
  let tty = false;
  let path: string;
  try {
    const service = await cli.client.get<Service>(`/services/${encodeURIComponent(target)}`, {
      insertDefaults: 'false',
    });
    path = `/services/${encodeURIComponent(target)}/logs`;
    tty = service.Spec.TaskTemplate?.ContainerSpec?.TTY ?? false;
    const replicas = service.Spec.Mode?.Replicated?.Replicas;
    if (replicas !== undefined) maxLength = String(replicas).length;
  } catch (err) {
    if (!(err instanceof ApiClientError && err.isNotFound)) throw err;
    let task: Task;
    try {
      task = await cli.client.get<Task>(`/tasks/${encodeURIComponent(target)}`);
    } catch (e) {
      if (e instanceof ApiClientError && e.isNotFound)
        throw new CliError(`no such task or service: ${target}`);
      throw e;
    }
    tty = task.Spec.ContainerSpec?.TTY ?? false;
    maxLength = String(task.Slot ?? 0).length;
    path = `/tasks/${encodeURIComponent(target)}/logs`;
  }
  if (tty && !raw) throw new CliError('tty service logs only supported with --raw');

  const now = cli.now();
  const response = await cli.client.request('GET', path, {
    query: {
      stdout: '1',
      stderr: '1',
      since: flags.string('since') ? getTimestamp(flags.string('since'), now) : undefined,
      timestamps: flags.bool('timestamps') ? '1' : undefined,
      follow: flags.bool('follow') ? '1' : undefined,
      tail: flags.string('tail') || 'all',
      details: flags.bool('details') || !raw ? '1' : undefined,
    },
  });
  const stream = response.stream;
  if (!stream || stream.kind !== 'output') return;
  const formatter = new TaskFormatter(cli, flags, maxLength);
  const timestamps = flags.bool('timestamps');
  const write = async (data: string): Promise<string> => {
    if (raw || tty) return data;
    // logWriter.Write: [timestamp] details message
    const numParts = timestamps ? 3 : 2;
    const parts = splitN(data, ' ', numParts);
    if (parts.length !== numParts) throw new CliError(`invalid context in log message: ${data}`);
    const details = parseDetails(parts[numParts - 2]!);
    const nodeId = details.get('com.docker.swarm.node.id');
    const serviceId = details.get('com.docker.swarm.service.id');
    const taskId = details.get('com.docker.swarm.task.id');
    if (nodeId === undefined) throw new CliError(`missing node id in details: ${goMap(details)}`);
    if (serviceId === undefined) throw new CliError(`missing service id in details: ${goMap(details)}`);
    if (taskId === undefined) throw new CliError(`missing task id in details: ${goMap(details)}`);
    for (const k of ['com.docker.swarm.node.id', 'com.docker.swarm.service.id', 'com.docker.swarm.task.id'])
      details.delete(k);
    let out = timestamps ? `${parts[0]} ` : '';
    out += (await formatter.format(nodeId, serviceId, taskId)) + '    | ';
    if (flags.bool('details')) {
      out +=
        [...details]
          .map(([k, v]) => `${k}=${v}`)
          .sort()
          .join(',') + ' ';
    }
    return out + parts[numParts - 1]!;
  };
  const copy = (async () => {
    for await (const frame of stream.frames) {
      const text = await write(frame.data);
      if (frame.stream === 2 && !tty) cli.err.write(text);
      else cli.out.write(text);
    }
  })();
  await Promise.race([copy, cli.interrupted.then(() => stream.close())]);
}

/** strings.SplitN */
function splitN(s: string, sep: string, n: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (out.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i === -1) break;
    out.push(rest.slice(0, i));
    rest = rest.slice(i + sep.length);
  }
  out.push(rest);
  return out;
}

/** logdetails.Parse: `k=v,k=v`, each part URL-unescaped. */
function parseDetails(text: string): Map<string, string> {
  const out = new Map<string, string>();
  if (text === '') return out;
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    const k = eq === -1 ? pair : pair.slice(0, eq);
    const v = eq === -1 ? '' : pair.slice(eq + 1);
    const unescape = (x: string) => {
      try {
        return decodeURIComponent(x.replace(/\+/g, ' '));
      } catch {
        return x;
      }
    };
    out.set(unescape(k), unescape(v));
  }
  return out;
}

/** Go's %v of a map[string]string: `map[a:b c:d]` (keys sorted). */
function goMap(m: Map<string, string>): string {
  return `map[${[...m]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}:${v}`)
    .join(' ')}]`;
}

/** taskFormatter: `web.1.abcdef123456@node1` (cached per task), padded to the replicas' width. */
class TaskFormatter {
  readonly #cli: DockerCli;
  readonly #flags: FlagValues;
  readonly #padding: number;
  readonly #cache = new Map<string, string>();
  readonly #names = new Map<string, string>();

  constructor(cli: DockerCli, flags: FlagValues, padding: number) {
    this.#cli = cli;
    this.#flags = flags;
    this.#padding = padding;
  }

  /** idresolver: a node's hostname and a service's name, unless --no-resolve. */
  async #resolve(kind: 'nodes' | 'services', id: string): Promise<string> {
    if (this.#flags.bool('no-resolve')) return id;
    const key = `${kind}/${id}`;
    const cached = this.#names.get(key);
    if (cached !== undefined) return cached;
    let name: string;
    try {
      if (kind === 'nodes') {
        const n = await this.#cli.client.get<{ Description?: { Hostname?: string } }>(`/nodes/${id}`);
        name = n.Description?.Hostname || id;
      } else {
        const s = await this.#cli.client.get<Service>(`/services/${id}`, { insertDefaults: 'false' });
        name = s.Spec.Name || id;
      }
    } catch {
      name = id;
    }
    this.#names.set(key, name);
    return name;
  }

  async format(nodeId: string, serviceId: string, taskId: string): Promise<string> {
    const key = `${nodeId}\n${serviceId}\n${taskId}`;
    const cached = this.#cache.get(key);
    if (cached !== undefined) return cached;
    const nodeName = await this.#resolve('nodes', nodeId);
    const serviceName = await this.#resolve('services', serviceId);
    const task = await this.#cli.client.get<Task>(`/tasks/${taskId}`);
    let name = `${serviceName}.${task.Slot ?? 0}`;
    if (!this.#flags.bool('no-task-ids'))
      name += '.' + (this.#flags.bool('no-trunc') ? task.ID : task.ID.slice(0, 12));
    const pad = this.#padding - String(task.Slot ?? 0).length;
    const formatted = `${name}@${nodeName}${pad > 0 ? ' '.repeat(pad) : ''}`;
    this.#cache.set(key, formatted);
    return formatted;
  }
}
