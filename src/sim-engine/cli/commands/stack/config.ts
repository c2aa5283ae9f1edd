/**
 * `docker stack config` — docker/cli cli/command/stack/config.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, noArgs } from '../../command.ts';
import { orchestratorFlag } from './opts.ts';
import { notSimulated } from '../not-simulated.ts';

export const configCommand: CommandSpec = {
  use: 'config [OPTIONS]',
  short: 'Outputs the final config file, after doing merges and interpolations',
  args: noArgs,
  flags: [
    {
      name: 'compose-file',
      shorthand: 'c',
      type: 'stringSlice',
      usage: 'Path to a Compose file, or "-" to read from stdin',
    },
    { name: 'skip-interpolation', type: 'bool', usage: 'Skip interpolation and output only merged config' },
    orchestratorFlag,
  ],
  run: runConfig,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runConfig(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
