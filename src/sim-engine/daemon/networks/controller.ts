/**
 * The daemon's networks (libnetwork's Controller): the predefined bridge, host and
 * none; the networks users create, with their address pools and the bridge each one
 * puts on the host; the endpoints of running containers; and the embedded DNS of
 * user-defined networks. The operations that change them live beside this file
 * (create.ts, remove.ts, connect.ts, prune.ts), as moby splits daemon/network.go.
 */
import type { EndpointSettings } from '../../api/types/container.ts';
import type { NetworkCreateRequest } from '../../api/types/network.ts';
import type { Container } from '../container.ts';
import { invalidParameter, notFound } from '../../errdefs.ts';
import { formatCidr, ipToInt, parseAddr4, type Subnet } from '../../network/ipv4.ts';
import type { NetNamespace } from '../../network/namespace.ts';
import type { Random } from '../../random.ts';
import type { Instant } from '../instant.ts';
import { AddressSpace, allocateAddress, globalPools, localPools, newPool } from './ipam.ts';
import { type NetworkRecord, type Pool } from './record.ts';

export { PREDEFINED, isPredefined } from './record.ts';

/** Options of the default bridge (daemon_unix.go initBridgeDriver with dockerd's defaults). */
const DEFAULT_BRIDGE_OPTIONS = {
  'com.docker.network.bridge.default_bridge': 'true',
  'com.docker.network.bridge.enable_icc': 'true',
  'com.docker.network.bridge.enable_ip_masquerade': 'true',
  'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
  'com.docker.network.bridge.name': 'docker0',
  'com.docker.network.driver.mtu': '1500',
};

/** What the swarm tells the networks about this node (daemon/cluster). */
export interface SwarmRole {
  /** the node is part of a swarm (manager or worker) */
  isSwarmNode(): boolean;
  isManager(): boolean;
}

export class NetworkController {
  readonly networks = new Map<string, NetworkRecord>();
  /** LocalDefault and GlobalDefault address spaces of the default IPAM */
  readonly local = new AddressSpace(localPools);
  readonly global = new AddressSpace(globalPools);
  readonly random: Random;
  readonly instant: () => Instant;
  readonly hostNs: NetNamespace;
  /** set by the swarm when this node joins one; a lone engine is neither */
  swarm: SwarmRole = { isSwarmNode: () => false, isManager: () => false };
  /**
   * set by the swarm on a manager: creates a swarm-scoped network in the cluster
   * (moby cluster.CreateNetwork) and answers with its ID
   */
  clusterCreate: ((req: NetworkCreateRequest) => string) | undefined;
  /**
   * set by the swarm: the records the embedded DNS of an overlay has from the whole
   * swarm (service names, VIPs, `tasks.<name>`, containers on other nodes)
   */
  overlayResolve: ((networkId: string, host: string) => string | undefined) | undefined;
  /**
   * set by the swarm: attach a container to an attachable swarm network the node has
   * no instance of (makes it, and puts the allocated address in the settings)
   */
  attachSwarm:
    ((c: Container, term: string, settings: EndpointSettings) => NetworkRecord | undefined) | undefined;

  constructor(random: Random, instant: () => Instant, hostNs: NetNamespace) {
    this.random = random;
    this.instant = instant;
    this.hostNs = hostNs;
    this.createPredefined();
  }

  private createPredefined(): void {
    // libnetwork creates none and host first, then the daemon the default bridge
    this.register(this.newRecord('none', 'null', { ipamOptions: null }));
    this.register(this.newRecord('host', 'host', { ipamOptions: null }));
    const bridge = this.newRecord('bridge', 'bridge', {
      options: { ...DEFAULT_BRIDGE_OPTIONS },
      ipamOptions: null,
    });
    bridge.isDefaultBridge = true;
    const subnet = this.local.allocatePredefined(this.reservedNetworks())!;
    bridge.pools = [withGateway(newPool(subnet))];
    // as on a host where docker0 already has its address (getDefaultBridgeIPAMConf):
    // the subnet and gateway are the network's configuration
    bridge.ipamConfig = [{ Subnet: formatCidr(subnet), Gateway: bridge.pools[0]!.gateway! }];
    this.register(bridge);
  }

  /** A record with Docker's defaults, not yet registered or given addresses. */
  newRecord(name: string, driver: string, fields: Partial<NetworkRecord> = {}): NetworkRecord {
    return {
      id: fields.id ?? this.random.hex(64),
      name,
      driver,
      scope: 'local',
      created: fields.created ?? this.instant(),
      enableIPv4: true,
      enableIPv6: false,
      internal: false,
      attachable: false,
      ingress: false,
      configOnly: false,
      configFrom: '',
      ipamDriver: 'default',
      ipamOptions: {},
      ipamConfig: [],
      pools: [],
      options: {},
      labels: {},
      isDefaultBridge: false,
      dynamic: false,
      endpoints: new Map(),
      ...fields,
    };
  }

