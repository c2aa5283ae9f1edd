/**
 * `docker manifest create` — docker/cli cli/command/manifest/create_list.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const createListCommand: CommandSpec = {
  use: 'create MANIFEST_LIST MANIFEST [MANIFEST...]',
  short: 'Create a local manifest list for annotating and pushing to a registry',
  args: requiresMinArgs(2),
  flags: [
    { name: 'amend', shorthand: 'a', type: 'bool', usage: 'Amend an existing manifest list' },
    { name: 'insecure', type: 'bool', usage: 'Allow communication with an insecure registry' },
  ],
  run: runCreate,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runCreate(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
