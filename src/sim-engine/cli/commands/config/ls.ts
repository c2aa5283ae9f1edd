/**
 * `docker config ls` — docker/cli cli/command/config/ls.go (v28.5.2).
 */

import type { Config } from '../../../api/types/secret.ts';
import { naturalCompare } from '../../../golang/natural-sort.ts';
import { type CommandSpec, noArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { TABLE_FORMAT_KEY, writeFormatted } from '../../formatter/formatter.ts';
import { filtersQuery } from '../filters.ts';
import { filterOpt } from '../opts/opts.ts';
import { CONFIG_HEADER, ConfigContext, configFormat } from './formatter.ts';
import { FORMAT_HELP } from '../opts/flags-helper.ts';

export const configListCommand: CommandSpec = {
  use: 'ls [OPTIONS]',
  aliases: ['list'],
  short: 'List configs',
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
// docker/cli config/ls.go runList

async function runLs(cli: DockerCli, flags: FlagValues): Promise<void> {
  const configs = await cli.client.get<Config[]>('/configs', { filters: filtersQuery(flags) });
  const quiet = flags.bool('quiet');
  const format = flags.string('format') || TABLE_FORMAT_KEY;
  configs.sort((a, b) => naturalCompare(a.Spec.Name ?? '', b.Spec.Name ?? ''));
  const now = cli.now();
  writeFormatted(
    cli.out,
    configFormat(format, quiet),
    CONFIG_HEADER,
    configs.map((c) => new ConfigContext(c, now)),
  );
}
