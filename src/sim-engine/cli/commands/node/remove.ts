/**
 * `docker node rm` — docker/cli cli/command/node/remove.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const removeCommand: CommandSpec = {
  use: 'rm [OPTIONS] NODE [NODE...]',
  aliases: ['remove'],
  short: 'Remove one or more nodes from the swarm',
  args: requiresMinArgs(1),
  flags: [{ name: 'force', shorthand: 'f', type: 'bool', usage: 'Force remove a node from the swarm' }],
  run: runRm,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runRm(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
