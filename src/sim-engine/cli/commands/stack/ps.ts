/**
 * `docker stack ps` — docker/cli cli/command/stack/ps.go and stack/swarm/ps.go (v28.5.2):
 * the stack's tasks in `service ps`'s table (task-print.ts); none is the error
 * `nothing found in stack: <stack>`.
 */
import type { Task } from '../../../api/types/service.ts';
import { type CommandSpec, exactArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import { filterOpt } from '../opts/opts.ts';
import { FORMAT_HELP } from '../opts/flags-helper.ts';
import { IDResolver, printTasks } from '../service/task-print.ts';
import { stackFilterFromFlags, validateStackName } from './common.ts';
import { orchestratorFlag } from './opts.ts';

export const psCommand: CommandSpec = {
  use: 'ps [OPTIONS] STACK',
  short: 'List the tasks in the stack',
  args: exactArgs(1),
  flags: [
    {
      name: 'filter',
      shorthand: 'f',
      type: 'filter',
      usage: 'Filter output based on conditions provided',
      parse: filterOpt,
    },
    { name: 'format', type: 'string', usage: FORMAT_HELP },
    { name: 'no-resolve', type: 'bool', usage: 'Do not map IDs to Names' },
    { name: 'no-trunc', type: 'bool', usage: 'Do not truncate output' },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only display task IDs' },
    orchestratorFlag,
  ],
  run: runPs,
};

async function runPs(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  const namespace = args[0]!;
  validateStackName(namespace);
  const tasks = await cli.client.get<Task[]>('/tasks', { filters: stackFilterFromFlags(namespace, flags) });
  if (tasks.length === 0) throw new CliError(`nothing found in stack: ${namespace}`);
  const quiet = flags.bool('quiet');
  await printTasks(
    cli,
    tasks,
    new IDResolver(cli, flags.bool('no-resolve')),
    !flags.bool('no-trunc'),
    quiet,
    flags.string('format') || 'table',
  );
}
