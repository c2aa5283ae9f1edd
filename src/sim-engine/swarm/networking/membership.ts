/**
 * What joining and leaving a swarm does to a node's networks. A new swarm gets its
 * `ingress` network (swarmkit manager.go: made with the cluster, 10.0.0.0/24, before
 * any service) and the predefined `bridge` and `host` networks services may name.
 * Every node that joins tells its network controller it is a swarm node (managers
 * create overlays in the cluster: the ManagerRedirect path of `POST /networks/create`),
 * gets its address on ingress and sets up its ingress sandbox, which makes
 * docker_gwbridge (moby SetupIngress, libnetwork createGWNetwork). Leaving removes
 * the swarm's networks from the node; docker_gwbridge stays, as on Docker.
 */
import type { Daemon } from '../../daemon/daemon.ts';
import { unavailable } from '../../errdefs.ts';
import { membershipOf, type Cluster } from '../cluster.ts';
import { LOST_QUORUM } from '../manager/errors.ts';
import { activeManagerCluster, createClusterNetwork, createNetworkObject } from './control.ts';
import { dropAllLocal, ensureLocalNetwork } from './local.ts';
import { attachContainer } from './attach.ts';
import { releaseNodeAttachments } from './node-attachments.ts';
import { resolveOnOverlay } from './vips.ts';
import { INGRESS_SUBNET, isIngress, NETWORK, PREDEFINED_LABEL, type SwarmNetwork } from './types.ts';

/** swarm init: the cluster's first networks, then the node joins them. */
export function swarmNetworksInit(cluster: Cluster, d: Daemon, nodeId: string): void {
  // manager.go newIngressNetwork
  createNetworkObject(cluster, {
    Name: 'ingress',
    DriverConfiguration: {},
    Ingress: true,
    IPAMOptions: { Driver: {}, Configs: [{ Subnet: INGRESS_SUBNET }] },
  });
  // newPredefinedNetwork for allocator.PredefinedNetworks()
  for (const [name, driver] of [
    ['bridge', 'bridge'],
    ['host', 'host'],
  ] as const) {
    createNetworkObject(cluster, {
      Name: name,
      Labels: { [PREDEFINED_LABEL]: 'true' },
      DriverConfiguration: { Name: driver },
    });
  }
  nodeJoinedNetworks(cluster, d, nodeId);
}

/** A node is a member now (init or join): its role for network creates, ingress, gwbridge. */
export function nodeJoinedNetworks(cluster: Cluster, d: Daemon, nodeId: string): void {
  d.networks.swarm = {
    isSwarmNode: () => membershipOf(d) !== undefined,
    isManager: () => {
      const m = membershipOf(d);
      return m !== undefined && m.cluster.raft.has(m.nodeId);
    },
  };
  d.networks.clusterCreate = (req) => {
    const active = activeManagerCluster(d);
    if (!active) throw unavailable(LOST_QUORUM);
    return createClusterNetwork(active, req);
  };
  d.networks.overlayResolve = (networkId, host) => resolveOnOverlay(cluster, networkId, host);
  d.networks.attachSwarm = (c, term, settings) => attachContainer(cluster, nodeId, d, c, term, settings);
  const ingress = cluster.store.find<SwarmNetwork>(NETWORK, isIngress)[0];
  if (ingress) ensureLocalNetwork(cluster, nodeId, d, ingress);
}

/** The node left the swarm (or was removed from it): its swarm networks go. */
export function nodeLeftNetworks(cluster: Cluster, d: Daemon | undefined, nodeId: string): void {
  releaseNodeAttachments(cluster, nodeId);
  if (!d) return;
  dropAllLocal(d);
  d.networks.swarm = { isSwarmNode: () => false, isManager: () => false };
  d.networks.clusterCreate = undefined;
  d.networks.overlayResolve = undefined;
  d.networks.attachSwarm = undefined;
}
