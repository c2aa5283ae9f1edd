/**
 * `docker volume rm` — docker/cli cli/command/volume/remove.go (v28.5.2).
 */

import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { StatusError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import { objectPath } from '../../../api/client.ts';

export const removeCommand: CommandSpec = {
  use: 'rm [OPTIONS] VOLUME [VOLUME...]',
  aliases: ['remove'],
  short: 'Remove one or more volumes',
  long: 'Remove one or more volumes. You cannot remove a volume that is in use by a container.',
  args: requiresMinArgs(1),
  flags: [
    {
      name: 'force',
      shorthand: 'f',
      type: 'bool',
      usage: 'Force the removal of one or more volumes',
      annotations: { version: ['1.25'] },
    },
  ],
  run: runRm,
};

// ---------------------------------------------------------------------------
// docker/cli volume/remove.go runRemove

async function runRm(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  const errs: string[] = [];
  for (const name of args) {
    try {
      await cli.client.delete(objectPath('volume', name), {
        force: flags.bool('force') || undefined,
      });
    } catch (err) {
      errs.push(err instanceof Error ? err.message : String(err));
      continue;
    }
    cli.out.write(name + '\n');
  }
  // errors.Join: one per line, status 1
  if (errs.length > 0) throw new StatusError(errs.join('\n'), 1);
}
