/**
 * `docker swarm unlock-key` — docker/cli cli/command/swarm/unlock_key.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, noArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const unlockKeyCommand: CommandSpec = {
  use: 'unlock-key [OPTIONS]',
  short: 'Manage the unlock key',
  args: noArgs,
  annotations: { swarm: 'manager', version: '1.24' },
  flags: [
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only display token' },
    { name: 'rotate', type: 'bool', usage: 'Rotate unlock key' },
  ],
  run: runUnlockKey,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runUnlockKey(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
