/**
 * `docker service rollback` — docker/cli cli/command/service/rollback.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const rollbackCommand: CommandSpec = {
  use: 'rollback [OPTIONS] SERVICE',
  short: "Revert changes to a service's configuration",
  args: exactArgs(1),
  annotations: { version: '1.31' },
  flags: [
    {
      name: 'detach',
      shorthand: 'd',
      type: 'bool',
      usage: 'Exit immediately instead of waiting for the service to converge',
      annotations: { version: ['1.29'] },
    },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Suppress progress output' },
  ],
  run: runRollback,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runRollback(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
