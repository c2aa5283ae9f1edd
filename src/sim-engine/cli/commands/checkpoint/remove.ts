/**
 * `docker checkpoint rm` — docker/cli cli/command/checkpoint/remove.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const removeCommand: CommandSpec = {
  use: 'rm [OPTIONS] CONTAINER CHECKPOINT',
  aliases: ['remove'],
  short: 'Remove a checkpoint',
  args: exactArgs(2),
  flags: [{ name: 'checkpoint-dir', type: 'string', usage: 'Use a custom checkpoint storage directory' }],
  run: runRm,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runRm(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
