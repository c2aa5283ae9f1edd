/**
 * `docker service rm` — docker/cli cli/command/service/remove.go (v28.5.2).
 */

import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';

export const removeCommand: CommandSpec = {
  use: 'rm SERVICE [SERVICE...]',
  aliases: ['remove'],
  short: 'Remove one or more services',
  args: requiresMinArgs(1),
  run: runRm,
};

// ---------------------------------------------------------------------------
// docker/cli service/remove.go runRemove: each argument as given, errors joined

async function runRm(cli: DockerCli, _flags: FlagValues, ids: string[]): Promise<void> {
  const errs: string[] = [];
  for (const id of ids) {
    try {
      await cli.client.delete(`/services/${encodeURIComponent(id)}`);
    } catch (err) {
      errs.push(err instanceof Error ? err.message : String(err));
      continue;
    }
    cli.out.write(id + '\n');
  }
  if (errs.length) throw new CliError(errs.join('\n'));
}
