/**
 * `docker logout` — docker/cli cli/command/registry/logout.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMaxArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const logoutCommand: CommandSpec = {
  use: 'logout [SERVER]',
  short: 'Log out from a registry',
  long: `Log out from a registry.
If no server is specified, the default is defined by the daemon.`,
  args: requiresMaxArgs(1),
  annotations: { 'category-top': '9' },
  run: runLogout,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runLogout(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
