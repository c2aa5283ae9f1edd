/**
 * `docker image rm`, `docker rmi` — docker/cli cli/command/image/remove.go (v28.5.2).
 */

import { ApiClientError } from '../../../api/client.ts';
import type { DeleteResponse } from '../../../api/types/image.ts';
import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { StatusError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import { imagePath } from './image-ref.ts';

export const rmiCommand: CommandSpec = {
  use: 'rmi [OPTIONS] IMAGE [IMAGE...]',
  short: 'Remove one or more images',
  args: requiresMinArgs(1),
  annotations: { aliases: 'docker image rm, docker image remove, docker rmi' },
  flags: [
    { name: 'force', shorthand: 'f', type: 'bool', usage: 'Force removal of the image' },
    { name: 'no-prune', type: 'bool', usage: 'Do not delete untagged parents' },
    {
      name: 'platform',
      type: 'stringSlice',
      usage:
        'Remove only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")',
      annotations: { version: ['1.50'] },
    },
  ],
  run: runRmi,
};

export const removeCommand: CommandSpec = {
  ...rmiCommand,
  use: 'rm [OPTIONS] IMAGE [IMAGE...]',
  aliases: ['rmi', 'remove'],
};

// ---------------------------------------------------------------------------
// docker/cli image/remove.go runRemove

async function runRmi(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  const force = flags.bool('force');
  // Differs from Docker: images are single-platform here, so --platform selects nothing.
  const errors: string[] = [];
  let fatal = false;
  for (const image of args) {
    try {
      const dels = await cli.client.delete<DeleteResponse[]>(`/images/${imagePath(image)}`, {
        force: force || undefined,
        noprune: flags.bool('no-prune') || undefined,
      });
      for (const d of dels ?? []) {
        cli.out.write(d.Deleted ? `Deleted: ${d.Deleted}\n` : `Untagged: ${d.Untagged ?? ''}\n`);
      }
    } catch (err) {
      if (!(err instanceof ApiClientError && err.isNotFound)) fatal = true;
      errors.push(err instanceof Error ? err.message : String(err));
    }
  }
  if (errors.length === 0) return;
  // not-found errors alone do not fail a forced removal: they are only reported
  if (!force || fatal) throw new StatusError(errors.join('\n'), 1);
  cli.err.write(errors.join('\n') + '\n');
}
