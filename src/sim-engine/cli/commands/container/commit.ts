/**
 * `docker commit`, `docker container commit` — docker/cli cli/command/container/commit.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresRangeArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const commitCommand: CommandSpec = {
  use: 'commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]',
  short: "Create a new image from a container's changes",
  args: requiresRangeArgs(1, 2),
  interspersed: false,
  annotations: { aliases: 'docker container commit, docker commit' },
  flags: [
    {
      name: 'author',
      shorthand: 'a',
      type: 'string',
      usage: 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")',
    },
    {
      name: 'change',
      shorthand: 'c',
      type: 'list',
      usage: 'Apply Dockerfile instruction to the created image',
    },
    { name: 'message', shorthand: 'm', type: 'string', usage: 'Commit message' },
    { name: 'pause', shorthand: 'p', type: 'bool', usage: 'Pause container during commit', defValue: 'true' },
  ],
  run: runCommit,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runCommit(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
