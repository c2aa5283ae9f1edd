/**
 * `docker trust key load` — docker/cli cli/command/trust/key_load.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const keyLoadCommand: CommandSpec = {
  use: 'load [OPTIONS] KEYFILE',
  short: 'Load a private key file for signing',
  args: exactArgs(1),
  flags: [{ name: 'name', type: 'string', usage: 'Name for the loaded key', defValue: 'signer' }],
  run: runLoad,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runLoad(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
