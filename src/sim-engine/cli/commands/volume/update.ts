/**
 * `docker volume update` — docker/cli cli/command/volume/update.go (v28.5.2).
 */

import { type CommandSpec, type RunFn, exactArgs } from '../../command.ts';
import { notSimulated } from '../not-simulated.ts';

export const updateCommand: CommandSpec = {
  use: 'update [OPTIONS] [VOLUME]',
  short: 'Update a volume (cluster volumes only)',
  args: exactArgs(1),
  annotations: { swarm: 'manager', version: '1.42' },
  flags: [
    {
      name: 'availability',
      type: 'string',
      usage: 'Cluster Volume availability ("active", "pause", "drain")',
      defValue: 'active',
      annotations: { swarm: ['manager'], version: ['1.42'] },
    },
  ],
  run: runUpdate,
};

// ---------------------------------------------------------------------------
// What the command does. Replace notSimulated with the real implementation.

function runUpdate(...params: Parameters<RunFn>): ReturnType<RunFn> {
  return notSimulated(...params);
}
