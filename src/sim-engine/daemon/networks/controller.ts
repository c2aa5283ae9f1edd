/**
 * The daemon's networks (libnetwork's controller): the predefined bridge, host and
 * none; user-defined bridges with their subnets; endpoints that get an address when
 * their container starts; and the embedded DNS of user-defined networks.
 */
import { conflict, forbidden, invalidParameter, notFound } from '../../errdefs.ts';
import { ipToInt } from '../../network/ipv4.ts';
import type { NetNamespace } from '../../network/namespace.ts';
import type { Random } from '../../random.ts';
import type { Instant } from '../instant.ts';
import { allocateAddress, gatewayOf, nextSubnet, parseCidr } from './ipam.ts';
import type { EndpointRecord, NetworkRecord } from './record.ts';

export const PREDEFINED = new Set(['bridge', 'host', 'none', 'default']);

export interface NetworkCreateOptions {
  name: string;
  driver: string;
  internal?: boolean;
  attachable?: boolean;
  subnet?: string;
  gateway?: string;
  options?: Record<string, string>;
  labels?: Record<string, string>;
  ipamDriver?: string;
  ipamOptions?: Record<string, string> | null;
  enableIPv6?: boolean;
}

export class NetworkController {
  readonly networks = new Map<string, NetworkRecord>();
  readonly #random: Random;
  readonly #instant: () => Instant;
  readonly #hostNs: NetNamespace;

  constructor(random: Random, instant: () => Instant, hostNs: NetNamespace) {
    this.#random = random;
    this.#instant = instant;
    this.#hostNs = hostNs;
    this.createPredefined();
  }

  private createPredefined(): void {
    this.add({
      name: 'bridge',
      driver: 'bridge',
      subnet: '172.17.0.0/16',
      gateway: '172.17.0.1',
      options: {
        'com.docker.network.bridge.default_bridge': 'true',
        'com.docker.network.bridge.enable_icc': 'true',
        'com.docker.network.bridge.enable_ip_masquerade': 'true',
        'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
        'com.docker.network.bridge.name': 'docker0',
        'com.docker.network.driver.mtu': '1500',
      },
    }).isDefaultBridge = true;
    this.add({ name: 'host', driver: 'host' });
    this.add({ name: 'none', driver: 'null' });
  }

  all(): NetworkRecord[] {
    return [...this.networks.values()];
  }

  /** moby's FindNetwork: full ID, then exact name, then unique ID prefix. */
  find(term: string): NetworkRecord | undefined {
    const byId = this.networks.get(term);
    if (byId) return byId;
    const byName = this.all().find((n) => n.name === term);
    if (byName) return byName;
    const prefixed = this.all().filter((n) => n.id.startsWith(term));
    if (prefixed.length > 1)
      throw invalidParameter(
        `network ${term} is ambiguous (${prefixed.length} matches found based on ID prefix)`,
      );
    return prefixed[0];
  }

  get(term: string): NetworkRecord {
    const n = this.find(term);
    if (!n) throw notFound(`network ${term} not found`);
    return n;
  }

  create(options: NetworkCreateOptions): NetworkRecord {
    if (PREDEFINED.has(options.name)) {
      throw forbidden(`operation is not permitted on predefined ${options.name} network `);
    }
    if (this.all().some((n) => n.name === options.name)) {
      throw conflict(`network with name ${options.name} already exists`);
    }
    return this.add(options);
  }

  private add(options: NetworkCreateOptions): NetworkRecord {
    const id = this.#random.hex(64);
    const hasAddresses = options.driver === 'bridge' || options.driver === 'overlay';
    let subnet = options.subnet ? parseCidr(options.subnet) : undefined;
    if (hasAddresses && !subnet) {
      subnet = nextSubnet(this.all().flatMap((n) => (n.subnet ? [n.subnet] : [])));
      if (!subnet) {
        throw invalidParameter('all predefined address pools have been fully subnetted');
      }
    }
    const gateway = hasAddresses && subnet ? (options.gateway ?? gatewayOf(subnet)) : undefined;
    const record: NetworkRecord = {
      id,
      name: options.name,
      driver: options.driver,
      scope: options.driver === 'overlay' ? 'swarm' : 'local',
      created: this.#instant(),
      enableIPv4: true,
      enableIPv6: options.enableIPv6 ?? false,
      internal: options.internal ?? false,
      attachable: options.attachable ?? false,
      ingress: false,
      configOnly: false,
      ipamDriver: options.ipamDriver ?? 'default',
      ipamOptions: options.ipamOptions ?? null,
      subnet: hasAddresses ? subnet : undefined,
      gateway,
      userSubnet: options.subnet !== undefined,
      options: options.options ?? {},
      labels: options.labels ?? {},
      isDefaultBridge: false,
      endpoints: new Map(),
      allocated: new Set(),
    };
    if (gateway) {
      record.allocated.add(ipToInt(gateway));
      // The host has the bridge's gateway address, so it reaches every container on it.
      if (options.driver === 'bridge') this.#hostNs.addInterface({ ip: gateway, segment: id });
    }
    this.networks.set(id, record);
    return record;
  }

