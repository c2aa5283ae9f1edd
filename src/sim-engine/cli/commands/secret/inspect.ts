/**
 * `docker secret inspect` — docker/cli cli/command/secret/inspect.go (v28.5.2).
 */

import { objectPath } from '../../../api/client.ts';
import type { Secret } from '../../../api/types/secret.ts';
import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { SECRET_PRETTY, SecretInspectContext } from './formatter.ts';
import { inspectObjects } from './inspect-objects.ts';
import { INSPECT_FORMAT_HELP } from '../opts/flags-helper.ts';

export const secretInspectCommand: CommandSpec = {
  use: 'inspect [OPTIONS] SECRET [SECRET...]',
  short: 'Display detailed information on one or more secrets',
  args: requiresMinArgs(1),
  flags: [
    {
      name: 'format',
      shorthand: 'f',
      type: 'string',
      usage: INSPECT_FORMAT_HELP,
    },
    { name: 'pretty', type: 'bool', usage: 'Print the information in a human friendly format' },
  ],
  run: runInspect,
};

// ---------------------------------------------------------------------------
// docker/cli secret/inspect.go runSecretInspect and formatter.go inspectFormatWrite

async function runInspect(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  await inspectObjects(cli, flags, args, {
    fetch: (ref) => cli.client.get<Secret>(objectPath('secret', ref)),
    type: 'swarm.Secret',
    pretty: SECRET_PRETTY,
    prettyContext: (s) => new SecretInspectContext(s),
  });
}
