/**
 * `docker secret ls` — docker/cli cli/command/secret/ls.go (v28.5.2).
 */

import type { Secret } from '../../../api/types/secret.ts';
import { naturalCompare } from '../../../golang/natural-sort.ts';
import { type CommandSpec, noArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { TABLE_FORMAT_KEY, writeFormatted } from '../../formatter/formatter.ts';
import { filtersQuery } from '../filters.ts';
import { filterOpt } from '../opts/opts.ts';
import { SECRET_HEADER, SecretContext, secretFormat } from './formatter.ts';
import { FORMAT_HELP } from '../opts/flags-helper.ts';

export const secretListCommand: CommandSpec = {
  use: 'ls [OPTIONS]',
  aliases: ['list'],
  short: 'List secrets',
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
// docker/cli secret/ls.go runSecretList (the config file's secretFormat is not read:
// the lab has no ~/.docker/config.json formats)

async function runLs(cli: DockerCli, flags: FlagValues): Promise<void> {
  const secrets = await cli.client.get<Secret[]>('/secrets', { filters: filtersQuery(flags) });
  const quiet = flags.bool('quiet');
  const format = flags.string('format') || TABLE_FORMAT_KEY;
  secrets.sort((a, b) => naturalCompare(a.Spec.Name ?? '', b.Spec.Name ?? ''));
  const now = cli.now();
  writeFormatted(
    cli.out,
    secretFormat(format, quiet),
    SECRET_HEADER,
    secrets.map((s) => new SecretContext(s, now)),
  );
}
