/**
 * `docker config rm` — docker/cli cli/command/config/remove.go (v28.5.2).
 */

import { objectPath } from '../../../api/client.ts';
import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { removeObjects } from '../secret/remove-objects.ts';

export const configRemoveCommand: CommandSpec = {
  use: 'rm CONFIG [CONFIG...]',
  aliases: ['remove'],
  short: 'Remove one or more configs',
  args: requiresMinArgs(1),
  run: runRm,
};

// ---------------------------------------------------------------------------
// docker/cli config/remove.go runRemove

async function runRm(cli: DockerCli, _flags: FlagValues, args: string[]): Promise<void> {
  await removeObjects(cli, args, (name) => objectPath('config', name));
}
