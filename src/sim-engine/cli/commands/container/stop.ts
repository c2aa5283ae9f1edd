/**
 * `docker container stop`, `docker stop` — docker/cli cli/command/container/stop.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const stopCommand: CommandSpec = {
  use: 'stop [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Stop one or more running containers',
  args: requiresMinArgs(1),
  annotations: { aliases: 'docker container stop, docker stop' },
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
  run: runStop,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runStop(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
