/**
 * `docker node promote` — docker/cli cli/command/node/promote.go (v28.5.2).
 */

import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { NO_ROLE_CHANGE, updateNodes } from './update-nodes.ts';

export const promoteCommand: CommandSpec = {
  use: 'promote NODE [NODE...]',
  short: 'Promote one or more nodes to manager in the swarm',
  args: requiresMinArgs(1),
  run: runPromote,
};

// ---------------------------------------------------------------------------
// docker/cli node/promote.go runPromote

async function runPromote(cli: DockerCli, _flags: FlagValues, args: string[]): Promise<void> {
  await updateNodes(
    cli,
    args,
    (node) => {
      if (node.Spec.Role === 'manager') {
        cli.out.write(`Node ${node.ID} is already a manager.\n`);
        return NO_ROLE_CHANGE;
      }
      node.Spec.Role = 'manager';
      return undefined;
    },
    (nodeId) => cli.out.write(`Node ${nodeId} promoted to a manager in the swarm.\n`),
  );
}
