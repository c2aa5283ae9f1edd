/**
 * `docker config create` — docker/cli cli/command/config/create.go (v28.5.2).
 */

import { base64Encode } from '../../../api/registry-auth.ts';
import type { ConfigSpec, IDResponse } from '../../../api/types/secret.ts';
import { quote as goQuote } from '../../../golang/strconv-quote.ts';
import { type CommandSpec, exactArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import { validateLabel } from '../opts/opts.ts';
import { readData } from '../secret/read-data.ts';
import { kvStringsToMap } from '../volume/map-opts.ts';

export const configCreateCommand: CommandSpec = {
  use: 'create [OPTIONS] CONFIG file|-',
  short: 'Create a config from a file or STDIN',
  args: exactArgs(2),
  flags: [
    { name: 'label', shorthand: 'l', type: 'list', usage: 'Config labels', parse: validateLabel },
    { name: 'template-driver', type: 'string', usage: 'Template driver', annotations: { version: ['1.37'] } },
  ],
  run: runCreate,
};

// ---------------------------------------------------------------------------
// docker/cli config/create.go runCreate

async function runCreate(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  const [name, file] = args as [string, string];
  let data: string;
  try {
    data = await readData(cli, file, 'config');
  } catch (err) {
    throw new CliError(`Error reading content from ${goQuote(file)}: ${(err as Error).message}`);
  }
  const spec: ConfigSpec = {
    Name: name,
    Labels: kvStringsToMap(flags.list('label')),
    Data: base64Encode(data),
  };
  const templateDriver = flags.string('template-driver');
  if (templateDriver !== '') spec.Templating = { Name: templateDriver };
  const r = await cli.client.post<IDResponse>('/configs/create', undefined, spec);
  cli.out.write(r.ID + '\n');
}
