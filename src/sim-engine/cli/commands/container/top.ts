/**
 * `docker container top`, `docker top` — docker/cli cli/command/container/top.go (v28.5.2).
 */

import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import type { TopResponse } from '../../../api/types/container.ts';
import { TabWriter } from '../../../golang/tabwriter.ts';
import { objectPath } from '../../../api/client.ts';

export const topCommand: CommandSpec = {
  use: 'top CONTAINER [ps OPTIONS]',
  short: 'Display the running processes of a container',
  args: requiresMinArgs(1),
  interspersed: false,
  annotations: { aliases: 'docker container top, docker top' },
  run: runTop,
};

// ---------------------------------------------------------------------------
// docker/cli container/top.go

async function runTop(cli: DockerCli, _flags: FlagValues, args: string[]): Promise<void> {
  const [name, ...psArgs] = args;
  const list = await cli.client.get<TopResponse>(objectPath('container', name!, '/top'), {
    ps_args: psArgs.length > 0 ? psArgs.join(' ') : undefined,
  });
  const tw = new TabWriter(20, 1, 3, ' ', 0);
  tw.write(list.Titles.join('\t') + '\n');
  for (const p of list.Processes) tw.write(p.join('\t') + '\n');
  cli.out.write(tw.flush());
}
