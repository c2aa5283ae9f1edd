/**
 * The swarm's address management (SwarmKit's cnmallocator with libnetwork's default
 * IPAM, global address space): overlay subnets are /24s of 10.0.0.0/8, lowest free
 * first (ingress asks for 10.0.0.0/24, so the first user overlay gets 10.0.1.0/24);
 * the gateway is the subnet's first address; VIPs, task and node addresses are the
 * lowest free ones after it, in the order they are asked for.
 *
 * What is in use is read from the store each time — the subnets of the networks, the
 * VIPs of the services, the addresses of live tasks and of the nodes' load balancers —
 * as SwarmKit's allocator rebuilds its state from Raft on a new leader.
 */
import type { Service, Task } from '../../api/types/service.ts';
import {
  contains,
  formatCidr,
  intToIp,
  overlaps,
  parseAddr4,
  parseCidr,
  parsePrefix,
  size,
  type Subnet,
} from '../../network/ipv4.ts';
import type { Tx } from '../../store/store.ts';
import { stateAfter } from '../orchestrator/task.ts';
import {
  NETWORK,
  NODE_ATTACHMENT,
  type NetworkAttachment,
  type NodeAttachment,
  type SwarmNetwork,
} from './types.ts';

const DEFAULT_POOL = parseCidr('10.0.0.0/8');
const SUBNET_SIZE = 24;

type Reader = Pick<Tx, 'find'>;

function subnetsOf(n: SwarmNetwork): Subnet[] {
  return (n.IPAMOptions?.Configs ?? n.Spec.IPAMOptions?.Configs ?? []).flatMap((c) => {
    const p = parsePrefix(c.Subnet ?? '');
    return p?.family === 4 ? [parseCidr(c.Subnet!)] : [];
  });
}

/** The lowest /24 of the default pool that no network has (allocatePredefinedPool). */
export function freeSubnet(tx: Reader): Subnet | undefined {
  const used = tx.find<SwarmNetwork>(NETWORK).flatMap(subnetsOf);
  const step = 2 ** (32 - SUBNET_SIZE);
  for (let base = DEFAULT_POOL.base; base < DEFAULT_POOL.base + size(DEFAULT_POOL); base += step) {
    const candidate = { base, prefix: SUBNET_SIZE };
    if (!used.some((u) => overlaps(u, candidate))) return candidate;
  }
  return undefined;
}

/** Every address of `networkId` in use now, as ints. */
export function usedAddresses(tx: Reader, networkId: string): Set<number> {
  const used = new Set<number>();
  const add = (cidr: string | undefined) => {
    const n = parseAddr4((cidr ?? '').split('/')[0]!);
    if (n !== undefined) used.add(n);
  };
  for (const s of tx.find<Service>('service')) {
    for (const v of s.Endpoint?.VirtualIPs ?? []) if (v.NetworkID === networkId) add(v.Addr);
  }
  for (const t of tx.find<Task>('task')) {
    // a task past RUNNING has given its addresses back (the allocator's taskDead)
    if (stateAfter(t.Status.State, 'running')) continue;
    for (const a of (t.NetworksAttachments ?? []) as NetworkAttachment[]) {
      if (a.Network.ID === networkId) for (const addr of a.Addresses ?? []) add(addr);
    }
  }
  for (const a of tx.find<NodeAttachment>(NODE_ATTACHMENT)) if (a.NetworkID === networkId) add(a.Addr);
  return used;
}

/**
 * An address pool being handed out within one transaction: the lowest free address
 * of the network's subnet, as `10.0.1.3/24`.
 */
export class AddressPool {
  readonly #subnet: Subnet;
  readonly #used: Set<number>;

  constructor(network: SwarmNetwork, used: Set<number>) {
    this.#subnet = subnetsOf(network)[0] ?? parseCidr('10.0.0.0/24');
    this.#used = used;
    this.#used.add(this.#subnet.base);
    this.#used.add(this.#subnet.base + size(this.#subnet) - 1);
    const gw = parseAddr4(network.IPAMOptions?.Configs?.[0]?.Gateway ?? '');
    this.#used.add(gw ?? this.#subnet.base + 1);
  }

  next(): string | undefined {
    const last = this.#subnet.base + size(this.#subnet) - 1;
    for (let ip = this.#subnet.base; ip <= last; ip++) {
      if (!this.#used.has(ip) && contains(this.#subnet, ip)) {
        this.#used.add(ip);
        return `${intToIp(ip)}/${this.#subnet.prefix}`;
      }
    }
    return undefined;
  }
}

export { formatCidr };
