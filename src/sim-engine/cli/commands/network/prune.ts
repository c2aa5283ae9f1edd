/**
 * `docker network prune` — docker/cli cli/command/network/prune.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, noArgs } from '../../command.ts';
import { filterOpt } from '../opts/opts.ts';
import { notSimulated } from '../not-simulated.ts';

export const pruneCommand: CommandSpec = {
  use: 'prune [OPTIONS]',
  short: 'Remove all unused networks',
  args: noArgs,
  annotations: { version: '1.25' },
  flags: [
    {
      name: 'filter',
      type: 'filter',
      usage: 'Provide filter values (e.g. "until=<timestamp>")',
      parse: filterOpt,
    },
    { name: 'force', shorthand: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
  run: runPrune,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runPrune(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
