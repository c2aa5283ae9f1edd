/**
 * `docker context export` — docker/cli cli/command/context/export.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresRangeArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const exportCommand: CommandSpec = {
  use: 'export [OPTIONS] CONTEXT [FILE|-]',
  short: 'Export a context to a tar archive FILE or a tar stream on STDOUT.',
  args: requiresRangeArgs(1, 2),
  run: runExport,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runExport(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
