/**
 * `docker info`, `docker system info` — docker/cli cli/command/system/info.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, noArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const infoCommand: CommandSpec = {
  use: 'info [OPTIONS]',
  short: 'Display system-wide information',
  args: noArgs,
  annotations: { aliases: 'docker system info, docker info', 'category-top': '12' },
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
  ],
  run: runInfo,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runInfo(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
