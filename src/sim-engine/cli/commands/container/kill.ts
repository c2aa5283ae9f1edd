/**
 * `docker container kill`, `docker kill` — docker/cli cli/command/container/kill.go (v28.5.2).
 */

import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { eachContainer } from './parallel.ts';
import { objectPath } from '../../../api/client.ts';

export const killCommand: CommandSpec = {
  use: 'kill [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Kill one or more running containers',
  args: requiresMinArgs(1),
  annotations: { aliases: 'docker container kill, docker kill' },
  flags: [{ name: 'signal', shorthand: 's', type: 'string', usage: 'Signal to send to the container' }],
  run: runKill,
};

// ---------------------------------------------------------------------------
// docker/cli container/kill.go

async function runKill(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  await eachContainer(cli, args, (name) =>
    cli.client.request('POST', objectPath('container', name, '/kill'), {
      query: { signal: flags.string('signal') || undefined },
    }),
  );
}
