/**
 * `docker config inspect` — docker/cli cli/command/config/inspect.go (v28.5.2).
 */

import { objectPath } from '../../../api/client.ts';
import type { Config } from '../../../api/types/secret.ts';
import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { inspectObjects } from '../secret/inspect-objects.ts';
import { CONFIG_PRETTY, ConfigInspectContext } from './formatter.ts';
import { INSPECT_FORMAT_HELP } from '../opts/flags-helper.ts';

export const configInspectCommand: CommandSpec = {
  use: 'inspect [OPTIONS] CONFIG [CONFIG...]',
  short: 'Display detailed information on one or more configs',
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
// docker/cli config/inspect.go runInspect and formatter.go inspectFormatWrite

async function runInspect(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  await inspectObjects(cli, flags, args, {
    // the API client's ConfigInspectWithRaw misspells the kind in its empty-ID error
    fetch: (ref) => cli.client.get<Config>(objectPath('config', ref, '', 'contig')),
    type: 'swarm.Config',
    pretty: CONFIG_PRETTY,
    prettyContext: (c) => new ConfigInspectContext(c),
  });
}
