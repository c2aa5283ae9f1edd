/**
 * `docker secret create` — docker/cli cli/command/secret/create.go (v28.5.2).
 */

import { base64Encode } from '../../../api/registry-auth.ts';
import type { IDResponse, SecretSpec } from '../../../api/types/secret.ts';
import { type CommandSpec, requiresRangeArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import { kvStringsToMap } from '../volume/map-opts.ts';
import { validateLabel } from '../opts/opts.ts';
import { readData } from './read-data.ts';

export const secretCreateCommand: CommandSpec = {
  use: 'create [OPTIONS] SECRET [file|-]',
  short: 'Create a secret from a file or STDIN as content',
  args: requiresRangeArgs(1, 2),
  flags: [
    {
      name: 'driver',
      shorthand: 'd',
      type: 'string',
      usage: 'Secret driver',
      annotations: { version: ['1.31'] },
    },
    { name: 'label', shorthand: 'l', type: 'list', usage: 'Secret labels', parse: validateLabel },
    { name: 'template-driver', type: 'string', usage: 'Template driver', annotations: { version: ['1.37'] } },
  ],
  run: runCreate,
};

// ---------------------------------------------------------------------------
// docker/cli secret/create.go runSecretCreate

async function runCreate(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  const [name, file = ''] = args as [string, string?];
  const driver = flags.string('driver');
  let data = '';
  if (driver !== '') {
    if (file !== '') throw new CliError('When using secret driver secret data must be empty');
  } else data = await readData(cli, file, 'secret');
  const spec: SecretSpec = {
    Name: name,
    Labels: kvStringsToMap(flags.list('label')),
  };
  // Data is a []byte with omitempty: base64, left out when there is none
  if (data !== '') spec.Data = base64Encode(data);
  if (driver !== '') spec.Driver = { Name: driver };
  const templateDriver = flags.string('template-driver');
  if (templateDriver !== '') spec.Templating = { Name: templateDriver };
  const r = await cli.client.post<IDResponse>('/secrets/create', undefined, spec);
  cli.out.write(r.ID + '\n');
}
