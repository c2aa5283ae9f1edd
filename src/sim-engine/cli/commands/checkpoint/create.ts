/**
 * `docker checkpoint create` — docker/cli cli/command/checkpoint/create.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const createCommand: CommandSpec = {
  use: 'create [OPTIONS] CONTAINER CHECKPOINT',
  short: 'Create a checkpoint from a running container',
  args: exactArgs(2),
  flags: [
    { name: 'checkpoint-dir', type: 'string', usage: 'Use a custom checkpoint storage directory' },
    { name: 'leave-running', type: 'bool', usage: 'Leave the container running after checkpoint' },
  ],
  run: runCreate,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runCreate(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
