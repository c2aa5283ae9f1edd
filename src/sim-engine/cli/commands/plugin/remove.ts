/**
 * `docker plugin rm` — docker/cli cli/command/plugin/remove.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const removeCommand: CommandSpec = {
  use: 'rm [OPTIONS] PLUGIN [PLUGIN...]',
  aliases: ['remove'],
  short: 'Remove one or more plugins',
  args: requiresMinArgs(1),
  flags: [{ name: 'force', shorthand: 'f', type: 'bool', usage: 'Force the removal of an active plugin' }],
  run: runRm,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runRm(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
