/**
 * `docker manifest inspect` — docker/cli cli/command/manifest/inspect.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresRangeArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const inspectCommand: CommandSpec = {
  use: 'inspect [OPTIONS] [MANIFEST_LIST] MANIFEST',
  short: 'Display an image manifest, or manifest list',
  args: requiresRangeArgs(1, 2),
  flags: [
    { name: 'insecure', type: 'bool', usage: 'Allow communication with an insecure registry' },
    {
      name: 'verbose',
      shorthand: 'v',
      type: 'bool',
      usage: 'Output additional info including layers and platform',
    },
  ],
  run: runInspect,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runInspect(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
