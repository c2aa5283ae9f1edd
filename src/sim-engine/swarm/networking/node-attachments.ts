/**
 * Each node's load-balancer address on the networks it has joined (SwarmKit's
 * Node.Attachments, allocated by the allocator's allocateNode for ingress and for
 * the overlays of the node's tasks).
 *
 * Differs from SwarmKit: the node asks for its address when it makes its local
 * instance of a network, rather than the leader's allocator handing it out when it
 * sees the node's tasks; the address is the same one (the lowest free).
 */
import type { Cluster } from '../cluster.ts';
import { AddressPool, usedAddresses } from './ipam.ts';
import { NETWORK, NODE_ATTACHMENT, type NodeAttachment, type SwarmNetwork } from './types.ts';
import { networkingNow } from './control.ts';

/** The node's address on the network (CIDR), allocated if it has none. */
export function nodeAttachment(cluster: Cluster, nodeId: string, networkId: string): string | undefined {
  const id = `${nodeId}/${networkId}`;
  const have = cluster.store.get<NodeAttachment>(NODE_ATTACHMENT, id);
  if (have) return have.Addr;
  const now = networkingNow(cluster);
  return cluster.store.update((tx) => {
    const network = tx.get<SwarmNetwork>(NETWORK, networkId);
    if (!network) return undefined;
    const addr = new AddressPool(network, usedAddresses(tx, networkId)).next();
    if (!addr) return undefined;
    tx.create<NodeAttachment>(NODE_ATTACHMENT, {
      ID: id,
      CreatedAt: now,
      UpdatedAt: now,
      NodeID: nodeId,
      NetworkID: networkId,
      Addr: addr,
    });
    return addr;
  });
}

export function releaseNodeAttachment(cluster: Cluster, nodeId: string, networkId: string): void {
  const id = `${nodeId}/${networkId}`;
  if (!cluster.store.get(NODE_ATTACHMENT, id)) return;
  cluster.store.update((tx) => tx.delete(NODE_ATTACHMENT, id));
}

/** A node left or was removed: its addresses go back. */
export function releaseNodeAttachments(cluster: Cluster, nodeId: string): void {
  const mine = cluster.store.find<NodeAttachment>(NODE_ATTACHMENT, (a) => a.NodeID === nodeId);
  if (mine.length === 0) return;
  cluster.store.update((tx) => {
    for (const a of mine) tx.delete(NODE_ATTACHMENT, a.ID);
  });
}
