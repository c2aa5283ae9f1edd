/**
 * `docker container stats`, `docker stats` — docker/cli cli/command/container/stats.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const statsCommand: CommandSpec = {
  use: 'stats [OPTIONS] [CONTAINER...]',
  short: 'Display a live stream of container(s) resource usage statistics',
  args: requiresMinArgs(0),
  annotations: { aliases: 'docker container stats, docker stats' },
  flags: [
    { name: 'all', shorthand: 'a', type: 'bool', usage: 'Show all containers (default shows just running)' },
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
    { name: 'no-stream', type: 'bool', usage: 'Disable streaming stats and only pull the first result' },
    { name: 'no-trunc', type: 'bool', usage: 'Do not truncate output' },
  ],
  run: runStats,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runStats(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
