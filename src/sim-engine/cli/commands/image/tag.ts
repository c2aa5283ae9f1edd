/**
 * `docker image tag`, `docker tag` — docker/cli cli/command/image/tag.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const tagCommand: CommandSpec = {
  use: 'tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
  short: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
  args: exactArgs(2),
  interspersed: false,
  annotations: { aliases: 'docker image tag, docker tag' },
  run: runTag,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runTag(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
