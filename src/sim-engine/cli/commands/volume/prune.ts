/**
 * `docker volume prune` — docker/cli cli/command/volume/prune.go (v28.5.2).
 */

import type { VolumePruneReport } from '../../../api/types/volume.ts';
import { humanSize } from '../../../golang/units.ts';
import { type CommandSpec, noArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import type { FilterArg } from '../opts/opts.ts';
import { encodeFilters } from '../../../api/client.ts';
import { filterOpt } from '../opts/opts.ts';
import { confirm } from '../prompt.ts';

export const pruneCommand: CommandSpec = {
  use: 'prune [OPTIONS]',
  short: 'Remove unused local volumes',
  args: noArgs,
  annotations: { version: '1.25' },
  flags: [
    {
      name: 'all',
      shorthand: 'a',
      type: 'bool',
      usage: 'Remove all unused volumes, not just anonymous ones',
      annotations: { version: ['1.42'] },
    },
    {
      name: 'filter',
      type: 'filter',
      usage: 'Provide filter values (e.g. "label=<label>")',
      parse: filterOpt,
    },
    { name: 'force', shorthand: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
  run: runPrune,
};

// ---------------------------------------------------------------------------
// docker/cli volume/prune.go

const UNUSED_VOLUMES_WARNING = `WARNING! This will remove anonymous local volumes not used by at least one container.
Are you sure you want to continue?`;
const ALL_VOLUMES_WARNING = `WARNING! This will remove all local volumes not used by at least one container.
Are you sure you want to continue?`;

async function runPrune(cli: DockerCli, flags: FlagValues): Promise<number | void> {
  const filters = flags
    .get<(FilterArg | undefined)[]>('filter')
    .filter((f): f is FilterArg => f !== undefined)
    .map((f): [string, string] => [f.name, f.value]);
  let warning = UNUSED_VOLUMES_WARNING;
  if (flags.bool('all')) {
    if (filters.some(([k]) => k === 'all'))
      throw new CliError('conflicting options: cannot specify both --all and --filter all=1');
    filters.push(['all', 'true']);
    warning = ALL_VOLUMES_WARNING;
  }
  // a cancelled prune (errdefs.Cancelled) ends quietly, with status 0
  if (!flags.bool('force') && !(await confirm(cli, warning))) return 0;
  const report = await cli.client.post<VolumePruneReport>('/volumes/prune', {
    filters: encodeFilters(filters),
  });
  let reclaimed = 0;
  const deleted = report.VolumesDeleted ?? [];
  if (deleted.length > 0) {
    cli.out.write('Deleted Volumes:\n' + deleted.map((n) => n + '\n').join('') + '\n');
    reclaimed = report.SpaceReclaimed;
  }
  cli.out.write(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
}
