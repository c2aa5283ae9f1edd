/**
 * `docker secret rm` — docker/cli cli/command/secret/remove.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const secretRemoveCommand: CommandSpec = {
  use: 'rm SECRET [SECRET...]',
  aliases: ['remove'],
  short: 'Remove one or more secrets',
  args: requiresMinArgs(1),
  run: runRm,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runRm(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
