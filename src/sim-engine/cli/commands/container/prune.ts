/**
 * `docker container prune` — docker/cli cli/command/container/prune.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import { filterOpt } from '../opts/opts.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import type { ContainerPruneReport } from '../../../api/types/container.ts';
import { humanSize } from '../../../golang/units.ts';
import { StatusError } from '../../errors.ts';
import { filtersQuery } from '../filters.ts';
import { confirm } from '../prompt.ts';

export const pruneCommand: CommandSpec = {
  use: 'prune [OPTIONS]',
  short: 'Remove all stopped containers',
  args: noArgs,
  annotations: { version: '1.25' },
  flags: [
    {
      name: 'filter',
      type: 'filter',
      usage: 'Provide filter values (e.g. "until=<timestamp>")',
      parse: filterOpt,
    },
    { name: 'force', shorthand: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
  run: runPrune,
};

// ---------------------------------------------------------------------------
// docker/cli container/prune.go

async function runPrune(cli: DockerCli, flags: FlagValues): Promise<number | void> {
  if (!flags.bool('force')) {
    const ok = await confirm(
      cli,
      'WARNING! This will remove all stopped containers.\nAre you sure you want to continue?',
    );
    // a cancelled prune ends quietly, with status 0
    if (!ok) return 0;
  }
  const report = await cli.client.post<ContainerPruneReport>('/containers/prune', {
    filters: filtersQuery(flags),
  });
  let reclaimed = 0;
  if (report.ContainersDeleted && report.ContainersDeleted.length > 0) {
    cli.out.write('Deleted Containers:\n' + report.ContainersDeleted.map((id) => id + '\n').join('') + '\n');
    reclaimed = report.SpaceReclaimed;
  }
  cli.out.write(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
  void StatusError;
}
