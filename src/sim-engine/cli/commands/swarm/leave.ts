/**
 * `docker swarm leave` — docker/cli cli/command/swarm/leave.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';

export const leaveCommand: CommandSpec = {
  use: 'leave [OPTIONS]',
  short: 'Leave the swarm',
  args: noArgs,
  annotations: { swarm: 'active', version: '1.24' },
  flags: [
    {
      name: 'force',
      shorthand: 'f',
      type: 'bool',
      usage: 'Force this node to leave the swarm, ignoring warnings',
    },
  ],
  run: runLeave,
};

// ---------------------------------------------------------------------------
// docker/cli swarm/leave.go runLeave

async function runLeave(cli: DockerCli, flags: FlagValues): Promise<void> {
  await cli.client.post('/swarm/leave', { force: flags.bool('force') || undefined });
  cli.out.write('Node left the swarm.\n');
}
