/**
 * `docker container wait`, `docker wait` — docker/cli cli/command/container/wait.go (v28.5.2).
 */

import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { StatusError } from '../../errors.ts';
import { objectPath } from '../../../api/client.ts';

export const waitCommand: CommandSpec = {
  use: 'wait CONTAINER [CONTAINER...]',
  short: 'Block until one or more containers stop, then print their exit codes',
  args: requiresMinArgs(1),
  annotations: { aliases: 'docker container wait, docker wait' },
  run: runWait,
};

// ---------------------------------------------------------------------------
// docker/cli container/wait.go

async function runWait(cli: DockerCli, _flags: FlagValues, args: string[]): Promise<void> {
  const errors: string[] = [];
  for (const name of args) {
    try {
      const res = await cli.client.post<{ StatusCode: number }>(objectPath('container', name, '/wait'), {});
      cli.out.write(`${res.StatusCode}\n`);
    } catch (err) {
      errors.push((err as Error).message);
    }
  }
  if (errors.length > 0) throw new StatusError(errors.join('\n'), 1);
}
