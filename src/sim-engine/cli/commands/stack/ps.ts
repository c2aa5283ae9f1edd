/**
 * `docker stack ps` — docker/cli cli/command/stack/ps.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { filterOpt } from '../opts/opts.ts';
import { orchestratorFlag } from './opts.ts';
import { notSimulated } from '../not-simulated.ts';
import { FORMAT_HELP } from '../opts/flags-helper.ts';

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
    {
      name: 'format',
      type: 'string',
      usage: FORMAT_HELP,
    },
    { name: 'no-resolve', type: 'bool', usage: 'Do not map IDs to Names' },
    { name: 'no-trunc', type: 'bool', usage: 'Do not truncate output' },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only display task IDs' },
    orchestratorFlag,
  ],
  run: runPs,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runPs(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
