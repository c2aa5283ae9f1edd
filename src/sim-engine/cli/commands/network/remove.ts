/**
 * `docker network rm` — docker/cli cli/command/network/remove.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const removeCommand: CommandSpec = {
  use: 'rm NETWORK [NETWORK...]',
  aliases: ['remove'],
  short: 'Remove one or more networks',
  args: requiresMinArgs(1),
  flags: [
    { name: 'force', shorthand: 'f', type: 'bool', usage: 'Do not error if the network does not exist' },
  ],
  run: runRm,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runRm(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
