/**
 * `docker plugin ls` — docker/cli cli/command/plugin/list.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, noArgs } from '../../command.ts';
import { filterOpt } from '../opts/opts.ts';
import { notSimulated } from '../not-simulated.ts';
import { FORMAT_HELP } from '../opts/flags-helper.ts';

export const listCommand: CommandSpec = {
  use: 'ls [OPTIONS]',
  aliases: ['list'],
  short: 'List plugins',
  args: noArgs,
  flags: [
    {
      name: 'filter',
      shorthand: 'f',
      type: 'filter',
      usage: 'Provide filter values (e.g. "enabled=true")',
      parse: filterOpt,
    },
    {
      name: 'format',
      type: 'string',
      usage: FORMAT_HELP,
    },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only display plugin IDs' },
  ],
  run: runLs,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runLs(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
