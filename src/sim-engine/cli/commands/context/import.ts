/**
 * `docker context import` — docker/cli cli/command/context/import.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const importCommand: CommandSpec = {
  use: 'import CONTEXT FILE|-',
  short: 'Import a context from a tar or zip file',
  args: exactArgs(2),
  run: runImport,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runImport(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
