/**
 * `docker config create` — docker/cli cli/command/config/create.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { validateLabel } from '../opts/opts.ts';
import { notSimulated } from '../not-simulated.ts';

export const configCreateCommand: CommandSpec = {
  use: 'create [OPTIONS] CONFIG file|-',
  short: 'Create a config from a file or STDIN',
  args: exactArgs(2),
  flags: [
    { name: 'label', shorthand: 'l', type: 'list', usage: 'Config labels', parse: validateLabel },
    { name: 'template-driver', type: 'string', usage: 'Template driver', annotations: { version: ['1.37'] } },
  ],
  run: runCreate,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runCreate(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
