/**
 * `docker volume update` — docker/cli cli/command/volume/update.go (v28.5.2).
 */

import type { Volume } from '../../../api/types/volume.ts';
import { type CommandSpec, exactArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import { objectPath } from '../../../api/client.ts';

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
// docker/cli volume/update.go runUpdate

async function runUpdate(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  const vol = await cli.client.get<Volume>(objectPath('volume', args[0]!));
  if (!vol.ClusterVolume) throw new CliError('can only update cluster volumes');
  const spec = { ...vol.ClusterVolume.Spec };
  if (flags.has('availability')) spec.Availability = flags.string('availability');
  await cli.client.request('PUT', objectPath('volume', vol.ClusterVolume.ID), {
    query: { version: vol.ClusterVolume.Version.Index },
    body: { Spec: spec },
  });
}
