/**
 * `docker network ls` — docker/cli cli/command/network/list.go (v28.5.2).
 */

import type { NetworkSummary } from '../../../api/types/network.ts';
import { naturalCompare } from '../../../golang/natural-sort.ts';
import { type CommandSpec, noArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { writeFormatted } from '../../formatter/formatter.ts';
import { NETWORK_HEADER, NetworkContext, networkFormat } from '../../formatter/network.ts';
import { filtersQuery } from '../filters.ts';
import { filterOpt } from '../opts/opts.ts';
import { FORMAT_HELP } from '../opts/flags-helper.ts';

export const listCommand: CommandSpec = {
  use: 'ls [OPTIONS]',
  aliases: ['list'],
  short: 'List networks',
  args: noArgs,
  flags: [
    {
      name: 'filter',
      shorthand: 'f',
      type: 'filter',
      usage: 'Provide filter values (e.g. "driver=bridge")',
      parse: filterOpt,
    },
    {
      name: 'format',
      type: 'string',
      usage: FORMAT_HELP,
    },
    { name: 'no-trunc', type: 'bool', usage: 'Do not truncate the output' },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only display network IDs' },
  ],
  run: runLs,
};

// ---------------------------------------------------------------------------
// docker/cli network/list.go runList

async function runLs(cli: DockerCli, flags: FlagValues): Promise<void> {
  const networks = await cli.client.get<NetworkSummary[]>('/networks', { filters: filtersQuery(flags) });
  const format = flags.string('format') || 'table';
  networks.sort((a, b) => naturalCompare(a.Name, b.Name));
  writeFormatted(
    cli.out,
    networkFormat(format, flags.bool('quiet')),
    NETWORK_HEADER,
    networks.map((n) => new NetworkContext(n, !flags.bool('no-trunc'))),
  );
}
