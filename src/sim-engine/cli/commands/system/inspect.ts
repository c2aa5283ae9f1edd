/**
 * `docker inspect` — docker/cli cli/command/system/inspect.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const inspectCommand: CommandSpec = {
  use: 'inspect [OPTIONS] NAME|ID [NAME|ID...]',
  short: 'Return low-level information on Docker objects',
  args: requiresMinArgs(1),
  flags: [
    {
      name: 'format',
      shorthand: 'f',
      type: 'string',
      usage: `Format output using a custom template:
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates`,
    },
    {
      name: 'size',
      shorthand: 's',
      type: 'bool',
      usage: 'Display total file sizes if the type is container',
    },
    { name: 'type', type: 'string', usage: 'Only inspect objects of the given type' },
  ],
  run: runInspect,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runInspect(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
