/**
 * `docker secret rm` — docker/cli cli/command/secret/remove.go (v28.5.2).
 */

import { objectPath } from '../../../api/client.ts';
import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { removeObjects } from './remove-objects.ts';

export const secretRemoveCommand: CommandSpec = {
  use: 'rm SECRET [SECRET...]',
  aliases: ['remove'],
  short: 'Remove one or more secrets',
  args: requiresMinArgs(1),
  run: runRm,
};

// ---------------------------------------------------------------------------
// docker/cli secret/remove.go runRemove

async function runRm(cli: DockerCli, _flags: FlagValues, args: string[]): Promise<void> {
  await removeObjects(cli, args, (name) => objectPath('secret', name));
}
