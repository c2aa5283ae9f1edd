/**
 * `docker swarm join-token` — docker/cli cli/command/swarm/join_token.go (v28.5.2).
 */

import { type CommandSpec, exactArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import type { Node, Swarm } from '../../../api/types/swarm.ts';
import type { InfoResponse } from '../../../api/types/system.ts';
import { objectPath } from '../../../api/client.ts';

export const joinTokenCommand: CommandSpec = {
  use: 'join-token [OPTIONS] (worker|manager)',
  short: 'Manage join tokens',
  args: exactArgs(1),
  annotations: { swarm: 'manager', version: '1.24' },
  flags: [
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only display token' },
    { name: 'rotate', type: 'bool', usage: 'Rotate join token' },
  ],
  run: runJoinToken,
};

// ---------------------------------------------------------------------------
// docker/cli swarm/join_token.go runJoinToken

async function runJoinToken(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  const role = args[0]!;
  const worker = role === 'worker';
  const manager = role === 'manager';
  if (!worker && !manager) throw new CliError(`unknown role ${role}`);
  const quiet = flags.bool('quiet');
  if (flags.bool('rotate')) {
    const sw = await cli.client.get<Swarm>('/swarm');
    await cli.client.post(
      '/swarm/update',
      {
        version: sw.Version.Index,
        rotateWorkerToken: worker ? 'true' : 'false',
        rotateManagerToken: manager ? 'true' : 'false',
        rotateManagerUnlockKey: 'false',
      },
      sw.Spec,
    );
    if (!quiet) cli.out.write(`Successfully rotated ${role} join token.\n\n`);
  }
  // a second SwarmInspect: the update changed the tokens
  const sw = await cli.client.get<Swarm>('/swarm');
  if (quiet) {
    cli.out.write(`${worker ? sw.JoinTokens.Worker : sw.JoinTokens.Manager}\n`);
    return;
  }
  const info = await cli.client.get<InfoResponse>('/info');
  await printJoinCommand(cli, info.Swarm.NodeID, worker, manager);
}

/** printJoinCommand: the `docker swarm join` line for each role asked, with this manager's address. */
export async function printJoinCommand(
  cli: DockerCli,
  nodeId: string,
  worker: boolean,
  manager: boolean,
): Promise<void> {
  const node = await cli.client.get<Node>(objectPath('node', nodeId));
  const sw = await cli.client.get<Swarm>('/swarm');
  if (!node.ManagerStatus) return;
  const addr = node.ManagerStatus.Addr;
  if (worker)
    cli.out.write(
      `To add a worker to this swarm, run the following command:\n\n    docker swarm join --token ${sw.JoinTokens.Worker} ${addr}\n\n`,
    );
  if (manager)
    cli.out.write(
      `To add a manager to this swarm, run the following command:\n\n    docker swarm join --token ${sw.JoinTokens.Manager} ${addr}\n\n`,
    );
}
