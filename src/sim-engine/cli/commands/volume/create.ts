/**
 * `docker volume create` — docker/cli cli/command/volume/create.go (v28.5.2).
 */

import { sortedMap } from '../opts/go-map.ts';
import type { Volume, VolumeCreateRequest } from '../../../api/types/volume.ts';
import { type CommandSpec, requiresMaxArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import { kvStringsToMap, mapEntries } from './map-opts.ts';
import { memBytes, validateLabel } from '../opts/opts.ts';

export const createCommand: CommandSpec = {
  use: 'create [OPTIONS] [VOLUME]',
  short: 'Create a volume',
  args: requiresMaxArgs(1),
  flags: [
    {
      name: 'availability',
      type: 'string',
      usage: 'Cluster Volume availability ("active", "pause", "drain")',
      defValue: 'active',
      annotations: { swarm: ['manager'], version: ['1.42'] },
    },
    {
      name: 'driver',
      shorthand: 'd',
      type: 'string',
      usage: 'Specify volume driver name',
      defValue: 'local',
    },
    {
      name: 'group',
      type: 'string',
      usage: 'Cluster Volume group (cluster volumes)',
      annotations: { swarm: ['manager'], version: ['1.42'] },
    },
    { name: 'label', type: 'list', usage: 'Set metadata for a volume', parse: validateLabel },
    {
      name: 'limit-bytes',
      type: 'bytes',
      usage: 'Minimum size of the Cluster Volume in bytes',
      defValue: '0',
      annotations: { swarm: ['manager'], version: ['1.42'] },
      parse: memBytes,
    },
    { name: 'name', type: 'string', usage: 'Specify volume name', hidden: true },
    { name: 'opt', shorthand: 'o', type: 'map', usage: 'Set driver specific options', defValue: 'map[]' },
    {
      name: 'required-bytes',
      type: 'bytes',
      usage: 'Maximum size of the Cluster Volume in bytes',
      defValue: '0',
      annotations: { swarm: ['manager'], version: ['1.42'] },
      parse: memBytes,
    },
    {
      name: 'scope',
      type: 'string',
      usage: 'Cluster Volume access scope ("single", "multi")',
      defValue: 'single',
      annotations: { swarm: ['manager'], version: ['1.42'] },
    },
    {
      name: 'secret',
      type: 'map',
      usage: 'Cluster Volume secrets',
      defValue: 'map[]',
      annotations: { swarm: ['manager'], version: ['1.42'] },
    },
    {
      name: 'sharing',
      type: 'string',
      usage: 'Cluster Volume access sharing ("none", "readonly", "onewriter", "all")',
      defValue: 'none',
      annotations: { swarm: ['manager'], version: ['1.42'] },
    },
    {
      name: 'topology-preferred',
      type: 'list',
      usage: 'A topology that the Cluster Volume would be preferred in',
      annotations: { swarm: ['manager'], version: ['1.42'] },
    },
    {
      name: 'topology-required',
      type: 'list',
      usage: 'A topology that the Cluster Volume must be accessible from',
      annotations: { swarm: ['manager'], version: ['1.42'] },
    },
    {
      name: 'type',
      type: 'string',
      usage: 'Cluster Volume access type ("mount", "block")',
      defValue: 'block',
      annotations: { swarm: ['manager'], version: ['1.42'] },
    },
  ],
  run: runCreate,
};

// ---------------------------------------------------------------------------
// docker/cli volume/create.go runCreate

/** hasClusterVolumeOptionSet */
const CLUSTER_FLAGS = [
  'group',
  'scope',
  'sharing',
  'availability',
  'type',
  'secrets',
  'limit-bytes',
  'required-bytes',
];

async function runCreate(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  let name = flags.string('name');
  if (args.length === 1) {
    if (name !== '')
      throw new CliError(
        'conflicting options: cannot specify a volume-name through both --name and as a positional arg',
      );
    name = args[0]!;
  }
  const body: VolumeCreateRequest = {
    Driver: flags.string('driver'),
    DriverOpts: sortedMap(Object.fromEntries(mapEntries(flags.list('opt')))),
    Labels: sortedMap(kvStringsToMap(flags.list('label'))),
    Name: name,
  };
  if (CLUSTER_FLAGS.some((f) => flags.has(f))) {
    body.ClusterVolumeSpec = {
      Group: flags.string('group'),
      AccessMode: { Scope: flags.string('scope'), Sharing: flags.string('sharing') },
      Availability: flags.string('availability'),
    };
  }
  // DriverOpts and Labels are omitempty: empty maps are not sent
  if (Object.keys(body.DriverOpts!).length === 0) delete body.DriverOpts;
  if (Object.keys(body.Labels!).length === 0) delete body.Labels;
  const vol = await cli.client.post<Volume>('/volumes/create', undefined, body);
  cli.out.write(vol.Name + '\n');
}
