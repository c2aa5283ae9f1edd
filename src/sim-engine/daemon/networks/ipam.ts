/**
 * Docker's default IPAM (libnetwork/ipams/defaultipam): two address spaces — local
 * networks take /16s and /20s from the default pools of libnetwork/ipamutils, swarm
 * networks /24s of 10.0.0.0/8 — each keeping the subnets it handed out, so that a
 * user's `--subnet` cannot overlap one in use; and within a pool, the lowest free
 * address (of the `--ip-range` when there is one) for each gateway and endpoint.
 */
import { forbidden } from '../../errdefs.ts';
import {
  contains,
  formatCidr,
  intToIp,
  overlaps,
  parseCidr,
  sameSubnet,
  size,
  type Subnet,
} from '../../network/ipv4.ts';
import type { Pool } from './record.ts';

/** libnetwork/ipamutils: 172.17–19/16, then 172.20/14, 172.24/14, 172.28/14 as /16s, then 192.168/16 as /20s. */
export function* localPools(): Generator<Subnet> {
  for (const base of ['172.17.0.0/16', '172.18.0.0/16', '172.19.0.0/16']) yield parseCidr(base);
  for (const base of ['172.20.0.0/14', '172.24.0.0/14', '172.28.0.0/14']) yield* split(parseCidr(base), 16);
  yield* split(parseCidr('192.168.0.0/16'), 20);
}

/** libnetwork/ipamutils globalScopeDefaultNetworks: 10.0.0.0/8 as /24s. */
export function* globalPools(): Generator<Subnet> {
  yield* split(parseCidr('10.0.0.0/8'), 24);
}

function* split(base: Subnet, prefix: number): Generator<Subnet> {
  const step = 2 ** (32 - prefix);
  for (let i = 0; i < size(base) / step; i++) yield { base: base.base + i * step, prefix };
}

/** ipamapi.ErrPoolOverlap, as RequestPool wraps it. */
export const POOL_OVERLAP = 'invalid pool request: Pool overlaps with other one on this address space';

/** ipamapi.ErrNoMoreSubnets */
export const NO_MORE_SUBNETS = 'all predefined address pools have been fully subnetted';

/** One address space (LocalDefault or GlobalDefault): the subnets handed out. */
export class AddressSpace {
  /** allocated master pools, and how many ip-range children each has */
  readonly #allocated: { subnet: Subnet; children: Subnet[] }[] = [];
  readonly #predefined: () => Generator<Subnet>;

  constructor(predefined: () => Generator<Subnet>) {
    this.#predefined = predefined;
  }

  /** The first default pool that overlaps nothing allocated or reserved (allocatePredefinedPool). */
  allocatePredefined(reserved: readonly Subnet[] = []): Subnet | undefined {
    for (const candidate of this.#predefined()) {
      if (this.#allocated.some((a) => overlaps(a.subnet, candidate))) continue;
      if (reserved.some((r) => overlaps(r, candidate))) continue;
      this.#allocated.push({ subnet: candidate, children: [] });
      return candidate;
    }
    return undefined;
  }

  /**
   * A pool the user asked for (allocateSubnet): the same subnet twice, or a master
   * pool overlapping another, is refused. With an ip-range, the parent may be shared.
   */
  allocateSubnet(subnet: Subnet, range?: Subnet): void {
    const existing = this.#allocated.find((a) => sameSubnet(a.subnet, subnet));
    if (existing) {
      if (!range || existing.children.some((c) => sameSubnet(c, range))) throw forbidden(POOL_OVERLAP);
      existing.children.push(range);
      return;
    }
    if (!range) {
      if (this.#allocated.some((a) => overlaps(a.subnet, subnet))) throw forbidden(POOL_OVERLAP);
      this.#allocated.push({ subnet, children: [] });
      return;
    }
    // As libnetwork's allocateSubnetL: a sub-pool on a parent it has not seen yet
    // skips the overlap check.
    this.#allocated.push({ subnet, children: [range] });
  }

  release(subnet: Subnet, range?: Subnet): void {
    const i = this.#allocated.findIndex((a) => sameSubnet(a.subnet, subnet));
    if (i < 0) return;
    const entry = this.#allocated[i]!;
    if (range) entry.children = entry.children.filter((c) => !sameSubnet(c, range));
    if (entry.children.length === 0) this.#allocated.splice(i, 1);
  }

  isAllocated(subnet: Subnet): boolean {
    return this.#allocated.some((a) => sameSubnet(a.subnet, subnet));
  }
}

/** A new pool's bookkeeping: the network and broadcast addresses are never handed out. */
export function newPool(subnet: Subnet, range?: Subnet): Pool {
  const allocated = new Set<number>();
  if (subnet.prefix < 31) {
    allocated.add(subnet.base);
    allocated.add(subnet.base + size(subnet) - 1);
  }
  return { subnet, range, allocated };
}

/** The lowest free address of the pool (of its ip-range when it has one), now taken. */
export function allocateAddress(pool: Pool): string | undefined {
  const from = pool.range ?? pool.subnet;
  const last = from.base + size(from) - 1;
  for (let ip = from.base; ip <= last; ip++) {
    if (!pool.allocated.has(ip)) {
      pool.allocated.add(ip);
      return intToIp(ip);
    }
  }
  return undefined;
}

export function releaseAddress(pool: Pool, ip: number): void {
  pool.allocated.delete(ip);
}

export function poolContains(pool: Pool, ip: number): boolean {
  return contains(pool.subnet, ip);
}

export { formatCidr };
