/**
 * `docker container kill`, `docker kill` — docker/cli cli/command/container/kill.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const killCommand: CommandSpec = {
  use: 'kill [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Kill one or more running containers',
  args: requiresMinArgs(1),
  annotations: { aliases: 'docker container kill, docker kill' },
  flags: [{ name: 'signal', shorthand: 's', type: 'string', usage: 'Signal to send to the container' }],
  run: runKill,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runKill(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
