/**
 * `docker node rm` — docker/cli cli/command/node/remove.go (v28.5.2).
 */

import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import { objectPath } from '../../../api/client.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';

export const removeCommand: CommandSpec = {
  use: 'rm [OPTIONS] NODE [NODE...]',
  aliases: ['remove'],
  short: 'Remove one or more nodes from the swarm',
  args: requiresMinArgs(1),
  flags: [{ name: 'force', shorthand: 'f', type: 'bool', usage: 'Force remove a node from the swarm' }],
  run: runRm,
};

// ---------------------------------------------------------------------------
// docker/cli node/remove.go runRemove

async function runRm(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  const errs: string[] = [];
  for (const id of args) {
    try {
      await cli.client.delete(objectPath('node', id), { force: flags.bool('force') || undefined });
    } catch (err) {
      errs.push((err as Error).message);
      continue;
    }
    cli.out.write(`${id}\n`);
  }
  // errors.Join
  if (errs.length > 0) throw new CliError(errs.join('\n'));
}
