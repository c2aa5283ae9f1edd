/**
 * `docker node demote` — docker/cli cli/command/node/demote.go (v28.5.2).
 */

import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { NO_ROLE_CHANGE, updateNodes } from './update-nodes.ts';

export const demoteCommand: CommandSpec = {
  use: 'demote NODE [NODE...]',
  short: 'Demote one or more nodes from manager in the swarm',
  args: requiresMinArgs(1),
  run: runDemote,
};

// ---------------------------------------------------------------------------
// docker/cli node/demote.go runDemote

async function runDemote(cli: DockerCli, _flags: FlagValues, args: string[]): Promise<void> {
  await updateNodes(
    cli,
    args,
    (node) => {
      if (node.Spec.Role === 'worker') {
        cli.out.write(`Node ${node.ID} is already a worker.\n`);
        return NO_ROLE_CHANGE;
      }
      node.Spec.Role = 'worker';
      return undefined;
    },
    (nodeId) => cli.out.write(`Manager ${nodeId} demoted in the swarm.\n`),
  );
}
