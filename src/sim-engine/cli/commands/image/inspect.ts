/**
 * `docker image inspect` — docker/cli cli/command/image/inspect.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const inspectCommand: CommandSpec = {
  use: 'inspect [OPTIONS] IMAGE [IMAGE...]',
  short: 'Display detailed information on one or more images',
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
      name: 'platform',
      type: 'string',
      usage: `Inspect a specific platform of the multi-platform image.
If the image or the server is not multi-platform capable, the command will error out if the platform does not match.
'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)`,
      annotations: { version: ['1.49'] },
    },
  ],
  run: runInspect,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runInspect(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
