/**
 * `docker stack services` — docker/cli cli/command/stack/services.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { filterOpt } from '../opts/opts.ts';
import { orchestratorFlag } from './opts.ts';
import { notSimulated } from '../not-simulated.ts';
import { FORMAT_HELP } from '../opts/flags-helper.ts';

export const servicesCommand: CommandSpec = {
  use: 'services [OPTIONS] STACK',
  short: 'List the services in the stack',
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
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only display IDs' },
    orchestratorFlag,
  ],
  run: runServices,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runServices(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
