/**
 * `docker container pause`, `docker pause` — docker/cli cli/command/container/pause.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const pauseCommand: CommandSpec = {
  use: 'pause CONTAINER [CONTAINER...]',
  short: 'Pause all processes within one or more containers',
  args: requiresMinArgs(1),
  annotations: { aliases: 'docker container pause, docker pause' },
  run: runPause,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runPause(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
