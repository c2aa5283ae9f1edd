/**
 * `docker container restart`, `docker restart` — docker/cli cli/command/container/restart.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const restartCommand: CommandSpec = {
  use: 'restart [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Restart one or more containers',
  args: requiresMinArgs(1),
  annotations: { aliases: 'docker container restart, docker restart' },
  flags: [
    { name: 'signal', shorthand: 's', type: 'string', usage: 'Signal to send to the container' },
    {
      name: 'time',
      type: 'int',
      usage: 'Seconds to wait before killing the container (deprecated: use --timeout)',
      hidden: true,
      deprecated: 'use --timeout instead',
    },
    { name: 'timeout', shorthand: 't', type: 'int', usage: 'Seconds to wait before killing the container' },
  ],
  run: runRestart,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runRestart(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
