/**
 * `docker plugin enable` — docker/cli cli/command/plugin/enable.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const enableCommand: CommandSpec = {
  use: 'enable [OPTIONS] PLUGIN',
  short: 'Enable a plugin',
  args: exactArgs(1),
  flags: [{ name: 'timeout', type: 'int', usage: 'HTTP client timeout (in seconds)', defValue: '30' }],
  run: runEnable,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runEnable(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
