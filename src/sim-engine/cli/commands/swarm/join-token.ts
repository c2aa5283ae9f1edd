/**
 * `docker swarm join-token` — docker/cli cli/command/swarm/join_token.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const joinTokenCommand: CommandSpec = {
  use: 'join-token [OPTIONS] (worker|manager)',
  short: 'Manage join tokens',
  args: exactArgs(1),
  annotations: { swarm: 'manager', version: '1.24' },
  flags: [
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only display token' },
    { name: 'rotate', type: 'bool', usage: 'Rotate join token' },
  ],
  run: runJoinToken,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runJoinToken(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
