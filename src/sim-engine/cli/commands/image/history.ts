/**
 * `docker history`, `docker image history` — docker/cli cli/command/image/history.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const historyCommand: CommandSpec = {
  use: 'history [OPTIONS] IMAGE',
  short: 'Show the history of an image',
  args: exactArgs(1),
  annotations: { aliases: 'docker image history, docker history' },
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
    {
      name: 'human',
      shorthand: 'H',
      type: 'bool',
      usage: 'Print sizes and dates in human readable format',
      defValue: 'true',
    },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
    {
      name: 'platform',
      type: 'string',
      usage: 'Show history for the given platform. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")',
      annotations: { version: ['1.48'] },
    },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only show image IDs' },
  ],
  run: runHistory,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runHistory(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
