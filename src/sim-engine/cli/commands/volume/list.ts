/**
 * `docker volume ls` — docker/cli cli/command/volume/list.go (v28.5.2).
 */

import type { VolumeListResponse } from '../../../api/types/volume.ts';
import { naturalCompare } from '../../../golang/natural-sort.ts';
import { type CommandSpec, noArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { writeFormatted } from '../../formatter/formatter.ts';
import { VOLUME_HEADER, VolumeContext, volumeFormat } from '../../formatter/volume.ts';
import { filtersQuery } from '../filters.ts';
import { filterOpt } from '../opts/opts.ts';
import { FORMAT_HELP } from '../opts/flags-helper.ts';

export const listCommand: CommandSpec = {
  use: 'ls [OPTIONS]',
  aliases: ['list'],
  short: 'List volumes',
  args: noArgs,
  flags: [
    {
      name: 'cluster',
      type: 'bool',
      usage: 'Display only cluster volumes, and use cluster volume list formatting',
      annotations: { swarm: ['manager'], version: ['1.42'] },
    },
    {
      name: 'filter',
      shorthand: 'f',
      type: 'filter',
      usage: 'Provide filter values (e.g. "dangling=true")',
      parse: filterOpt,
    },
    {
      name: 'format',
      type: 'string',
      usage: FORMAT_HELP,
    },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only display volume names' },
  ],
  run: runLs,
};

// ---------------------------------------------------------------------------
// docker/cli volume/list.go runList

const CLUSTER_TABLE_FORMAT = 'table {{.Name}}\t{{.Group}}\t{{.Driver}}\t{{.Availability}}\t{{.Status}}';

async function runLs(cli: DockerCli, flags: FlagValues): Promise<void> {
  const list = await cli.client.get<VolumeListResponse>('/volumes', { filters: filtersQuery(flags) });
  let volumes = list.Volumes ?? [];
  let format = flags.string('format');
  const quiet = flags.bool('quiet');
  if (!format && !flags.bool('cluster')) {
    format = 'table';
  } else if (flags.bool('cluster')) {
    // only cluster volumes, in their own table
    volumes = volumes.filter((v) => v.ClusterVolume);
    format = quiet ? 'table' : CLUSTER_TABLE_FORMAT;
  }
  volumes.sort((a, b) => naturalCompare(a.Name, b.Name));
  writeFormatted(
    cli.out,
    volumeFormat(format, quiet),
    VOLUME_HEADER,
    volumes.map((v) => new VolumeContext(v)),
  );
}