  /** Remove a network unless predefined or in use (daemon/network.go deleteNetwork). */
  remove(network: NetworkRecord): void {
    if (PREDEFINED.has(network.name)) {
      throw forbidden(`${network.name} is a pre-defined network and cannot be removed`);
    }
    if (network.endpoints.size > 0) {
      const names = [...network.endpoints.values()].map((e) => e.name);
      throw forbidden(
        `error while removing network: network ${network.name} has active endpoints (${names.join(', ')})`,
      );
    }
    if (network.gateway && network.driver === 'bridge') this.#hostNs.removeInterface(network.gateway);
    this.networks.delete(network.id);
  }

  /** Join a container to a network (no address until it runs). */
  addEndpoint(
    network: NetworkRecord,
    containerId: string,
    name: string,
    options: { aliases?: string[]; ip?: string } = {},
  ): EndpointRecord {
    const endpoint: EndpointRecord = {
      containerId,
      name,
      endpointId: '',
      macAddress: '',
      ip: '',
      aliases: options.aliases ?? [],
      ipamIPv4: options.ip,
    };
    network.endpoints.set(containerId, endpoint);
    return endpoint;
  }

  removeEndpoint(network: NetworkRecord, containerId: string): void {
    const endpoint = network.endpoints.get(containerId);
    if (!endpoint) return;
    this.deactivate(network, endpoint, undefined);
    network.endpoints.delete(containerId);
  }

  /** Give a starting container its address on this network and plug it into `ns`. */
  activate(network: NetworkRecord, endpoint: EndpointRecord, ns: NetNamespace): void {
    if (!network.subnet) return;
    let ip: string | undefined;
    if (endpoint.ipamIPv4) {
      const n = ipToInt(endpoint.ipamIPv4);
      if (network.allocated.has(n)) throw invalidParameter(`Address already in use`);
      network.allocated.add(n);
      ip = endpoint.ipamIPv4;
    } else {
      ip = allocateAddress(network.subnet, network.allocated);
    }
    if (!ip)
      throw invalidParameter(
        `no available IPv4 addresses on this network's address pools: ${network.name} (${network.id})`,
      );
    endpoint.ip = ip;
    endpoint.endpointId = this.#random.hex(64);
    endpoint.macAddress = macFor(this.#random);
    ns.addInterface({ ip, segment: network.id });
  }

  /** Release the address of a stopping container. */
  deactivate(network: NetworkRecord, endpoint: EndpointRecord, ns: NetNamespace | undefined): void {
    if (endpoint.ip) {
      network.allocated.delete(ipToInt(endpoint.ip));
      ns?.removeInterface(endpoint.ip);
    }
    endpoint.ip = '';
    endpoint.endpointId = '';
    endpoint.macAddress = '';
  }

  /**
   * The embedded DNS (127.0.0.11) of user-defined networks: names, aliases and short
   * IDs of running containers on the networks `containerId` is attached to.
   */
  resolveFrom(containerId: string, host: string): string | undefined {
    for (const network of this.networks.values()) {
      if (network.isDefaultBridge || !network.subnet) continue;
      if (!network.endpoints.get(containerId)?.ip) continue;
      for (const e of network.endpoints.values()) {
        if (!e.ip) continue;
        if (e.name === host || e.aliases.includes(host) || e.containerId.slice(0, 12) === host) return e.ip;
      }
    }
    return undefined;
  }
}

/** Docker 28 gives endpoints random locally-administered MAC addresses. */
function macFor(random: Random): string {
  const bytes = [0x02, ...Array.from({ length: 5 }, () => random.int(256))];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}
