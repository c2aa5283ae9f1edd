/** docker/cli node/update.go updateNodes: inspect each node, merge, update with its version. */
import { objectPath } from '../../../api/client.ts';
import type { Node } from '../../../api/types/swarm.ts';
import type { DockerCli } from '../../docker-cli.ts';

/** errNoRoleChange: promote/demote of a node that already has the role skips it. */
export const NO_ROLE_CHANGE = Symbol('no role change');

export async function updateNodes(
  cli: DockerCli,
  nodes: readonly string[],
  merge: (node: Node) => void | typeof NO_ROLE_CHANGE,
  success: (nodeId: string) => void,
): Promise<void> {
  for (const nodeId of nodes) {
    const node = await cli.client.get<Node>(objectPath('node', nodeId));
    if (merge(node) === NO_ROLE_CHANGE) continue;
    await cli.client.post(objectPath('node', node.ID, '/update'), { version: node.Version.Index }, node.Spec);
    success(nodeId);
  }
}