  /** Add a network whose pools are allocated; a bridge gets its gateway on the host. */
  register(network: NetworkRecord): void {
    this.networks.set(network.id, network);
    if (network.driver === 'bridge') {
      for (const pool of network.pools) {
        if (pool.gateway) this.hostNs.addInterface({ ip: pool.gateway, segment: network.id });
      }
    }
  }

  /** Forget a network: its pools go back to the address space, its bridge away. */
  unregister(network: NetworkRecord): void {
    this.networks.delete(network.id);
    const space = this.spaceOf(network);
    for (const pool of network.pools) {
      if (network.driver === 'bridge' && pool.gateway) this.hostNs.removeInterface(pool.gateway, network.id);
      space.release(pool.subnet, pool.range);
    }
  }

  spaceOf(network: Pick<NetworkRecord, 'scope' | 'driver'>): AddressSpace {
    return network.scope === 'swarm' || network.scope === 'global' || network.driver === 'overlay'
      ? this.global
      : this.local;
  }

  /**
   * The host's own networks, which the default pools must not overlap
   * (netutils.InferReservedNetworks): the lab network the node is on.
   */
  reservedNetworks(): Subnet[] {
    return this.hostNs.interfaces
      .filter((i) => i.segment === 'lab')
      .flatMap((i) => {
        const n = parseAddr4(i.ip);
        return n === undefined ? [] : [{ base: n, prefix: 32 }];
      });
  }

  all(): NetworkRecord[] {
    return [...this.networks.values()];
  }

  byName(name: string): NetworkRecord | undefined {
    return this.all().find((n) => n.name === name);
  }

  /** daemon.FindNetwork: full ID, then full name, then a unique ID prefix. */
  find(term: string): NetworkRecord | undefined {
    const byId = this.networks.get(term);
    if (byId) return byId;
    const byName = this.all().filter((n) => n.name === term);
    if (byName.length === 1) return byName[0];
    if (byName.length > 1)
      throw invalidParameter(`network ${term} is ambiguous (${byName.length} matches found on name)`);
    const prefixed = term === '' ? [] : this.all().filter((n) => n.id.startsWith(term));
    if (prefixed.length > 1)
      throw invalidParameter(
        `network ${term} is ambiguous (${prefixed.length} matches found based on ID prefix)`,
      );
    return prefixed[0];
  }

  /** find, or libnetwork.ErrNoSuchNetwork (404). */
  get(term: string): NetworkRecord {
    const n = this.find(term);
    if (!n) throw notFound(`network ${term} not found`);
    return n;
  }

  /** The network a container's NetworkSettings entry refers to (getNetworkID: by ID for user-defined ones). */
  forSettings(name: string, networkId: string): NetworkRecord | undefined {
    if (networkId && this.networks.has(networkId)) return this.networks.get(networkId);
    if (networkId && !['bridge', 'host', 'none', 'default'].includes(name)) return undefined;
    try {
      return this.find(name);
    } catch {
      return undefined;
    }
  }

  /**
   * A removed container's endpoint, if it still has one (its stop already released
   * it in the normal course), with its address back in the pool.
   */
  removeEndpoint(network: NetworkRecord, containerId: string): void {
    const endpoint = network.endpoints.get(containerId);
    if (!endpoint) return;
    network.endpoints.delete(containerId);
    const ip = endpoint.ip ? parseAddr4(endpoint.ip) : undefined;
    if (ip === undefined) return;
    for (const pool of network.pools) pool.allocated.delete(ip);
    if (network.driver !== 'host') this.hostNs.fabric.unregister({ ip: endpoint.ip, segment: network.id });
  }

  /**
   * The embedded DNS (127.0.0.11) of user-defined networks: what `host` is on the
   * networks where `containerId` has an endpoint — a container's name, alias, short
   * ID or hostname, or a legacy link's alias.
   */
  resolveFrom(containerId: string, host: string): string | undefined {
    for (const network of this.networks.values()) {
      if (network.isDefaultBridge || network.pools.length === 0) continue;
      const own = network.endpoints.get(containerId);
      if (!own) continue;
      if (network.driver === 'overlay' && !network.ingress && this.overlayResolve) {
        const found = this.overlayResolve(network.id, host);
        if (found !== undefined) return found;
      }
      const linked = own.links.get(host);
      for (const e of network.endpoints.values()) {
        if (!e.ip) continue;
        if (e.name === host || e.dnsNames.includes(host) || (linked !== undefined && e.name === linked))
          return e.ip;
      }
    }
    return undefined;
  }
}

/** Give a pool its gateway: the given address, or the first free one (of the ip-range if any). */
export function withGateway(pool: Pool, gateway?: string): Pool {
  if (gateway) {
    pool.gateway = gateway;
    pool.allocated.add(ipToInt(gateway));
  } else {
    pool.gateway = allocateAddress(pool);
  }
  return pool;
}
