/**
 * `docker stack rm` — docker/cli cli/command/stack/remove.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { orchestratorFlag } from './opts.ts';
import { notSimulated } from '../not-simulated.ts';

export const removeCommand: CommandSpec = {
  use: 'rm [OPTIONS] STACK [STACK...]',
  aliases: ['remove', 'down'],
  short: 'Remove one or more stacks',
  args: requiresMinArgs(1),
  flags: [
    {
      name: 'detach',
      shorthand: 'd',
      type: 'bool',
      usage: 'Do not wait for stack removal',
      defValue: 'true',
    },
    orchestratorFlag,
  ],
  run: runRm,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runRm(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
