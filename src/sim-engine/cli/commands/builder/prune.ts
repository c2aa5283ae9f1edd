/**
 * `docker builder prune` — docker/cli cli/command/builder/prune.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, noArgs } from '../../command.ts';
import { filterOpt, memBytes } from '../opts/opts.ts';
import { notSimulated } from '../not-simulated.ts';

export const pruneCommand: CommandSpec = {
  use: 'prune',
  short: 'Remove build cache',
  args: noArgs,
  annotations: { version: '1.39' },
  flags: [
    {
      name: 'all',
      shorthand: 'a',
      type: 'bool',
      usage: 'Remove all unused build cache, not just dangling ones',
    },
    { name: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "until=24h")', parse: filterOpt },
    { name: 'force', shorthand: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
    {
      name: 'keep-storage',
      type: 'bytes',
      usage: 'Amount of disk space to keep for cache',
      defValue: '0',
      parse: memBytes,
    },
  ],
  run: runPrune,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runPrune(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
