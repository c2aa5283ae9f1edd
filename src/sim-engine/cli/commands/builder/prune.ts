/**
 * `docker builder prune` — docker/cli cli/command/builder/prune.go (v28.5.2). With
 * buildx installed (as in a lab) docker forwards it to `docker buildx prune` before
 * parsing it (../buildx/builder-forward.ts); this, docker/cli's own, runs with
 * DOCKER_BUILDKIT=0, after the warning processBuilder prints for the legacy builder.
 */

import { encodeFilters } from '../../../api/client.ts';
import type { BuildCachePruneReport } from '../../../api/types/system.ts';
import { humanSize } from '../../../golang/units.ts';
import { type CommandSpec, noArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { filterOpt, memBytes, type FilterArg } from '../opts/opts.ts';
import { confirm } from '../prompt.ts';

export const pruneCommand: CommandSpec = {
  use: 'prune',
  short: 'Remove build cache',
  args: noArgs,
  annotations: { version: '1.39' },
  flags: [
    {
      name: 'all',
      shorthand: 'a',
      type: 'bool',
      usage: 'Remove all unused build cache, not just dangling ones',
    },
    { name: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "until=24h")', parse: filterOpt },
    { name: 'force', shorthand: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
    {
      name: 'keep-storage',
      type: 'bytes',
      usage: 'Amount of disk space to keep for cache',
      defValue: '0',
      parse: memBytes,
    },
  ],
  run: runPrune,
};

// ---------------------------------------------------------------------------
// docker/cli builder/prune.go

/** cmd/docker/builder.go buildkitDisabledWarning, printed before the command runs. */
const BUILDKIT_DISABLED = `DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
            environment-variable.`;

const NORMAL_WARNING =
  'WARNING! This will remove all dangling build cache. Are you sure you want to continue?';
const ALL_CACHE_WARNING = 'WARNING! This will remove all build cache. Are you sure you want to continue?';

async function runPrune(cli: DockerCli, flags: FlagValues): Promise<number | void> {
  cli.err.write(`${BUILDKIT_DISABLED}\n\n`);
  const all = flags.bool('all');
  const filters = flags
    .get<(FilterArg | undefined)[]>('filter')
    .filter((f): f is FilterArg => f !== undefined);
  const keepStorage = flags.get<number>('keep-storage');
  // a cancelled prune ends quietly, with status 0 (errdefs.IsCanceled in main)
  if (!flags.bool('force') && !(await confirm(cli, all ? ALL_CACHE_WARNING : NORMAL_WARNING))) return 0;
  const report = await cli.client.post<BuildCachePruneReport>('/build/prune', {
    all: all || undefined,
    filters: encodeFilters(filters.map((f) => [f.name, f.value])),
    // the client sends both names of the one limit (moby#50772)
    'keep-storage': keepStorage || undefined,
    'reserved-space': keepStorage || undefined,
  });
  const deleted = report.CachesDeleted ?? [];
  if (deleted.length > 0) {
    cli.out.write('Deleted build cache objects:\n' + deleted.map((id) => id + '\n').join('') + '\n');
  }
  cli.out.write(`Total reclaimed space: ${humanSize(report.SpaceReclaimed)}\n`);
}
