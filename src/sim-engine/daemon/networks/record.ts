/**
 * A network as the daemon keeps it (libnetwork's Network), and the endpoints of the
 * containers attached to it.
 */
import type { Subnet } from '../../network/ipv4.ts';
import type { Instant } from '../instant.ts';

export interface EndpointRecord {
  containerId: string;
  /** container name without the slash */
  name: string;
  endpointId: string;
  macAddress: string;
  /** IPv4 address; '' until the container runs */
  ip: string;
  aliases: string[];
  /** requested with --ip */
  ipamIPv4?: string;
}

export interface NetworkRecord {
  id: string;
  name: string;
  driver: 'bridge' | 'host' | 'null' | 'overlay' | string;
  scope: 'local' | 'swarm' | 'global';
  created: Instant;
  enableIPv4: boolean;
  enableIPv6: boolean;
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  configOnly: boolean;
  ipamDriver: string;
  ipamOptions: Record<string, string> | null;
  /** the IPv4 subnet and gateway (bridge and overlay); undefined for host/none */
  subnet?: Subnet;
  gateway?: string;
  /** whether the subnet was given by the user (IPAM config lists the gateway only then, or when it is set) */
  userSubnet: boolean;
  options: Record<string, string>;
  labels: Record<string, string>;
  /** the default bridge (docker0): no DNS, legacy links */
  isDefaultBridge: boolean;
  /** endpoints by container id */
  endpoints: Map<string, EndpointRecord>;
  /** addresses in use, as ints */
  allocated: Set<number>;
}
