/**
 * `docker network prune` — docker/cli cli/command/network/prune.go (v28.5.2).
 */

import type { NetworkPruneReport } from '../../../api/types/network.ts';
import { type CommandSpec, noArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { filtersQuery } from '../filters.ts';
import { filterOpt } from '../opts/opts.ts';
import { confirm } from '../prompt.ts';

export const pruneCommand: CommandSpec = {
  use: 'prune [OPTIONS]',
  short: 'Remove all unused networks',
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
// docker/cli network/prune.go

const WARNING = `WARNING! This will remove all custom networks not used by at least one container.
Are you sure you want to continue?`;

async function runPrune(cli: DockerCli, flags: FlagValues): Promise<number | void> {
  // a cancelled prune (errdefs.Cancelled) ends quietly, with status 0
  if (!flags.bool('force') && !(await confirm(cli, WARNING))) return 0;
  const report = await cli.client.post<NetworkPruneReport>('/networks/prune', {
    filters: filtersQuery(flags),
  });
  const deleted = report.NetworksDeleted ?? [];
  // the output string ends with a newline and is printed with Fprintln
  if (deleted.length > 0) cli.out.write('Deleted Networks:\n' + deleted.map((n) => n + '\n').join('') + '\n');
}
