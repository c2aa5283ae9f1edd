/** docker/cli node/cmd.go Reference: `self` is this node, found through `/info`. */
import type { Node } from '../../../api/types/swarm.ts';
import type { InfoResponse } from '../../../api/types/system.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';

export async function nodeReference(cli: DockerCli, ref: string): Promise<string> {
  if (ref !== 'self') return ref;
  const info = await cli.client.get<InfoResponse>('/info');
  if (info.Swarm.NodeID === '') {
    // not a manager: a swarm endpoint gives the more specific error
    await cli.client.get<Node[]>('/nodes');
    throw new CliError('node ID not found in /info');
  }
  return info.Swarm.NodeID;
}
