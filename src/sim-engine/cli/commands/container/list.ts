/**
 * `docker container ls`, `docker ps` — docker/cli cli/command/container/list.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, noArgs } from '../../command.ts';
import { filterOpt } from '../opts/opts.ts';
import { notSimulated } from '../not-simulated.ts';

export const psCommand: CommandSpec = {
  use: 'ps [OPTIONS]',
  short: 'List containers',
  args: noArgs,
  annotations: {
    aliases: 'docker container ls, docker container list, docker container ps, docker ps',
    'category-top': '3',
  },
  flags: [
    { name: 'all', shorthand: 'a', type: 'bool', usage: 'Show all containers (default shows just running)' },
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
      usage: `Format output using a custom template:
'table':            Print output in table format with column headers (default)
'table TEMPLATE':   Print output in table format using the given Go template
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates`,
    },
    {
      name: 'last',
      shorthand: 'n',
      type: 'int',
      usage: 'Show n last created containers (includes all states)',
      defValue: '-1',
    },
    {
      name: 'latest',
      shorthand: 'l',
      type: 'bool',
      usage: 'Show the latest created container (includes all states)',
    },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only display container IDs' },
    { name: 'size', shorthand: 's', type: 'bool', usage: 'Display total file sizes' },
  ],
  run: runPs,
};

export const listCommand: CommandSpec = {
  ...psCommand,
  use: 'ls [OPTIONS]',
  aliases: ['ps', 'list'],
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runPs(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
