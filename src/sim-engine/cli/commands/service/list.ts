/**
 * `docker service ls` — docker/cli cli/command/service/list.go (v28.5.2).
 */

import type { Service } from '../../../api/types/service.ts';
import { naturalCompare } from '../../../golang/natural-sort.ts';
import { type CommandSpec, noArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { writeFormatted } from '../../formatter/formatter.ts';
import { filtersQuery } from '../filters.ts';
import { filterOpt } from '../opts/opts.ts';
import { FORMAT_HELP } from '../opts/flags-helper.ts';
import { SERVICE_HEADER, ServiceContext, serviceListFormat } from './formatter.ts';

export const listCommand: CommandSpec = {
  use: 'ls [OPTIONS]',
  aliases: ['list'],
  short: 'List services',
  args: noArgs,
  flags: [
    {
      name: 'filter',
      shorthand: 'f',
      type: 'filter',
      usage: 'Filter output based on conditions provided',
      parse: filterOpt,
    },
    {
      name: 'format',
      type: 'string',
      usage: FORMAT_HELP,
    },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only display IDs' },
  ],
  run: runLs,
};

// ---------------------------------------------------------------------------
// docker/cli service/list.go runList: the daemon counts running and desired tasks
// (`status=true`, API 1.41+); rows natural-sorted by name (ListFormatWrite)

async function runLs(cli: DockerCli, flags: FlagValues): Promise<void> {
  const quiet = flags.bool('quiet');
  const services = await cli.client.get<Service[]>('/services', {
    filters: filtersQuery(flags),
    ...(quiet ? {} : { status: 'true' }),
  });
  services.sort((a, b) => naturalCompare(a.Spec.Name ?? '', b.Spec.Name ?? ''));
  writeFormatted(
    cli.out,
    serviceListFormat(flags.string('format') || 'table', quiet),
    SERVICE_HEADER,
    services.map((s) => new ServiceContext(s)),
  );
}
