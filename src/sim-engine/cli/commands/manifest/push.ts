/**
 * `docker manifest push` — docker/cli cli/command/manifest/push.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const pushListCommand: CommandSpec = {
  use: 'push [OPTIONS] MANIFEST_LIST',
  short: 'Push a manifest list to a repository',
  args: exactArgs(1),
  flags: [
    { name: 'insecure', type: 'bool', usage: 'Allow push to an insecure registry' },
    { name: 'purge', shorthand: 'p', type: 'bool', usage: 'Remove the local manifest list after push' },
  ],
  run: runPush,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runPush(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
