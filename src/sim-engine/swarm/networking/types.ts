/**
 * Swarm networks in the Engine API's shapes (moby api/types/swarm/network.go), as the
 * cluster store keeps them (kind `network`), and the simulation's own record of the
 * per-node load-balancer addresses SwarmKit keeps in Node.Attachments (kind
 * `node-attachment`, not shown by any API: moby's swarm.Node has no such field).
 */
import type { Meta } from '../../api/types/service.ts';
import type { Cluster } from '../cluster.ts';
import { Random } from '../../random.ts';

export const NETWORK = 'network';
export const NODE_ATTACHMENT = 'node-attachment';

/** swarmkit networkallocator.PredefinedLabel */
export const PREDEFINED_LABEL = 'com.docker.swarm.predefined';
/** libnetwork/drivers/overlay: the option that carries the VXLAN IDs */
export const VXLANID_LIST = 'com.docker.network.driver.overlay.vxlanid_list';
/** libnetwork's overlay driver hands out VNIs from 4096 (ingress is the first) */
export const VXLAN_ID_START = 4096;
/** swarmkit manager.go newIngressNetwork */
export const INGRESS_SUBNET = '10.0.0.0/24';

export interface SwarmDriver {
  Name?: string;
  Options?: Record<string, string>;
}

export interface SwarmIPAMConfig {
  Subnet?: string;
  Range?: string;
  Gateway?: string;
}

export interface SwarmIPAMOptions {
  Driver: SwarmDriver;
  Configs?: SwarmIPAMConfig[];
}

export interface SwarmNetworkSpec {
  Name?: string;
  Labels?: Record<string, string>;
  DriverConfiguration?: SwarmDriver;
  IPv6Enabled?: boolean;
  Internal?: boolean;
  Attachable?: boolean;
  Ingress?: boolean;
  IPAMOptions?: SwarmIPAMOptions;
  ConfigFrom?: { Network: string };
  Scope?: string;
}

/** swarm.Network */
export interface SwarmNetwork extends Meta {
  ID: string;
  Spec: SwarmNetworkSpec;
  /** set once the allocator has given it a VNI */
  DriverState?: SwarmDriver;
  /** the allocated pools */
  IPAMOptions?: SwarmIPAMOptions;
}

/** swarm.NetworkAttachment, as Task.NetworksAttachments lists them */
export interface NetworkAttachment {
  Network: SwarmNetwork;
  /** CIDR addresses, `10.0.1.3/24` */
  Addresses?: string[];
  /** the aliases the service gave on this network (spec `--network name=x,alias=y`) */
  Aliases?: string[];
}

/** A node's load-balancer address on a network (SwarmKit Node.Attachments). */
export interface NodeAttachment extends Meta {
  /** `<nodeID>/<networkID>` */
  ID: string;
  NodeID: string;
  NetworkID: string;
  /** CIDR */
  Addr: string;
}

export function isIngress(n: Pick<SwarmNetwork, 'Spec'>): boolean {
  return n.Spec.Ingress === true;
}

export function isOverlay(n: SwarmNetwork): boolean {
  return (n.DriverState?.Name ?? n.Spec.DriverConfiguration?.Name) === 'overlay';
}

const randoms = new WeakMap<Cluster, Random>();

/**
 * The networking's own seeded generator for a swarm: network IDs, timestamps'
 * nanoseconds. Kept apart from the cluster's so that adding networks to a lab does
 * not shift every service and task ID the other components draw.
 */
export function networkingRandom(cluster: Cluster): Random {
  let r = randoms.get(cluster);
  if (!r) randoms.set(cluster, (r = new Random(`networking:${cluster.id}`)));
  return r;
}
