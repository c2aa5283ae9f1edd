/**
 * `docker container port`, `docker port` — docker/cli cli/command/container/port.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresRangeArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const portCommand: CommandSpec = {
  use: 'port CONTAINER [PRIVATE_PORT[/PROTO]]',
  short: 'List port mappings or a specific mapping for the container',
  args: requiresRangeArgs(1, 2),
  annotations: { aliases: 'docker container port, docker port' },
  run: runPort,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runPort(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
