/**
 * `docker image rm`, `docker rmi` — docker/cli cli/command/image/remove.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const rmiCommand: CommandSpec = {
  use: 'rmi [OPTIONS] IMAGE [IMAGE...]',
  short: 'Remove one or more images',
  args: requiresMinArgs(1),
  annotations: { aliases: 'docker image rm, docker image remove, docker rmi' },
  flags: [
    { name: 'force', shorthand: 'f', type: 'bool', usage: 'Force removal of the image' },
    { name: 'no-prune', type: 'bool', usage: 'Do not delete untagged parents' },
    {
      name: 'platform',
      type: 'stringSlice',
      usage:
        'Remove only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")',
      annotations: { version: ['1.50'] },
    },
  ],
  run: runRmi,
};

export const removeCommand: CommandSpec = {
  ...rmiCommand,
  use: 'rm [OPTIONS] IMAGE [IMAGE...]',
  aliases: ['rmi', 'remove'],
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runRmi(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
