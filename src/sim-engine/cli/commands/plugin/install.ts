/**
 * `docker plugin install` — docker/cli cli/command/plugin/install.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresMinArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const installCommand: CommandSpec = {
  use: 'install [OPTIONS] PLUGIN [KEY=VALUE...]',
  short: 'Install a plugin',
  args: requiresMinArgs(1),
  flags: [
    { name: 'alias', type: 'string', usage: 'Local name for plugin' },
    { name: 'disable', type: 'bool', usage: 'Do not enable the plugin on install' },
    { name: 'disable-content-trust', type: 'bool', usage: 'Skip image verification', defValue: 'true' },
    {
      name: 'grant-all-permissions',
      type: 'bool',
      usage: 'Grant all permissions necessary to run the plugin',
    },
  ],
  run: runInstall,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runInstall(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
