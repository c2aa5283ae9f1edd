/**
 * `docker container unpause`, `docker unpause` — docker/cli cli/command/container/unpause.go (v28.5.2).
 */

import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { eachContainer } from './parallel.ts';
import { objectPath } from '../../../api/client.ts';

export const unpauseCommand: CommandSpec = {
  use: 'unpause CONTAINER [CONTAINER...]',
  short: 'Unpause all processes within one or more containers',
  args: requiresMinArgs(1),
  annotations: { aliases: 'docker container unpause, docker unpause' },
  run: runUnpause,
};

// ---------------------------------------------------------------------------
// docker/cli container/unpause.go

async function runUnpause(cli: DockerCli, _flags: FlagValues, args: string[]): Promise<void> {
  await eachContainer(cli, args, (name) =>
    cli.client.request('POST', objectPath('container', name, '/unpause')),
  );
}
