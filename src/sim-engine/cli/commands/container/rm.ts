/**
 * `docker container rm`, `docker rm` — docker/cli cli/command/container/rm.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const rmCommand: CommandSpec = {
  use: 'rm [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Remove one or more containers',
  args: requiresMinArgs(1),
  annotations: { aliases: 'docker container rm, docker container remove, docker rm' },
  flags: [
    {
      name: 'force',
      shorthand: 'f',
      type: 'bool',
      usage: 'Force the removal of a running container (uses SIGKILL)',
    },
    { name: 'link', shorthand: 'l', type: 'bool', usage: 'Remove the specified link' },
    {
      name: 'volumes',
      shorthand: 'v',
      type: 'bool',
      usage: 'Remove anonymous volumes associated with the container',
    },
  ],
  run: runRm,
};

export const removeCommand: CommandSpec = {
  ...rmCommand,
  aliases: ['rm', 'remove'],
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runRm(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
