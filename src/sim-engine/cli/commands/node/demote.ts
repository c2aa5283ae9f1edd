/**
 * `docker node demote` — docker/cli cli/command/node/demote.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const demoteCommand: CommandSpec = {
  use: 'demote NODE [NODE...]',
  short: 'Demote one or more nodes from manager in the swarm',
  args: requiresMinArgs(1),
  run: runDemote,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runDemote(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
