/**
 * `docker version` — docker/cli cli/command/system/version.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, noArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const versionCommand: CommandSpec = {
  use: 'version [OPTIONS]',
  short: 'Show the Docker version information',
  args: noArgs,
  annotations: { 'category-top': '10' },
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
  run: runVersion,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runVersion(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
