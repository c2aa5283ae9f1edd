/**
 * `docker node promote` — docker/cli cli/command/node/promote.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const promoteCommand: CommandSpec = {
  use: 'promote NODE [NODE...]',
  short: 'Promote one or more nodes to manager in the swarm',
  args: requiresMinArgs(1),
  run: runPromote,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runPromote(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
