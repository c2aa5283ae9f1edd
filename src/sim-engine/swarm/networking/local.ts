/**
 * A node's own instances of the swarm's networks (moby daemon/cluster/executor
 * CreateManagedNetwork, libnetwork's overlay driver and default_gateway.go): a local
 * network with the cluster network's ID, driver state and pools, made when the node
 * first needs it (ingress when it joins, an overlay when a task or an attachable
 * container uses it); the node's load-balancer endpoint on it (`ingress-sbox` /
 * `lb-<name>`); the Peers `network inspect` shows; and docker_gwbridge, the bridge
 * through which containers on overlays only reach the outside.
 *
 * An overlay is one Fabric segment named by its ID: the instances on every node put
 * their endpoints on that one wire, so containers on different nodes reach each other
 * directly, as VXLAN makes them.
 */
import type { NetworkCreateRequest, PeerInfo } from '../../api/types/network.ts';
import type { Node } from '../../api/types/swarm.ts';
import type { Daemon } from '../../daemon/daemon.ts';
import { disconnectFromNetwork } from '../../daemon/networks/connect.ts';
import { networkCreate } from '../../daemon/networks/create.ts';
import { macFromIp } from '../../daemon/networks/endpoint.ts';
import { allocateAddress, poolContains } from '../../daemon/networks/ipam.ts';
import type { EndpointRecord, NetworkRecord } from '../../daemon/networks/record.ts';
import { networkRemove } from '../../daemon/networks/remove.ts';
import { parseAddr4 } from '../../network/ipv4.ts';
import { NetNamespace } from '../../network/namespace.ts';
import { Random } from '../../random.ts';
import type { Cluster } from '../cluster.ts';
import { nodeAttachment, releaseNodeAttachment } from './node-attachments.ts';
import { isIngress, type SwarmNetwork } from './types.ts';

export const GW_BRIDGE = 'docker_gwbridge';

interface NodeNetState {
  random: Random;
  /** networkdb's node name: 12 hex digits, new at each join (networkdb DefaultConfig) */
  peerName: string;
  /** the load balancer's namespace on each network (the ingress sandbox on ingress) */
  lb: Map<string, NetNamespace>;
}

const states = new WeakMap<Daemon, NodeNetState>();

/** This node's networking state for the swarm it joined. */
export function nodeNet(d: Daemon): NodeNetState {
  let s = states.get(d);
  if (!s) {
    const random = new Random(`networking:${d.hostname}`);
    states.set(d, (s = { random, peerName: random.hex(12), lb: new Map() }));
  }
  return s;
}

export function forgetNodeNet(d: Daemon): void {
  states.delete(d);
}

/** executor networkCreateRequest: the local create request for a cluster network. */
function createRequest(n: SwarmNetwork): NetworkCreateRequest {
  return {
    Name: n.Spec.Name ?? '',
    Driver: n.DriverState?.Name ?? '',
    Scope: 'swarm',
    EnableIPv4: true,
    EnableIPv6: n.Spec.IPv6Enabled ?? false,
    Options: n.DriverState?.Options ?? null,
    Labels: n.Spec.Labels ?? null,
    Internal: n.Spec.Internal ?? false,
    Attachable: n.Spec.Attachable ?? false,
    Ingress: isIngress(n),
    IPAM: n.IPAMOptions
      ? {
          Driver: n.IPAMOptions.Driver.Name ?? '',
          Options: n.IPAMOptions.Driver.Options ?? null,
          Config: (n.IPAMOptions.Configs ?? []).map((c) => ({
            Subnet: c.Subnet,
            ...(c.Range ? { IPRange: c.Range } : {}),
            Gateway: c.Gateway,
          })),
        }
      : null,
  };
}

/**
 * The local instance of `n` on `d`, made if missing, with this node's load balancer on
 * it (an address the manager allocated for the node).
 */
export function ensureLocalNetwork(
  cluster: Cluster,
  nodeId: string,
  d: Daemon,
  n: SwarmNetwork,
): NetworkRecord {
  const existing = d.networks.networks.get(n.ID);
  if (existing) return existing;
  const state = nodeNet(d);
  networkCreate(d, createRequest(n), { agent: true, id: n.ID });
  const record = d.networks.networks.get(n.ID)!;
  record.random = state.random;
  record.peers = () => peersOf(cluster, n.ID);
  const ingress = isIngress(n);
  const addr = nodeAttachment(cluster, nodeId, n.ID);
  if (addr) {
    const ip = addr.split('/')[0]!;
    const prefixLen = Number(addr.split('/')[1] ?? 24);
    const key = ingress ? 'ingress-sbox' : `lb-${n.Spec.Name}`;
    const ns = new NetNamespace(key, d.fabric, { uplink: d.hostNs });
    joinLocal(record, ns, {
      containerId: key,
      name: ingress ? 'ingress-endpoint' : `${n.Spec.Name}-endpoint`,
      ip,
      prefixLen,
      random: state.random,
    });
    state.lb.set(n.ID, ns);
    // the ingress sandbox reaches the outside through docker_gwbridge
    if (ingress) joinGwBridge(d, 'ingress-sbox', 'gateway_ingress-sbox', ns);
  }
  return record;
}

