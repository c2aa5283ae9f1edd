/**
 * `docker system df` — docker/cli cli/command/system/df.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, noArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const diskUsageCommand: CommandSpec = {
  use: 'df [OPTIONS]',
  short: 'Show docker disk usage',
  args: noArgs,
  annotations: { version: '1.25' },
  flags: [
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
    { name: 'verbose', shorthand: 'v', type: 'bool', usage: 'Show detailed information on space usage' },
  ],
  run: runDf,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runDf(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
