/**
 * `docker container restart`, `docker restart` — docker/cli cli/command/container/restart.go (v28.5.2).
 */

import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { eachContainer } from './parallel.ts';
import { objectPath } from '../../../api/client.ts';

export const restartCommand: CommandSpec = {
  use: 'restart [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Restart one or more containers',
  args: requiresMinArgs(1),
  annotations: { aliases: 'docker container restart, docker restart' },
  flags: [
    { name: 'signal', shorthand: 's', type: 'string', usage: 'Signal to send to the container' },
    {
      name: 'time',
      type: 'int',
      usage: 'Seconds to wait before killing the container (deprecated: use --timeout)',
      hidden: true,
      deprecated: 'use --timeout instead',
    },
    { name: 'timeout', shorthand: 't', type: 'int', usage: 'Seconds to wait before killing the container' },
  ],
  run: runRestart,
};

// ---------------------------------------------------------------------------
// docker/cli container/restart.go

async function runRestart(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  const timeoutSet = flags.has('timeout') || flags.has('time');
  const timeout = flags.has('timeout') ? flags.number('timeout') : flags.number('time');
  await eachContainer(cli, args, (name) =>
    cli.client.request('POST', objectPath('container', name, '/restart'), {
      query: { signal: flags.string('signal') || undefined, t: timeoutSet ? timeout : undefined },
    }),
  );
}
