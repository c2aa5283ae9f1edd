/**
 * `docker container unpause`, `docker unpause` — docker/cli cli/command/container/unpause.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const unpauseCommand: CommandSpec = {
  use: 'unpause CONTAINER [CONTAINER...]',
  short: 'Unpause all processes within one or more containers',
  args: requiresMinArgs(1),
  annotations: { aliases: 'docker container unpause, docker unpause' },
  run: runUnpause,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runUnpause(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
