/**
 * `docker manifest annotate` — docker/cli cli/command/manifest/annotate.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const annotateCommand: CommandSpec = {
  use: 'annotate [OPTIONS] MANIFEST_LIST MANIFEST',
  short: 'Add additional information to a local image manifest',
  args: exactArgs(2),
  flags: [
    { name: 'arch', type: 'string', usage: 'Set architecture' },
    { name: 'os', type: 'string', usage: 'Set operating system' },
    { name: 'os-features', type: 'stringSlice', usage: 'Set operating system feature' },
    { name: 'os-version', type: 'string', usage: 'Set operating system version' },
    { name: 'variant', type: 'string', usage: 'Set architecture variant' },
  ],
  run: runAnnotate,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runAnnotate(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
