/**
 * IPv4 addresses and subnets as numbers, for IPAM and routing, with the parsing rules
 * of Go's `net/netip` (ParseAddr, ParsePrefix) that Docker validates user input with:
 * four decimal octets without leading zeros, a prefix length without leading zeros.
 */

export function ipToInt(ip: string): number {
  const n = parseAddr4(ip);
  if (n === undefined) throw new Error(`invalid IP address: ${ip}`);
  return n;
}

export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** netip.ParseAddr for IPv4: undefined when `s` is not a dotted quad Go accepts. */
export function parseAddr4(s: string): number | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    // Go rejects leading zeros ("IPv4 field has octet with leading zero")
    if (!/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255) return undefined;
    n = n * 256 + Number(p);
  }
  return n >>> 0;
}

export function isIPv4(s: string): boolean {
  return parseAddr4(s) !== undefined;
}

/**
 * Whether `s` looks like an IPv6 address. The simulation routes no IPv6; Docker's
 * validation only needs to tell the families apart.
 */
export function isIPv6(s: string): boolean {
  if (!s.includes(':') || !/^[0-9a-fA-F:.]+$/.test(s)) return false;
  const doubles = s.split('::').length - 1;
  if (doubles > 1) return false;
  const groups = s.split(':').filter((g) => g !== '');
  if (groups.some((g) => g.length > 4 && !isIPv4(g))) return false;
  return doubles === 1 ? groups.length < 8 : groups.length === 8;
}

export interface Subnet {
  /** network address as an unsigned int */
  base: number;
  prefix: number;
}

/** A prefix as written: the address may have host bits set (netip.Prefix before Masked). */
export interface Prefix4 {
  family: 4;
  addr: number;
  bits: number;
}

export interface Prefix6 {
  family: 6;
  text: string;
  bits: number;
}

export type Prefix = Prefix4 | Prefix6;

/** netip.ParsePrefix: `addr/bits`, either family; undefined when Go would refuse it. */
export function parsePrefix(s: string): Prefix | undefined {
  const slash = s.lastIndexOf('/');
  if (slash < 0) return undefined;
  const addr = s.slice(0, slash);
  const bitsText = s.slice(slash + 1);
  if (!/^(0|[1-9]\d*)$/.test(bitsText)) return undefined;
  const bits = Number(bitsText);
  const a4 = parseAddr4(addr);
  if (a4 !== undefined) return bits <= 32 ? { family: 4, addr: a4, bits } : undefined;
  if (isIPv6(addr) && bits <= 128) return { family: 6, text: addr.toLowerCase(), bits };
  return undefined;
}

export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** Prefix.Masked for IPv4. */
export function masked(p: Prefix4): Subnet {
  return { base: (p.addr & maskOf(p.bits)) >>> 0, prefix: p.bits };
}

export function prefixString(p: Prefix): string {
  return p.family === 4 ? `${intToIp(p.addr)}/${p.bits}` : `${p.text}/${p.bits}`;
}

/** A CIDR string to its masked subnet; throws on anything ParsePrefix refuses or on IPv6. */
export function parseCidr(cidr: string): Subnet {
  const p = parsePrefix(cidr);
  if (!p || p.family !== 4) throw new Error(`invalid CIDR address: ${cidr}`);
  return masked(p);
}

export function formatCidr(subnet: Subnet): string {
  return `${intToIp(subnet.base)}/${subnet.prefix}`;
}

export function contains(subnet: Subnet, ip: number): boolean {
  return (ip & maskOf(subnet.prefix)) >>> 0 === subnet.base;
}

export function overlaps(a: Subnet, b: Subnet): boolean {
  return contains(a, b.base) || contains(b, a.base);
}

export function size(subnet: Subnet): number {
  return 2 ** (32 - subnet.prefix);
}

export function sameSubnet(a: Subnet, b: Subnet): boolean {
  return a.base === b.base && a.prefix === b.prefix;
}
