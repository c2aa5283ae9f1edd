/**
 * A running container's network sandbox as its processes see it (libnetwork's
 * Sandbox): /etc/hosts and /etc/resolv.conf, kept up to date as endpoints join and
 * leave (`docker network connect`/`disconnect`), and whether the container has a
 * way out through its host (not when all its networks are `--internal`).
 */
import type { Container } from '../container.ts';
import type { Daemon } from '../daemon.ts';
import {
  addHostsRecords,
  containerResolvConf,
  deleteHostsRecords,
  ownHostsRecord,
  type ResolvMode,
} from './etc-files.ts';
import { isUserDefinedName, type EndpointRecord, type NetworkRecord } from './record.ts';

/**
 * What Docker last wrote to a container's resolv.conf, and whether it kept the hash
 * that lets it tell a user's edit (resolvconf.UserModified): the file written for
 * the embedded DNS has none, so it is never rewritten while the container runs.
 */
const resolvWritten = new WeakMap<Container, { text: string; hashed: boolean }>();

function readFile(c: Container, path: string): string | undefined {
  try {
    return c.fs.readFile(path);
  } catch {
    return undefined;
  }
}

function writeFile(c: Container, path: string, text: string): void {
  if (!c.fs.stat('/etc')) c.fs.mkdir('/etc', { parents: true });
  c.fs.writeFile(path, text, { mode: 0o644 });
}

/** The host's resolv.conf, the starting point of every container's. */
export function hostResolvConf(d: Daemon): string {
  try {
    return d.hostFs.readFile('/etc/resolv.conf');
  } catch {
    return '';
  }
}

/** Write the container's resolv.conf for `mode` (setupDNS, updateDNS, rebuildDNS). */
export function writeResolvConf(d: Daemon, c: Container, mode: ResolvMode): void {
  const text = containerResolvConf(hostResolvConf(d), mode, {
    dns: c.hostConfig.Dns,
    search: c.hostConfig.DnsSearch,
    options: c.hostConfig.DnsOptions,
  });
  writeFile(c, '/etc/resolv.conf', text);
  resolvWritten.set(c, { text, hashed: mode !== 'internal' });
}

/** The embedded DNS serves this container: it is on a user-defined network with addresses. */
export function usesEmbeddedDns(d: Daemon, c: Container): boolean {
  return d.networks
    .all()
    .some((n) => isUserDefinedName(n.name) && n.pools.length > 0 && n.endpoints.has(c.id));
}

/** Endpoint.getEtcHostsAddrs: the container's own addresses, except on the ingress network. */
function hostsAddresses(n: NetworkRecord, e: EndpointRecord): string[] {
  if (n.ingress || n.name === 'docker_gwbridge' || !e.ip) return [];
  return [e.ip];
}

export function ownRecords(c: Container, n: NetworkRecord, e: EndpointRecord) {
  return hostsAddresses(n, e).map((ip) => ownHostsRecord(ip, c.config.Hostname, c.config.Domainname));
}

/** Has a way out: an endpoint on a network with a gateway that is not internal. */
export function updateUplink(d: Daemon, c: Container): void {
  const ns = c.running?.ns;
  if (!ns || ns === d.hostNs) return;
  const out = d.networks.all().some((n) => n.endpoints.has(c.id) && n.pools.length > 0 && !n.internal);
  ns.uplink = out ? d.hostNs : undefined;
}

/** A running container joined a network (sbJoin): its hosts line, maybe the embedded DNS. */
export function onEndpointJoined(d: Daemon, c: Container, n: NetworkRecord, e: EndpointRecord): void {
  if (!c.running) return; // a starting container's files are written once all its networks joined
  updateUplink(d, c);
  const hosts = readFile(c, '/etc/hosts');
  if (hosts !== undefined) writeFile(c, '/etc/hosts', addHostsRecords(hosts, ownRecords(c, n, e)));
  const written = resolvWritten.get(c);
  const current = readFile(c, '/etc/resolv.conf');
  const unmodified = written?.hashed === true && current === written.text;
  if (isUserDefinedName(n.name) && n.pools.length > 0 && unmodified) writeResolvConf(d, c, 'internal');
}

/** A running container left a network (sbLeave): its hosts line goes. */
export function onEndpointLeft(d: Daemon, c: Container, n: NetworkRecord, e: EndpointRecord): void {
  if (!c.running) return;
  updateUplink(d, c);
  const hosts = readFile(c, '/etc/hosts');
  if (hosts !== undefined) writeFile(c, '/etc/hosts', deleteHostsRecords(hosts, ownRecords(c, n, e)));
}