/** An endpoint that is not a container's: a load balancer's or a sandbox's. */
function joinLocal(
  record: NetworkRecord,
  ns: NetNamespace,
  e: { containerId: string; name: string; ip: string; prefixLen: number; random: Random },
): EndpointRecord {
  const n = parseAddr4(e.ip);
  const pool = n === undefined ? undefined : record.pools.find((p) => poolContains(p, n));
  if (pool && n !== undefined) pool.allocated.add(n);
  const endpoint: EndpointRecord = {
    containerId: e.containerId,
    name: e.name,
    endpointId: e.random.hex(64),
    macAddress: record.driver === 'overlay' ? macFromIp(e.ip) : macOf(e.random),
    ip: e.ip,
    prefixLen: e.prefixLen,
    dnsNames: [],
    links: new Map(),
  };
  record.endpoints.set(e.containerId, endpoint);
  ns.addInterface({ ip: e.ip, segment: record.id });
  return endpoint;
}

function macOf(random: Random): string {
  const bytes = [0x02 | (random.int(64) << 2), ...Array.from({ length: 5 }, () => random.int(256))];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** docker_gwbridge, made the first time a sandbox needs a way out (createGWNetwork). */
export function ensureGwBridge(d: Daemon): NetworkRecord {
  const existing = d.networks.byName(GW_BRIDGE);
  if (existing) return existing;
  const state = nodeNet(d);
  networkCreate(
    d,
    {
      Name: GW_BRIDGE,
      Driver: 'bridge',
      EnableIPv4: true,
      EnableIPv6: false,
      Options: {
        'com.docker.network.bridge.name': GW_BRIDGE,
        'com.docker.network.bridge.enable_icc': 'false',
        'com.docker.network.bridge.enable_ip_masquerade': 'true',
      },
    },
    { agent: true, id: state.random.hex(64) },
  );
  const record = d.networks.byName(GW_BRIDGE)!;
  record.random = state.random;
  // a network the swarm made, yet one that stays after `swarm leave`, as Docker's does
  record.dynamic = false;
  return record;
}

/**
 * Sandbox.setupDefaultGW: an endpoint `gateway_<sandbox id[:12]>` on docker_gwbridge
 * for a sandbox whose networks give it no gateway (overlays only).
 */
export function joinGwBridge(d: Daemon, key: string, name: string, ns: NetNamespace): void {
  const gw = ensureGwBridge(d);
  if (gw.endpoints.has(key)) return;
  const pool = gw.pools[0];
  const ip = pool ? allocateAddress(pool) : undefined;
  if (!pool || !ip) return;
  joinLocal(gw, ns, { containerId: key, name, ip, prefixLen: pool.subnet.prefix, random: nodeNet(d).random });
}

/** The sandbox `key` leaves docker_gwbridge. */
export function leaveGwBridge(d: Daemon, key: string, ns: NetNamespace | undefined): void {
  const gw = d.networks.byName(GW_BRIDGE);
  const e = gw?.endpoints.get(key);
  if (!gw || !e) return;
  gw.endpoints.delete(key);
  const n = parseAddr4(e.ip);
  if (n !== undefined) for (const p of gw.pools) p.allocated.delete(n);
  ns?.removeInterface(e.ip, gw.id);
}

/**
 * The local instance of a network no container of this node uses any more goes, with
 * the node's load balancer on it (the agent's network removal once its last task is
 * gone); ingress stays while the node is in the swarm.
 */
export function releaseIfUnused(cluster: Cluster, nodeId: string, d: Daemon, networkId: string): void {
  const record = d.networks.networks.get(networkId);
  if (!record || record.ingress || !record.dynamic) return;
  const users = [...record.endpoints.keys()].filter((k) => !k.startsWith('lb-'));
  if (users.length > 0) return;
  dropLocal(d, record);
  releaseNodeAttachment(cluster, nodeId, networkId);
}

function dropLocal(d: Daemon, record: NetworkRecord): void {
  const state = nodeNet(d);
  const ns = state.lb.get(record.id);
  state.lb.delete(record.id);
  if (record.ingress) leaveGwBridge(d, 'ingress-sbox', ns);
  ns?.teardown();
  record.endpoints.clear();
  networkRemove(d, record, { dynamic: true });
}

/**
 * The node left the swarm: every swarm network instance goes (docker_gwbridge stays).
 * A container still on one is a plain container on an attachable overlay (the agent
 * removed the tasks'): it is disconnected and keeps running (moby
 * clearAttachableNetworks).
 */
export function dropAllLocal(d: Daemon): void {
  for (const record of d.networks.all()) {
    if (record.dynamic && record.scope === 'swarm') {
      for (const [key] of record.endpoints) {
        if (isSandboxKey(key)) continue;
        const c = d.containers.get(key);
        if (c?.networks.has(record.name)) disconnectFromNetwork(d, c, record);
        else record.endpoints.delete(key);
      }
      dropLocal(d, record);
    }
  }
  forgetNodeNet(d);
}

function isSandboxKey(key: string): boolean {
  return key === 'ingress-sbox' || key.startsWith('lb-');
}

/** The load balancer's namespace of this node on a network (the ingress sandbox on ingress). */
export function lbNamespace(d: Daemon, networkId: string): NetNamespace | undefined {
  return states.get(d)?.lb.get(networkId);
}

/** networkdb's peers of a network: the nodes that have joined it, in joining order. */
function peersOf(cluster: Cluster, networkId: string): PeerInfo[] {
  const out: PeerInfo[] = [];
  for (const { nodeId, daemon } of cluster.members()) {
    if (!daemon.networks.networks.has(networkId)) continue;
    const node = cluster.store.get<Node>('node', nodeId);
    out.push({ Name: nodeNet(daemon).peerName, IP: node?.Status?.Addr ?? '' });
  }
  return out;
}
