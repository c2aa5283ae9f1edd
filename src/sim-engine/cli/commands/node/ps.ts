/**
 * `docker node ps` — docker/cli cli/command/node/ps.go (v28.5.2).
 */

import { encodeFilters } from '../../../api/client.ts';
import type { Task } from '../../../api/types/service.ts';
import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import { type FilterArg, filterOpt } from '../opts/opts.ts';
import { IDResolver, printTasks } from '../service/task-print.ts';

export const psCommand: CommandSpec = {
  use: 'ps [OPTIONS] [NODE...]',
  short: 'List tasks running on one or more nodes, defaults to current node',
  args: requiresMinArgs(0),
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
// docker/cli node/ps.go runPs: the tasks of each node (`self` by default), errors joined

async function runPs(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  const nodes = args.length ? args : ['self'];
  const errs: string[] = [];
  const tasks: Task[] = [];
  const base: [string, string][] = flags
    .get<(FilterArg | undefined)[]>('filter')
    .filter((f): f is FilterArg => f !== undefined)
    .map((f) => [f.name, f.value]);
  for (const ref of nodes) {
    try {
      // node.Reference: `self` is this daemon's node
      const id =
        ref === 'self'
          ? ((await cli.client.get<{ Swarm?: { NodeID?: string } }>('/info')).Swarm?.NodeID ?? '')
          : ref;
      const node = await cli.client.get<{ ID: string }>(`/nodes/${encodeURIComponent(id)}`);
      tasks.push(
        ...(await cli.client.get<Task[]>('/tasks', { filters: encodeFilters([...base, ['node', node.ID]]) })),
      );
    } catch (err) {
      errs.push(err instanceof Error ? err.message : String(err));
    }
  }
  const quiet = flags.bool('quiet');
  if (errs.length === 0 || tasks.length !== 0) {
    try {
      await printTasks(
        cli,
        tasks,
        new IDResolver(cli, flags.bool('no-resolve')),
        !flags.bool('no-trunc'),
        quiet,
        flags.string('format') || 'table',
      );
    } catch (err) {
      errs.push(err instanceof Error ? err.message : String(err));
    }
  }
  if (errs.length) throw new CliError(errs.join('\n'));
}
