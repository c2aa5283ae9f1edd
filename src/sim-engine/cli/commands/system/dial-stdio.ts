/**
 * `docker system dial-stdio` — docker/cli cli/command/system/dial_stdio.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, noArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const dialStdioCommand: CommandSpec = {
  use: 'dial-stdio',
  short: 'Proxy the stdio stream to the daemon connection. Should not be invoked manually.',
  args: noArgs,
  hidden: true,
  run: runDialStdio,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runDialStdio(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
