/**
 * Go's net.ParseIP and net.ParseCIDR as docker/cli's `network create` uses them to
 * match --ip-range, --gateway and --aux-address to a --subnet. IPv4 is parsed
 * exactly (no leading zeros, octets up to 255); IPv6 is recognised, not computed.
 */

export type Addr = { family: 4; n: number } | { family: 6; text: string };

export interface Net {
  addr: Addr;
  bits: number;
}

function parse4(s: string): number | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255) return undefined;
    n = n * 256 + Number(p);
  }
  return n >>> 0;
}

function isIPv6(s: string): boolean {
  if (!s.includes(':') || !/^[0-9a-fA-F:.]+$/.test(s)) return false;
  const doubles = s.split('::').length - 1;
  if (doubles > 1) return false;
  const groups = s.split(':').filter((g) => g !== '');
  if (groups.some((g) => g.length > 4 && parse4(g) === undefined)) return false;
  return doubles === 1 ? groups.length < 8 : groups.length === 8;
}

/** net.ParseIP; undefined for what Go would return nil for. */
export function parseIP(s: string): Addr | undefined {
  const n = parse4(s);
  if (n !== undefined) return { family: 4, n };
  return isIPv6(s) ? { family: 6, text: s.toLowerCase() } : undefined;
}

/** net.ParseCIDR: the address as written and the prefix length. */
export function parseCIDR(s: string): Net | undefined {
  const slash = s.lastIndexOf('/');
  if (slash < 0) return undefined;
  const bitsText = s.slice(slash + 1);
  if (!/^(0|[1-9]\d*)$/.test(bitsText)) return undefined;
  const addr = parseIP(s.slice(0, slash));
  const bits = Number(bitsText);
  if (!addr || bits > (addr.family === 4 ? 32 : 128)) return undefined;
  return { addr, bits };
}

/** IPNet.Contains */
export function netContains(net: Net, addr: Addr | undefined): boolean {
  if (!addr || addr.family !== net.addr.family) return false;
  if (net.addr.family === 4 && addr.family === 4) {
    const mask = net.bits === 0 ? 0 : (0xffffffff << (32 - net.bits)) >>> 0;
    return (addr.n & mask) >>> 0 === (net.addr.n & mask) >>> 0;
  }
  // Differs from Docker: IPv6 containment is only decided for ::/0 and the very
  // address of the prefix, as the simulation routes no IPv6
  return net.bits === 0 || (addr.family === 6 && net.addr.family === 6 && addr.text === net.addr.text);
}
