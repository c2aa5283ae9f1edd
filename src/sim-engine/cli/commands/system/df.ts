/**
 * `docker system df` — docker/cli cli/command/system/df.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import type { BuildCacheRecord, DiskUsage } from '../../../api/types/system.ts';
import { writeDiskUsage } from '../../formatter/disk-usage.ts';
import { FORMAT_HELP } from '../opts/flags-helper.ts';

export const diskUsageCommand: CommandSpec = {
  use: 'df [OPTIONS]',
  short: 'Show docker disk usage',
  args: noArgs,
  annotations: { version: '1.25' },
  flags: [
    {
      name: 'format',
      type: 'string',
      usage: FORMAT_HELP,
    },
    { name: 'verbose', shorthand: 'v', type: 'bool', usage: 'Show detailed information on space usage' },
  ],
  run: runDf,
};

// ---------------------------------------------------------------------------
// docker/cli system/df.go

async function runDf(cli: DockerCli, flags: FlagValues): Promise<void> {
  const du = await cli.client.get<DiskUsage>('/system/df');
  // build.CacheRecord's JSON tag of Parents is `" Parents"` (moby v28), which the
  // CLI's own copy of the struct decodes
  const buildCache = (du.BuildCache ?? []).map((b) => {
    const { ' Parents': parents, ...rest } = b as BuildCacheRecord & { ' Parents'?: string[] };
    return parents ? { ...rest, Parents: parents } : rest;
  });
  // the builder's size is what its records take that no other record shares
  const builderSize = buildCache.reduce((n, b) => (b.Shared ? n : n + b.Size), 0);
  writeDiskUsage(
    cli.out,
    flags.string('format') || 'table',
    flags.bool('verbose'),
    {
      layersSize: du.LayersSize,
      builderSize,
      images: du.Images ?? [],
      containers: du.Containers ?? [],
      volumes: du.Volumes ?? [],
      buildCache,
    },
    cli.now(),
  );
}
