/**
 * docker/cli cli/command/task/print.go `Print`, shared by `service ps`, `node ps` and
 * `stack ps`: task names `<service>.<slot>` (global: `<service>.<nodeID>`), sorted by
 * name (natural order) then newest first, earlier tasks of the same slot indented as
 * ` \_ <name>` in tables; node and service IDs resolved to names (idresolver), unless
 * --no-resolve.
 */
import type { Task } from '../../../api/types/service.ts';
import { naturalCompare } from '../../../golang/natural-sort.ts';
import { parseRFC3339 } from '../../../golang/time.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { isTable, writeFormatted } from '../../formatter/formatter.ts';
import { TASK_HEADER, TaskContext, taskFormat } from './formatter.ts';

/** idresolver.IDResolver: names of nodes and services, cached; an error keeps the ID. */
export class IDResolver {
  readonly #cli: DockerCli;
  readonly #noResolve: boolean;
  readonly #cache = new Map<string, string>();

  constructor(cli: DockerCli, noResolve: boolean) {
    this.#cli = cli;
    this.#noResolve = noResolve;
  }

  async resolve(kind: 'node' | 'service', id: string): Promise<string> {
    if (this.#noResolve) return id;
    const key = `${kind}/${id}`;
    const cached = this.#cache.get(key);
    if (cached !== undefined) return cached;
    let name = id;
    if (id !== '') {
      try {
        if (kind === 'node') {
          const n = await this.#cli.client.get<{
            Spec?: { Name?: string };
            Description?: { Hostname?: string };
          }>(`/nodes/${encodeURIComponent(id)}`);
          name = n.Spec?.Name || n.Description?.Hostname || id;
        } else {
          const s = await this.#cli.client.get<{ Spec: { Name?: string } }>(
            `/services/${encodeURIComponent(id)}`,
            {
              insertDefaults: 'false',
            },
          );
          name = s.Spec.Name ?? '';
        }
      } catch {
        name = id;
      }
    }
    this.#cache.set(key, name);
    return name;
  }
}

export async function printTasks(
  cli: DockerCli,
  tasks: Task[],
  resolver: IDResolver,
  trunc: boolean,
  quiet: boolean,
  format: string,
): Promise<void> {
  const named: { t: Task; name: string }[] = [];
  for (const t of tasks) {
    const service = await resolver.resolve('service', t.ServiceID ?? '');
    named.push({ t, name: t.Slot ? `${service}.${t.Slot}` : `${service}.${t.NodeID ?? ''}` });
  }
  // sort.Stable: by name, then the most recently created first
  named.sort((a, b) => {
    if (a.name !== b.name) return naturalCompare(a.name, b.name);
    return compareTimes(b.t.CreatedAt, a.t.CreatedAt);
  });
  const fmt = taskFormat(format, quiet);
  const indent = isTable(fmt) ? ' \\_ ' : '';
  let prev = '';
  const rows: TaskContext[] = [];
  for (const { t, name } of named) {
    const shown = name === prev ? indent + name : name;
    prev = name;
    const node = await resolver.resolve('node', t.NodeID ?? '');
    rows.push(new TaskContext(t, trunc, shown, node, cli.now()));
  }
  writeFormatted(cli.out, fmt, TASK_HEADER, rows);
}

/** Two RFC 3339 stamps in time order, to the nanosecond. */
function compareTimes(a: string, b: string): number {
  const ta = parseRFC3339(a);
  const tb = parseRFC3339(b);
  return ta.epochMillis() - tb.epochMillis() || ta.nanosRemainder() - tb.nanosRemainder();
}
