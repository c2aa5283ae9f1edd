/**
 * A network as the daemon keeps it (libnetwork's Network), and the endpoints of the
 * running containers attached to it. A container that is only created, or stopped,
 * has no endpoint: its attachment is its NetworkSettings entry (Container.networks),
 * and it gets an endpoint — an address, a MAC, DNS names — each time it starts.
 */
import type { IPAMConfig, PeerInfo } from '../../api/types/network.ts';
import type { Subnet } from '../../network/ipv4.ts';
import type { Random } from '../../random.ts';
import type { Instant } from '../instant.ts';

export interface EndpointRecord {
  containerId: string;
  /** the endpoint's name: its container's name without the slash */
  name: string;
  endpointId: string;
  macAddress: string;
  /** IPv4 address; '' on networks without addresses (host, none) */
  ip: string;
  prefixLen: number;
  /**
   * the other names the embedded DNS answers for it, besides `name`: aliases, short
   * ID, hostname (user-defined networks only; a rename changes `name` alone)
   */
  dnsNames: string[];
  /** legacy links on a user-defined network: alias → linked container's name */
  links: Map<string, string>;
}

/** One IPv4 address pool of a network (libnetwork's IpamInfo). */
export interface Pool {
  subnet: Subnet;
  /** --ip-range: where automatic addresses come from */
  range?: Subnet;
  /** the gateway's address; undefined when the driver needs none (macvlan without one, null) */
  gateway?: string;
  /** addresses in use, as ints (gateway and auxiliary addresses included) */
  allocated: Set<number>;
}

export interface NetworkRecord {
  id: string;
  name: string;
  /** `bridge`, `host`, `null`, `overlay`, `macvlan`, `ipvlan` */
  driver: string;
  scope: 'local' | 'swarm' | 'global';
  created: Instant;
  enableIPv4: boolean;
  enableIPv6: boolean;
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  configOnly: boolean;
  /** the config-only network this one took its configuration from */
  configFrom: string;
  ipamDriver: string;
  ipamOptions: Record<string, string> | null;
  /** the IPAM configuration the user gave (IPAM.Config shows it as given) */
  ipamConfig: IPAMConfig[];
  /** the pools actually allocated (IPAM.Config shows these when the user gave none) */
  pools: Pool[];
  /** driver options; libnetwork always answers with a map, empty or not */
  options: Record<string, string>;
  labels: Record<string, string>;
  /** the default bridge (docker0): no embedded DNS, legacy links */
  isDefaultBridge: boolean;
  /** created by the swarm for this node (agent networks), removed by it */
  dynamic: boolean;
  /** endpoints of running containers, by container id */
  endpoints: Map<string, EndpointRecord>;
  /**
   * the generator of endpoint IDs and MACs on a network the swarm made on this node,
   * kept apart from the daemon's so that swarm networking shifts no other ID
   */
  random?: Random;
  /** the nodes that joined this overlay (networkdb's peers), for inspect's Peers */
  peers?: () => PeerInfo[];
}

/** The predefined networks, which cannot be created, removed or pruned (network.IsPredefined). */
export const PREDEFINED = new Set(['bridge', 'host', 'none', 'default']);

export function isPredefined(name: string): boolean {
  return PREDEFINED.has(name);
}

/**
 * container.NetworkMode(name).IsUserDefined: not the default bridge, host, none or
 * another container's namespace.
 */
export function isUserDefinedName(name: string): boolean {
  return !PREDEFINED.has(name) && !name.startsWith('container:');
}
