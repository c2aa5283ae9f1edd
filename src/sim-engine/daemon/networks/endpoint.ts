/**
 * Endpoints: a running container's presence on a network (libnetwork's Endpoint) —
 * an address from the network's pools, a MAC, the names the embedded DNS answers —
 * and the checks moby makes on the endpoint settings a user asks for
 * (daemon/container_operations.go validateEndpointSettings, buildEndpointDNSNames).
 */
import type { EndpointSettings } from '../../api/types/container.ts';
import { forbidden, invalidParameter } from '../../errdefs.ts';
import { intToIp, isIPv4, isIPv6, parseAddr4 } from '../../network/ipv4.ts';
import type { NetNamespace } from '../../network/namespace.ts';
import type { Random } from '../../random.ts';
import type { Container } from '../container.ts';
import type { Daemon } from '../daemon.ts';
import { allocateAddress, poolContains, releaseAddress } from './ipam.ts';
import { isUserDefinedName, type EndpointRecord, type NetworkRecord } from './record.ts';
import { joinErrors } from './validate-ipam.ts';

/**
 * validateEndpointSettings: the problems of `ep` for network `name` (`nw` when it
 * exists), as the text after "invalid endpoint settings:\n", or undefined.
 */
export function endpointSettingsProblem(
  nw: NetworkRecord | undefined,
  name: string,
  ep: Partial<EndpointSettings>,
): string | undefined {
  const errs: string[] = [];
  const ipam = ep.IPAMConfig ?? {};
  const v4 = ipam.IPv4Address ?? '';
  const v6 = ipam.IPv6Address ?? '';
  if (!isUserDefinedName(name)) {
    if (v4 !== '' || v6 !== '')
      errs.push('user specified IP address is supported on user defined networks only');
    if ((ep.Aliases ?? []).length > 0)
      errs.push('network-scoped alias is supported only for containers in user defined networks');
  }
  if (v4 !== '' && (!isIPv4(v4) || v4 === '0.0.0.0')) errs.push(`invalid IPv4 address: ${v4}`);
  if (v6 !== '' && (!isIPv6(v6) || /^[:0]+$/.test(v6))) errs.push(`invalid IPv6 address: ${v6}`);
  for (const addr of ipam.LinkLocalIPs ?? []) {
    if (!isIPv4(addr) && !isIPv6(addr)) errs.push(`invalid link-local IP address: ${addr}`);
  }
  if (nw) {
    const problem = addressInRange(nw, v4);
    if (problem) errs.push(problem);
  }
  if (ep.MacAddress && !/^([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$/.test(ep.MacAddress))
    return `invalid MAC address ${ep.MacAddress}`;
  if (errs.length === 0) return undefined;
  return joinErrors(errs);
}

/** EndpointIPAMConfig.IsInRange for IPv4: only networks with user subnets take a fixed address. */
function addressInRange(nw: NetworkRecord, addr: string): string | undefined {
  if (addr === '') return undefined;
  const static4 = nw.ipamConfig.filter((c) => c.Subnet && !c.Subnet.includes(':'));
  if (static4.length === 0)
    return 'user specified IP address is supported only when connecting to networks with user configured subnets';
  const n = parseAddr4(addr);
  const inside = static4.some((c) => {
    const pool = nw.pools.find(
      (p) => `${intToIp(p.subnet.base)}/${p.subnet.prefix}` === normalizeCidr(c.Subnet!),
    );
    const within = c.IPRange ? normalizeCidr(c.IPRange) : undefined;
    if (n === undefined || !pool) return false;
    if (within) {
      const [base, bits] = within.split('/');
      const mask = Number(bits) === 0 ? 0 : (0xffffffff << (32 - Number(bits))) >>> 0;
      return (n & mask) >>> 0 === parseAddr4(base!);
    }
    return poolContains(pool, n);
  });
  return inside ? undefined : `no configured subnet or ip-range contain the IP address ${addr}`;
}

function normalizeCidr(cidr: string): string {
  const [addr, bits] = cidr.split('/');
  const n = parseAddr4(addr ?? '');
  if (n === undefined) return cidr;
  const mask = Number(bits) === 0 ? 0 : (0xffffffff << (32 - Number(bits))) >>> 0;
  return `${intToIp((n & mask) >>> 0)}/${bits}`;
}

/** buildEndpointDNSNames: name, aliases, short ID, hostname, without repeats. */
export function buildEndpointDNSNames(c: Container, aliases: readonly string[]): string[] {
  const names = [c.name.replace(/^\//, ''), ...aliases, c.id.slice(0, 12)];
  if (c.config.Hostname) names.push(c.config.Hostname);
  return [...new Set(names.filter((n) => n !== ''))];
}

/** cleanOperationalData: what a stopped container's endpoint settings lose. */
export function cleanOperationalData(s: EndpointSettings): void {
  s.EndpointID = '';
  s.Gateway = '';
  s.IPAddress = '';
  s.IPPrefixLen = 0;
  s.IPv6Gateway = '';
  s.GlobalIPv6Address = '';
  s.GlobalIPv6PrefixLen = 0;
  s.MacAddress = '';
}

/**
 * Network.CreateEndpoint + Endpoint.Join: an address on `network` (the one asked
 * for, or the lowest free), plugged into `ns`; the settings get the endpoint's
 * operational data.
 */
export function createEndpoint(
  d: Daemon,
  c: Container,
  network: NetworkRecord,
  settings: EndpointSettings,
  ns: NetNamespace,
): EndpointRecord {
  const name = c.name.replace(/^\//, '');
  for (const e of network.endpoints.values()) {
    if (e.name === name)
      throw forbidden(`endpoint with name ${name} already exists in network ${network.name}`);
  }
  let ip = '';
  let prefixLen = 0;
  let gateway = '';
  if (network.pools.length > 0) {
    const wanted = settings.IPAMConfig?.IPv4Address ?? '';
    if (wanted !== '') {
      const n = parseAddr4(wanted);
      const pool = n === undefined ? undefined : network.pools.find((p) => poolContains(p, n));
      if (!pool || n === undefined)
        throw invalidParameter(
          `invalid address ${wanted}: It does not belong to any of this network's subnets`,
        );
      if (pool.allocated.has(n)) throw forbidden('Address already in use');
      pool.allocated.add(n);
      ip = wanted;
      prefixLen = pool.subnet.prefix;
      gateway = pool.gateway ?? '';
    } else {
      for (const pool of network.pools) {
        const got = allocateAddress(pool);
        if (got) {
          ip = got;
          prefixLen = pool.subnet.prefix;
          gateway = pool.gateway ?? '';
          break;
        }
      }
      if (!ip)
        throw new Error(
          `no available IPv4 addresses on this network's address pools: ${network.name} (${network.id})`,
        );
    }
  }
  const random = network.random ?? d.random;
  const endpoint: EndpointRecord = {
    containerId: c.id,
    name,
    endpointId: random.hex(64),
    // host and none endpoints have no interface, hence no MAC; the overlay driver
    // derives its MAC from the address (netutils.GenerateMACFromIP)
    macAddress:
      network.pools.length === 0
        ? ''
        : settings.MacAddress || (network.driver === 'overlay' ? macFromIp(ip) : macFor(random)),
    ip,
    prefixLen,
    // the name is `name`, which a rename changes; these are the other names
    dnsNames: isUserDefinedName(network.name)
      ? (settings.DNSNames ?? buildEndpointDNSNames(c, settings.Aliases ?? [])).filter((n) => n !== name)
      : [],
    links: linkAliases(isUserDefinedName(network.name) ? (settings.Links ?? []) : []),
  };
  network.endpoints.set(c.id, endpoint);
  if (ip && ns !== d.hostNs) ns.addInterface({ ip, segment: network.id });
  settings.NetworkID = network.id;
  settings.EndpointID = endpoint.endpointId;
  settings.MacAddress = endpoint.macAddress;
  settings.IPAddress = ip;
  settings.IPPrefixLen = prefixLen;
  // internal networks give no default gateway, nor does the overlay driver (the
  // way out of a container on overlays only is docker_gwbridge)
  settings.Gateway = network.internal || network.driver === 'overlay' ? '' : gateway;
  return endpoint;
}

/** Endpoint.Leave + Delete: the address goes back to its pool. */
export function deleteEndpoint(
  d: Daemon,
  network: NetworkRecord,
  containerId: string,
  ns: NetNamespace | undefined,
): EndpointRecord | undefined {
  const endpoint = network.endpoints.get(containerId);
  if (!endpoint) return undefined;
  network.endpoints.delete(containerId);
  if (endpoint.ip) {
    const n = parseAddr4(endpoint.ip)!;
    const pool = network.pools.find((p) => poolContains(p, n));
    if (pool) releaseAddress(pool, n);
    if (ns && ns !== d.hostNs) ns.removeInterface(endpoint.ip, network.id);
  }
  return endpoint;
}

/** `--link name:alias` on a user-defined network: the alias resolves to the name. */
function linkAliases(links: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const link of links) {
    const [name = '', alias = name] = link.split(':');
    out.set(alias.split('/').pop()!, name.replace(/^\//, ''));
  }
  return out;
}

/** netutils.GenerateMACFromIP: 02:42 and the four bytes of the address. */
export function macFromIp(ip: string): string {
  const n = parseAddr4(ip) ?? 0;
  const bytes = [0x02, 0x42, n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** Docker 28 gives endpoints random locally administered MAC addresses. */
function macFor(random: Random): string {
  const bytes = [0x02 | (random.int(64) << 2), ...Array.from({ length: 5 }, () => random.int(256))];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}
