/**
 * `docker trust revoke` — docker/cli cli/command/trust/revoke.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const revokeCommand: CommandSpec = {
  use: 'revoke [OPTIONS] IMAGE[:TAG]',
  short: 'Remove trust for an image',
  args: exactArgs(1),
  flags: [{ name: 'yes', shorthand: 'y', type: 'bool', usage: 'Do not prompt for confirmation' }],
  run: runRevoke,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runRevoke(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
