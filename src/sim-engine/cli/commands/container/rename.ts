/**
 * `docker container rename`, `docker rename` — docker/cli cli/command/container/rename.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const renameCommand: CommandSpec = {
  use: 'rename CONTAINER NEW_NAME',
  short: 'Rename a container',
  args: exactArgs(2),
  annotations: { aliases: 'docker container rename, docker rename' },
  run: runRename,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runRename(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
