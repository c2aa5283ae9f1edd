/**
 * `docker plugin disable` — docker/cli cli/command/plugin/disable.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const disableCommand: CommandSpec = {
  use: 'disable [OPTIONS] PLUGIN',
  short: 'Disable a plugin',
  args: exactArgs(1),
  flags: [{ name: 'force', shorthand: 'f', type: 'bool', usage: 'Force the disable of an active plugin' }],
  run: runDisable,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runDisable(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
