/**
 * `docker manifest rm` — docker/cli cli/command/manifest/rm.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const rmManifestListCommand: CommandSpec = {
  use: 'rm MANIFEST_LIST [MANIFEST_LIST...]',
  short: 'Delete one or more manifest lists from local storage',
  args: requiresMinArgs(1),
  run: runRm,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runRm(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
