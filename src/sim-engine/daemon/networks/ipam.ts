/**
 * Docker's default IPAM: which subnet a new local network gets (the default address
 * pools of libnetwork/ipamutils) and which address a new endpoint gets (the lowest
 * free one after the gateway).
 */
import { contains, formatCidr, intToIp, overlaps, parseCidr, size, type Subnet } from '../../network/ipv4.ts';

/** libnetwork/ipamutils: 172.17–19/16, then 172.20/14, 172.24/14, 172.28/14 as /16s, then 192.168/16 as /20s. */
export function* localPools(): Generator<Subnet> {
  for (const base of ['172.17.0.0/16', '172.18.0.0/16', '172.19.0.0/16']) yield parseCidr(base);
  for (const base of ['172.20.0.0/14', '172.24.0.0/14', '172.28.0.0/14']) {
    const s = parseCidr(base);
    for (let i = 0; i < 4; i++) yield { base: s.base + i * 65536, prefix: 16 };
  }
  const s = parseCidr('192.168.0.0/16');
  for (let i = 0; i < 16; i++) yield { base: s.base + i * 4096, prefix: 20 };
}

/** The first default pool that overlaps no subnet in use. */
export function nextSubnet(inUse: readonly Subnet[]): Subnet | undefined {
  for (const candidate of localPools()) {
    if (!inUse.some((u) => overlaps(u, candidate))) return candidate;
  }
  return undefined;
}

/** The gateway of a subnet: its first host address. */
export function gatewayOf(subnet: Subnet): string {
  return intToIp(subnet.base + 1);
}

/** The lowest free host address of the subnet (network, gateway and broadcast excluded). */
export function allocateAddress(subnet: Subnet, allocated: Set<number>): string | undefined {
  const last = subnet.base + size(subnet) - 1;
  for (let ip = subnet.base + 2; ip < last; ip++) {
    if (!allocated.has(ip)) {
      allocated.add(ip);
      return intToIp(ip);
    }
  }
  return undefined;
}

export { contains, formatCidr, parseCidr };
