/**
 * `docker container pause`, `docker pause` — docker/cli cli/command/container/pause.go (v28.5.2).
 */

import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { eachContainer } from './parallel.ts';
import { objectPath } from '../../../api/client.ts';

export const pauseCommand: CommandSpec = {
  use: 'pause CONTAINER [CONTAINER...]',
  short: 'Pause all processes within one or more containers',
  args: requiresMinArgs(1),
  annotations: { aliases: 'docker container pause, docker pause' },
  run: runPause,
};

// ---------------------------------------------------------------------------
// docker/cli container/pause.go

async function runPause(cli: DockerCli, _flags: FlagValues, args: string[]): Promise<void> {
  await eachContainer(cli, args, (name) =>
    cli.client.request('POST', objectPath('container', name, '/pause')),
  );
}
