/**
 * `docker context show` — docker/cli cli/command/context/show.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, noArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const showCommand: CommandSpec = {
  use: 'show',
  short: 'Print the name of the current context',
  args: noArgs,
  run: runShow,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runShow(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
