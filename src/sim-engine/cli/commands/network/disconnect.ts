/**
 * `docker network disconnect` — docker/cli cli/command/network/disconnect.go (v28.5.2).
 */

import { type CommandSpec, exactArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { objectPath } from '../../../api/client.ts';

export const disconnectCommand: CommandSpec = {
  use: 'disconnect [OPTIONS] NETWORK CONTAINER',
  short: 'Disconnect a container from a network',
  args: exactArgs(2),
  flags: [
    {
      name: 'force',
      shorthand: 'f',
      type: 'bool',
      usage: 'Force the container to disconnect from a network',
    },
  ],
  run: runDisconnect,
};

// ---------------------------------------------------------------------------
// docker/cli network/disconnect.go runDisconnect

async function runDisconnect(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  await cli.client.post(objectPath('network', args[0]!, '/disconnect'), undefined, {
    Container: args[1],
    Force: flags.bool('force'),
  });
}
