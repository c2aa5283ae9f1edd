/**
 * `docker container diff`, `docker diff` — docker/cli cli/command/container/diff.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const diffCommand: CommandSpec = {
  use: 'diff CONTAINER',
  short: "Inspect changes to files or directories on a container's filesystem",
  args: exactArgs(1),
  annotations: { aliases: 'docker container diff, docker diff' },
  run: runDiff,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runDiff(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
