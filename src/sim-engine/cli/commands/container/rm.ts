/**
 * `docker container rm`, `docker rm` — docker/cli cli/command/container/rm.go (v28.5.2).
 */

import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { ApiClientError, objectPath } from '../../../api/client.ts';
import { eachContainer } from './parallel.ts';

export const rmCommand: CommandSpec = {
  use: 'rm [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Remove one or more containers',
  args: requiresMinArgs(1),
  annotations: { aliases: 'docker container rm, docker container remove, docker rm' },
  flags: [
    {
      name: 'force',
      shorthand: 'f',
      type: 'bool',
      usage: 'Force the removal of a running container (uses SIGKILL)',
    },
    { name: 'link', shorthand: 'l', type: 'bool', usage: 'Remove the specified link' },
    {
      name: 'volumes',
      shorthand: 'v',
      type: 'bool',
      usage: 'Remove anonymous volumes associated with the container',
    },
  ],
  run: runRm,
};

export const removeCommand: CommandSpec = {
  ...rmCommand,
  aliases: ['rm', 'remove'],
};

// ---------------------------------------------------------------------------
// docker/cli container/rm.go

async function runRm(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  const force = flags.bool('force');
  await eachContainer(
    cli,
    args,
    (name) => {
      const id = name.replace(/^\/+|\/+$/g, '');
      if (id === '') throw new Error('container name cannot be empty');
      return cli.client.request('DELETE', objectPath('container', id), {
        query: {
          v: flags.bool('volumes') || undefined,
          link: flags.bool('link') || undefined,
          force: force || undefined,
        },
      });
    },
    (err) => force && err instanceof ApiClientError && err.isNotFound,
  );
}
