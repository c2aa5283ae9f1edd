/**
 * `docker swarm unlock` — docker/cli cli/command/swarm/unlock.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, noArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const unlockCommand: CommandSpec = {
  use: 'unlock',
  short: 'Unlock swarm',
  args: noArgs,
  annotations: { swarm: 'manager', version: '1.24' },
  run: runUnlock,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runUnlock(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
