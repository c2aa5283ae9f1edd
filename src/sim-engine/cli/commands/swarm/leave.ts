/**
 * `docker swarm leave` — docker/cli cli/command/swarm/leave.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, noArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const leaveCommand: CommandSpec = {
  use: 'leave [OPTIONS]',
  short: 'Leave the swarm',
  args: noArgs,
  annotations: { swarm: 'active', version: '1.24' },
  flags: [
    {
      name: 'force',
      shorthand: 'f',
      type: 'bool',
      usage: 'Force this node to leave the swarm, ignoring warnings',
    },
  ],
  run: runLeave,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runLeave(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
