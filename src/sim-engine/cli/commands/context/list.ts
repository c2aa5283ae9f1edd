/**
 * `docker context ls` — docker/cli cli/command/context/list.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, noArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';
import { FORMAT_HELP } from '../opts/flags-helper.ts';

export const listCommand: CommandSpec = {
  use: 'ls [OPTIONS]',
  aliases: ['list'],
  short: 'List contexts',
  args: noArgs,
  flags: [
    {
      name: 'format',
      type: 'string',
      usage: FORMAT_HELP,
    },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only show context names' },
  ],
  run: runLs,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runLs(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
