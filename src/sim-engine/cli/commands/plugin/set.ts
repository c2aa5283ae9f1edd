/**
 * `docker plugin set` — docker/cli cli/command/plugin/set.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const setCommand: CommandSpec = {
  use: 'set PLUGIN KEY=VALUE [KEY=VALUE...]',
  short: 'Change settings for a plugin',
  args: requiresMinArgs(2),
  run: runSet,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runSet(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
