/**
 * `docker stack ls` — docker/cli cli/command/stack/list.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, noArgs } from '../../command.ts';
import { orchestratorFlag } from './opts.ts';
import { notSimulated } from '../not-simulated.ts';
import { FORMAT_HELP } from '../opts/flags-helper.ts';

export const listCommand: CommandSpec = {
  use: 'ls [OPTIONS]',
  aliases: ['list'],
  short: 'List stacks',
  args: noArgs,
  flags: [
    {
      name: 'format',
      type: 'string',
      usage: FORMAT_HELP,
    },
    orchestratorFlag,
  ],
  run: runLs,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runLs(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
