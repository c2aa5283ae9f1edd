/**
 * `docker trust inspect` — docker/cli cli/command/trust/inspect.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const inspectCommand: CommandSpec = {
  use: 'inspect IMAGE[:TAG] [IMAGE[:TAG]...]',
  short: 'Return low-level information about keys and signatures',
  args: requiresMinArgs(1),
  flags: [{ name: 'pretty', type: 'bool', usage: 'Print the information in a human friendly format' }],
  run: runInspect,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runInspect(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
