/**
 * `docker container rename`, `docker rename` — docker/cli cli/command/container/rename.go (v28.5.2).
 */

import { type CommandSpec, exactArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { StatusError } from '../../errors.ts';
import { objectPath } from '../../../api/client.ts';

export const renameCommand: CommandSpec = {
  use: 'rename CONTAINER NEW_NAME',
  short: 'Rename a container',
  args: exactArgs(2),
  annotations: { aliases: 'docker container rename, docker rename' },
  run: runRename,
};

// ---------------------------------------------------------------------------
// docker/cli container/rename.go

async function runRename(cli: DockerCli, _flags: FlagValues, args: string[]): Promise<void> {
  const oldName = args[0]!.trim();
  const newName = args[1]!.trim();
  if (oldName === '' || newName === '')
    throw new StatusError('Error: Neither old nor new names may be empty', 1);
  try {
    await cli.client.request('POST', objectPath('container', oldName, '/rename'), {
      query: { name: newName },
    });
  } catch (err) {
    cli.err.write((err as Error).message + '\n');
    throw new StatusError(`Error: failed to rename container named ${oldName}`, 1);
  }
}
