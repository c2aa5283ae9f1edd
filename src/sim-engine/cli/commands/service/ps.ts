/**
 * `docker service ps` — docker/cli cli/command/service/ps.go (v28.5.2).
 */

import { encodeFilters } from '../../../api/client.ts';
import type { Service, Task } from '../../../api/types/service.ts';
import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import { type FilterArg, filterOpt } from '../opts/opts.ts';
import { IDResolver, printTasks } from './task-print.ts';

export const psCommand: CommandSpec = {
  use: 'ps [OPTIONS] SERVICE [SERVICE...]',
  short: 'List the tasks of one or more services',
  args: requiresMinArgs(1),
  flags: [
    {
      name: 'filter',
      shorthand: 'f',
      type: 'filter',
      usage: 'Filter output based on conditions provided',
      parse: filterOpt,
    },
    { name: 'format', type: 'string', usage: 'Pretty-print tasks using a Go template' },
    { name: 'no-resolve', type: 'bool', usage: 'Do not map IDs to Names' },
    { name: 'no-trunc', type: 'bool', usage: 'Do not truncate output' },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only display task IDs' },
  ],
  run: runPs,
};

// ---------------------------------------------------------------------------
// docker/cli service/ps.go runPS

async function runPs(cli: DockerCli, flags: FlagValues, services: string[]): Promise<void> {
  const filter: [string, string][] = flags
    .get<(FilterArg | undefined)[]>('filter')
    .filter((f): f is FilterArg => f !== undefined)
    .map((f) => [f.name, f.value]);
  const notfound = await createFilter(cli, services, filter);
  await updateNodeFilter(cli, filter);
  const tasks = await cli.client.get<Task[]>('/tasks', { filters: encodeFilters(filter) });
  const quiet = flags.bool('quiet');
  const format = flags.string('format') || 'table';
  const noTrunc = quiet || flags.bool('no-trunc');
  await printTasks(cli, tasks, new IDResolver(cli, flags.bool('no-resolve')), !noTrunc, quiet, format);
  if (notfound.length) throw new CliError(notfound.join('\n'));
}

/** createFilter: each argument by full ID, then full name, then a unique ID prefix */
async function createFilter(
  cli: DockerCli,
  services: string[],
  filter: [string, string][],
): Promise<string[]> {
  const byId = await cli.client.get<Service[]>('/services', {
    filters: encodeFilters(services.map((s) => ['id', s])),
  });
  const byName = await cli.client.get<Service[]>('/services', {
    filters: encodeFilters(services.map((s) => ['name', s])),
  });
  const notfound: string[] = [];
  let count = 0;
  for (const arg of services) {
    const exact = byId.find((s) => s.ID === arg) ?? byName.find((s) => s.Spec.Name === arg);
    if (exact) {
      filter.push(['service', exact.ID]);
      count++;
      continue;
    }
    const prefixed = byId.filter((s) => s.ID.startsWith(arg));
    if (prefixed.length > 1) throw new CliError('multiple services found with provided prefix: ' + arg);
    if (prefixed.length === 1) {
      filter.push(['service', prefixed[0]!.ID]);
      count++;
    } else notfound.push('no such service: ' + arg);
  }
  if (count === 0) throw new CliError(notfound.join('\n'));
  return notfound;
}

/** updateNodeFilter: `--filter node=self` is the current node (node.Reference) */
async function updateNodeFilter(cli: DockerCli, filter: [string, string][]): Promise<void> {
  for (const f of filter) {
    if (f[0] !== 'node' || f[1] !== 'self') continue;
    const info = await cli.client.get<{ Swarm?: { NodeID?: string } }>('/info');
    f[1] = info.Swarm?.NodeID ?? '';
  }
}
