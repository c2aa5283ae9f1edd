/**
 * `docker container wait`, `docker wait` — docker/cli cli/command/container/wait.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const waitCommand: CommandSpec = {
  use: 'wait CONTAINER [CONTAINER...]',
  short: 'Block until one or more containers stop, then print their exit codes',
  args: requiresMinArgs(1),
  annotations: { aliases: 'docker container wait, docker wait' },
  run: runWait,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runWait(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
