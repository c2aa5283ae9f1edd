/**
 * `docker trust signer add` — docker/cli cli/command/trust/signer_add.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const signerAddCommand: CommandSpec = {
  use: 'add OPTIONS NAME REPOSITORY [REPOSITORY...] ',
  short: 'Add a signer',
  args: requiresMinArgs(2),
  flags: [{ name: 'key', type: 'list', usage: "Path to the signer's public key file" }],
  run: runAdd,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runAdd(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
