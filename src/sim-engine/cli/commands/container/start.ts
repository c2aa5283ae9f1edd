/**
 * `docker container start`, `docker start` — docker/cli cli/command/container/start.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const startCommand: CommandSpec = {
  use: 'start [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Start one or more stopped containers',
  args: requiresMinArgs(1),
  annotations: { aliases: 'docker container start, docker start' },
  flags: [
    { name: 'attach', shorthand: 'a', type: 'bool', usage: 'Attach STDOUT/STDERR and forward signals' },
    {
      name: 'checkpoint',
      type: 'string',
      usage: 'Restore from this checkpoint',
      annotations: { experimental: [], ostype: ['linux'] },
    },
    {
      name: 'checkpoint-dir',
      type: 'string',
      usage: 'Use a custom checkpoint storage directory',
      annotations: { experimental: [], ostype: ['linux'] },
    },
    { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
    { name: 'interactive', shorthand: 'i', type: 'bool', usage: "Attach container's STDIN" },
  ],
  run: runStart,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runStart(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
