/**
 * `docker network disconnect` — docker/cli cli/command/network/disconnect.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const disconnectCommand: CommandSpec = {
  use: 'disconnect [OPTIONS] NETWORK CONTAINER',
  short: 'Disconnect a container from a network',
  args: exactArgs(2),
  flags: [
    {
      name: 'force',
      shorthand: 'f',
      type: 'bool',
      usage: 'Force the container to disconnect from a network',
    },
  ],
  run: runDisconnect,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runDisconnect(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
