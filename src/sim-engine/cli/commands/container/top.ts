/**
 * `docker container top`, `docker top` — docker/cli cli/command/container/top.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const topCommand: CommandSpec = {
  use: 'top CONTAINER [ps OPTIONS]',
  short: 'Display the running processes of a container',
  args: requiresMinArgs(1),
  interspersed: false,
  annotations: { aliases: 'docker container top, docker top' },
  run: runTop,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runTop(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
