/**
 * `docker secret create` — docker/cli cli/command/secret/create.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresRangeArgs } from '../../command.ts';
import { validateLabel } from '../opts/opts.ts';
import { notSimulated } from '../not-simulated.ts';

export const secretCreateCommand: CommandSpec = {
  use: 'create [OPTIONS] SECRET [file|-]',
  short: 'Create a secret from a file or STDIN as content',
  args: requiresRangeArgs(1, 2),
  flags: [
    {
      name: 'driver',
      shorthand: 'd',
      type: 'string',
      usage: 'Secret driver',
      annotations: { version: ['1.31'] },
    },
    { name: 'label', shorthand: 'l', type: 'list', usage: 'Secret labels', parse: validateLabel },
    { name: 'template-driver', type: 'string', usage: 'Template driver', annotations: { version: ['1.37'] } },
  ],
  run: runCreate,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runCreate(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
