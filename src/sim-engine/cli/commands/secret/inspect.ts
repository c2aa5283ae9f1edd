/**
 * `docker secret inspect` — docker/cli cli/command/secret/inspect.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';
import { INSPECT_FORMAT_HELP } from '../opts/flags-helper.ts';

export const secretInspectCommand: CommandSpec = {
  use: 'inspect [OPTIONS] SECRET [SECRET...]',
  short: 'Display detailed information on one or more secrets',
  args: requiresMinArgs(1),
  flags: [
    {
      name: 'format',
      shorthand: 'f',
      type: 'string',
      usage: INSPECT_FORMAT_HELP,
    },
    { name: 'pretty', type: 'bool', usage: 'Print the information in a human friendly format' },
  ],
  run: runInspect,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runInspect(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
