/**
 * `docker plugin upgrade` — docker/cli cli/command/plugin/upgrade.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, requiresRangeArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const upgradeCommand: CommandSpec = {
  use: 'upgrade [OPTIONS] PLUGIN [REMOTE]',
  short: 'Upgrade an existing plugin',
  args: requiresRangeArgs(1, 2),
  annotations: { version: '1.26' },
  flags: [
    { name: 'disable-content-trust', type: 'bool', usage: 'Skip image verification', defValue: 'true' },
    {
      name: 'grant-all-permissions',
      type: 'bool',
      usage: 'Grant all permissions necessary to run the plugin',
    },
    {
      name: 'skip-remote-check',
      type: 'bool',
      usage: 'Do not check if specified remote plugin matches existing plugin image',
    },
  ],
  run: runUpgrade,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runUpgrade(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
