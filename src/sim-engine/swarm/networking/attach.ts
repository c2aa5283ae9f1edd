/**
 * A standalone container on an attachable overlay (`docker run --network att`, `docker
 * network connect att c`): moby's daemon asks the cluster (Cluster.AttachNetwork), the
 * manager allocates the container an address on the network, and the node makes its
 * instance of the network if it has none. The container's IPAMConfig then carries the
 * address, as on Docker.
 */
import type { EndpointSettings } from '../../api/types/container.ts';
import type { Container } from '../../daemon/container.ts';
import type { Daemon } from '../../daemon/daemon.ts';
import type { NetworkRecord } from '../../daemon/networks/record.ts';
import { forbidden } from '../../errdefs.ts';
import type { Cluster } from '../cluster.ts';
import { getClusterNetwork } from './control.ts';
import { ensureLocalNetwork } from './local.ts';
import { nodeAttachment } from './node-attachments.ts';

export function attachContainer(
  cluster: Cluster,
  nodeId: string,
  d: Daemon,
  c: Container,
  term: string,
  settings: EndpointSettings,
): NetworkRecord | undefined {
  let n;
  try {
    n = getClusterNetwork(cluster, term);
  } catch {
    return undefined;
  }
  // moby's daemon sends the network as it knows it (the term typed, or the name of its
  // local instance) as the attachment's target; SwarmKit's resourceapi names that target
  if (!n.Spec.Attachable)
    throw forbidden(
      `Could not attach to network ${term}: rpc error: code = PermissionDenied desc = network ${term} not manually attachable`,
    );
  const record = ensureLocalNetwork(cluster, nodeId, d, n);
  // the attachment's address, one per container (a network attachment task in SwarmKit)
  const addr = nodeAttachment(cluster, `${nodeId}/${c.id}`, n.ID);
  if (addr) settings.IPAMConfig = { ...(settings.IPAMConfig ?? {}), IPv4Address: addr.split('/')[0]! };
  return record;
}
