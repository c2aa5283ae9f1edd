/**
 * `docker node ls` — docker/cli cli/command/node/list.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import { filterOpt } from '../opts/opts.ts';
import type { Node } from '../../../api/types/swarm.ts';
import type { InfoResponse } from '../../../api/types/system.ts';
import { naturalCompare } from '../../../golang/natural-sort.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { writeFormatted } from '../../formatter/formatter.ts';
import { filtersQuery } from '../filters.ts';
import { NODE_HEADER, NodeContext, nodeFormat } from './formatter.ts';
import { FORMAT_HELP } from '../opts/flags-helper.ts';

export const listCommand: CommandSpec = {
  use: 'ls [OPTIONS]',
  aliases: ['list'],
  short: 'List nodes in the swarm',
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
// docker/cli node/list.go runList

async function runLs(cli: DockerCli, flags: FlagValues): Promise<void> {
  const nodes = await cli.client.get<Node[]>('/nodes', { filters: filtersQuery(flags) });
  const quiet = flags.bool('quiet');
  let info: InfoResponse | undefined;
  // only for a non-empty list, and not quiet, does docker ask /info
  if (nodes.length > 0 && !quiet) info = await cli.client.get<InfoResponse>('/info');
  const format = flags.string('format') || 'table';
  nodes.sort((a, b) => naturalCompare(a.Description.Hostname ?? '', b.Description.Hostname ?? ''));
  const tls = (info?.Swarm.Cluster as { TLSInfo?: Node['Description']['TLSInfo'] } | undefined)?.TLSInfo;
  writeFormatted(
    cli.out,
    nodeFormat(format, quiet),
    NODE_HEADER,
    nodes.map((n) => new NodeContext(n, info?.Swarm.NodeID ?? '', tls)),
  );
}
