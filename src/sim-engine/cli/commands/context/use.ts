/**
 * `docker context use` — docker/cli cli/command/context/use.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, cobraExactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const useCommand: CommandSpec = {
  use: 'use CONTEXT',
  short: 'Set the current docker context',
  args: cobraExactArgs(1),
  run: runUse,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runUse(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
