/**
 * `docker volume ls` — docker/cli cli/command/volume/list.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, noArgs } from '../../command.ts';
import { filterOpt } from '../opts/opts.ts';
import { notSimulated } from '../not-simulated.ts';

export const listCommand: CommandSpec = {
  use: 'ls [OPTIONS]',
  aliases: ['list'],
  short: 'List volumes',
  args: noArgs,
  flags: [
    {
      name: 'cluster',
      type: 'bool',
      usage: 'Display only cluster volumes, and use cluster volume list formatting',
      annotations: { swarm: ['manager'], version: ['1.42'] },
    },
    {
      name: 'filter',
      shorthand: 'f',
      type: 'filter',
      usage: 'Provide filter values (e.g. "dangling=true")',
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
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only display volume names' },
  ],
  run: runLs,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runLs(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
