/**
 * `docker image prune` — docker/cli cli/command/image/prune.go (v28.5.2).
 */

import { encodeFilters } from '../../../api/client.ts';
import type { ImagePruneReport } from '../../../api/types/image.ts';
import { humanSize } from '../../../golang/units.ts';
import { type CommandSpec, noArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { filterOpt, type FilterArg } from '../opts/opts.ts';
import { confirm } from '../prompt.ts';

export const pruneCommand: CommandSpec = {
  use: 'prune [OPTIONS]',
  short: 'Remove unused images',
  args: noArgs,
  annotations: { version: '1.25' },
  flags: [
    { name: 'all', shorthand: 'a', type: 'bool', usage: 'Remove all unused images, not just dangling ones' },
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
// docker/cli image/prune.go

const ALL_IMAGES_WARNING = `WARNING! This will remove all images without at least one container associated to them.
Are you sure you want to continue?`;
const DANGLING_WARNING = `WARNING! This will remove all dangling images.
Are you sure you want to continue?`;

async function runPrune(cli: DockerCli, flags: FlagValues): Promise<number | void> {
  const all = flags.bool('all');
  const filters = flags
    .get<(FilterArg | undefined)[]>('filter')
    .filter((f): f is FilterArg => f !== undefined)
    .map((f): [string, string] => [f.name, f.value]);
  filters.push(['dangling', String(!all)]);
  if (!flags.bool('force')) {
    // a cancelled prune ends quietly, with status 0 (a "cancelled" error prints nothing)
    if (!(await confirm(cli, all ? ALL_IMAGES_WARNING : DANGLING_WARNING))) return 0;
  }
  const report = await cli.client.post<ImagePruneReport>('/images/prune', {
    filters: encodeFilters(filters),
  });
  let reclaimed = 0;
  if (report.ImagesDeleted && report.ImagesDeleted.length > 0) {
    let text = 'Deleted Images:\n';
    for (const d of report.ImagesDeleted) {
      text += d.Untagged ? `untagged: ${d.Untagged}\n` : `deleted: ${d.Deleted ?? ''}\n`;
    }
    cli.out.write(text + '\n');
    reclaimed = report.SpaceReclaimed;
  }
  cli.out.write(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
}
