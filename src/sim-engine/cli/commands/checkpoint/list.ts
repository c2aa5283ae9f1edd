/**
 * `docker checkpoint ls` — docker/cli cli/command/checkpoint/list.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const listCommand: CommandSpec = {
  use: 'ls [OPTIONS] CONTAINER',
  aliases: ['list'],
  short: 'List checkpoints for a container',
  args: exactArgs(1),
  flags: [{ name: 'checkpoint-dir', type: 'string', usage: 'Use a custom checkpoint storage directory' }],
  run: runLs,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runLs(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
