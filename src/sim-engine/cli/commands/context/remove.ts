/**
 * `docker context rm` — docker/cli cli/command/context/remove.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const removeCommand: CommandSpec = {
  use: 'rm CONTEXT [CONTEXT...]',
  aliases: ['remove'],
  short: 'Remove one or more contexts',
  args: requiresMinArgs(1),
  flags: [{ name: 'force', shorthand: 'f', type: 'bool', usage: 'Force the removal of a context in use' }],
  run: runRm,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runRm(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
