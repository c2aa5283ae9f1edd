/**
 * `docker trust signer remove` — docker/cli cli/command/trust/signer_remove.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const signerRemoveCommand: CommandSpec = {
  use: 'remove [OPTIONS] NAME REPOSITORY [REPOSITORY...]',
  short: 'Remove a signer',
  args: requiresMinArgs(2),
  flags: [
    {
      name: 'force',
      shorthand: 'f',
      type: 'bool',
      usage: 'Do not prompt for confirmation before removing the most recent signer',
    },
  ],
  run: runRemove,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runRemove(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
