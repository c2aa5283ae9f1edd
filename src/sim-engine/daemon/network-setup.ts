/**
 * A starting container's network (moby daemon/container_operations.go
 * initializeNetworking + allocateNetwork, releaseNetwork when it stops): its
 * namespace — its own, the host's (`--network host`) or another container's
 * (`--network container:x`) — an endpoint on each of its networks, its published
 * ports (docker-proxy listening on the host and forwarding), and the files Docker
 * writes for it (/etc/hosts, /etc/hostname, /etc/resolv.conf).
 */
import type { PortBinding, PortMap } from '../api/types/container.ts';
import { conflict, DaemonError, systemError } from '../errdefs.ts';
import { NetNamespace } from '../network/namespace.ts';
import type { Container } from './container.ts';
import type { Daemon } from './daemon.ts';
import { connectToNetwork } from './networks/connect.ts';
import { cleanOperationalData, deleteEndpoint } from './networks/endpoint.ts';
import { buildHosts, type HostsRecord } from './networks/etc-files.ts';
import { logNetworkEvent } from './networks/events.ts';
import { isUserDefinedName } from './networks/record.ts';
import { ownRecords, usesEmbeddedDns, writeResolvConf } from './networks/sandbox.ts';

/** Linux's default ephemeral port range, where `-P` and `-p 80` pick host ports. */
const EPHEMERAL_FIRST = 32768;
const EPHEMERAL_LAST = 60999;

/** daemon/start_linux.go: what every allocateNetwork error is wrapped in. */
const SETUP_NETWORKING = 'failed to set up container networking';

export interface NetworkSetup {
  ns: NetNamespace;
  unpublish: () => void;
}

export function setupNetworking(d: Daemon, c: Container): NetworkSetup {
  const mode = c.hostConfig.NetworkMode;
  if (mode.startsWith('container:')) {
    const other = networkedContainer(d, c, mode.slice('container:'.length));
    // the container takes the other's name as well as its namespace
    c.config.Hostname = other.config.Hostname;
    c.config.Domainname = other.config.Domainname;
    c.ports = {};
    return { ns: other.running!.ns, unpublish: () => {} };
  }
  const ns = mode === 'host' ? d.hostNs : new NetNamespace(c.id, d.fabric);
  if (ns !== d.hostNs) ns.resolver = (host) => resolveFromContainer(d, c, host, ns);
  c.sandboxId = d.random.hex(64);
  try {
    for (const [name, settings] of [...c.networks]) {
      cleanOperationalData(settings);
      // getNetworkID: user-defined networks are found by the ID they were joined with
      const idOrName = isUserDefinedName(name) && settings.NetworkID ? settings.NetworkID : name;
      connectToNetwork(d, c, idOrName, settings, ns);
    }
    if (ns !== d.hostNs) {
      const out = d.networks.all().some((n) => n.endpoints.has(c.id) && n.pools.length > 0 && !n.internal);
      ns.uplink = out ? d.hostNs : undefined;
    }
    if (mode === 'host') {
      c.ports = {};
      return { ns, unpublish: () => {} };
    }
    return { ns, unpublish: publishPorts(d, c, ns) };
  } catch (err) {
    teardownNetworking(d, c, ns);
    if (err instanceof DaemonError) throw new DaemonError(err.kind, `${SETUP_NETWORKING}: ${err.message}`);
    throw systemError(`${SETUP_NETWORKING}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** getNetworkedContainer: the running container whose namespace `--network container:x` shares. */
function networkedContainer(d: Daemon, c: Container, term: string): Container {
  const other = d.findContainer(term);
  if (!other) throw systemError(`joining network namespace of container: No such container: ${term}`);
  if (other.id === c.id) throw systemError('cannot join own network namespace');
  if (!other.isRunning || !other.running) {
    throw conflict(
      `cannot join network namespace of a non running container: container ${other.name.slice(1)} is ${other.status}`,
    );
  }
  if (other.status === 'restarting') {
    throw systemError(
      `cannot join network namespace of container: Container ${term} is restarting, wait until the container is running`,
    );
  }
  return other;
}

/** releaseNetwork: every endpoint left, a `disconnect` for each network, the namespace gone. */
export function teardownNetworking(d: Daemon, c: Container, ns: NetNamespace | undefined): void {
  c.ports = {};
  if (c.hostConfig.NetworkMode.startsWith('container:')) return;
  const hadSandbox = c.sandboxId !== '';
  c.sandboxId = '';
  for (const [name, settings] of c.networks) {
    const network = d.networks.forSettings(name, settings.NetworkID);
    cleanOperationalData(settings);
    if (!network) continue;
    deleteEndpoint(d, network, c.id, ns);
    if (hadSandbox) logNetworkEvent(d, network, 'disconnect', { container: c.id });
  }
  if (ns && ns !== d.hostNs) ns.teardown();
}

/** The primary address of the container (the first network's), for the proxy target. */
function primaryIp(c: Container): string {
  for (const s of c.networks.values()) if (s.IPAddress) return s.IPAddress;
  return '';
}

function publishPorts(d: Daemon, c: Container, ns: NetNamespace): () => void {
  const exposed = Object.keys(c.config.ExposedPorts ?? {});
  const bindings: Record<string, PortBinding[]> = {};
  for (const [port, list] of Object.entries(c.hostConfig.PortBindings ?? {}))
    bindings[port] = [...(list ?? [])];
  if (c.hostConfig.PublishAllPorts) {
    for (const port of exposed) if (!bindings[port]) bindings[port] = [{ HostIp: '', HostPort: '' }];
  }
  const ports: PortMap = {};
  for (const port of exposed) ports[port] = null;
  const closers: (() => void)[] = [];
  const target = primaryIp(c);
  const gateway = [...c.networks.values()].find((s) => s.Gateway)?.Gateway ?? '';
  const endpointName = c.name.slice(1);
  const endpointId = [...c.networks.values()][0]?.EndpointID ?? '';
  // ports are mapped only from a network with a way out (not `--internal`, not none)
  if (!target || !ns.uplink) {
    c.ports = sortPortMap(ports);
    return () => {};
  }
  for (const port of Object.keys(bindings).sort(comparePorts)) {
    const [privateStr, proto = 'tcp'] = port.split('/');
    const privatePort = Number(privateStr);
    const result: PortBinding[] = [];
    for (const b of bindings[port]!) {
      const hostIp = b.HostIp || '0.0.0.0';
      let hostPort = b.HostPort ? Number(b.HostPort.split('-')[0]) : 0;
      if (hostPort === 0) hostPort = ephemeralPort(d);
      if (d.hostNs.listening(hostPort, proto as 'tcp' | 'udp')) {
        for (const close of closers) close();
        throw systemError(
          `driver failed programming external connectivity on endpoint ${endpointName} (${endpointId}): Bind for ${hostIp}:${hostPort} failed: port is already allocated`,
        );
      }
      // docker-proxy: listen on the host, forward to the container as the gateway
      const listener = d.hostNs.bind(
        hostPort,
        {
          http: (req) => {
            const h = ns.listenerFor(target, privatePort);
            if (!h?.http) return { status: 502, headers: {}, body: '', statusText: 'reset' } as never;
            return h.http({ ...req, remoteAddress: gateway, localAddress: target, localPort: privatePort });
          },
          line: (line) => {
            const h = ns.listenerFor(target, privatePort);
            if (!h?.line) return '';
            return h.line(line, gateway);
          },
        },
        proto as 'tcp' | 'udp',
        hostIp,
      );
      closers.push(() => listener.close());
      result.push({ HostIp: hostIp, HostPort: String(hostPort) });
      // Docker 28 on a host with IPv6 also binds [::] when no address was given
      if (!b.HostIp) result.push({ HostIp: '::', HostPort: String(hostPort) });
    }
    ports[port] = result;
  }
  c.ports = sortPortMap(ports);
  return () => {
    for (const close of closers) close();
  };
}

function ephemeralPort(d: Daemon): number {
  for (let p = EPHEMERAL_FIRST; p <= EPHEMERAL_LAST; p++) {
    if (!d.hostNs.listening(p) && !d.usedEphemeral.has(p)) {
      d.usedEphemeral.add(p);
      return p;
    }
  }
  throw conflict('no available ports');
}

function comparePorts(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortPortMap(ports: PortMap): PortMap {
  const out: PortMap = {};
  for (const k of Object.keys(ports).sort(comparePorts)) out[k] = ports[k]!;
  return out;
}

/**
 * How a process in the container resolves a name: /etc/hosts, then the embedded DNS
 * of its user-defined networks, then — when it has a way out — the lab's resolver.
 */
export function resolveFromContainer(
  d: Daemon,
  c: Container,
  host: string,
  ns: NetNamespace | undefined = c.running?.ns,
): string | undefined {
  try {
    const hosts = c.fs.readFile('/etc/hosts');
    for (const line of hosts.split('\n')) {
      const fields = line.replace(/#.*/, '').trim().split(/\s+/);
      if (fields.length >= 2 && fields.slice(1).includes(host) && /^\d+\.\d+\.\d+\.\d+$/.test(fields[0]!))
        return fields[0];
    }
  } catch {
    // no /etc/hosts
  }
  const internal = d.networks.resolveFrom(c.id, host);
  if (internal !== undefined) return internal;
  return ns?.uplink ? d.labResolve(host) : undefined;
}

/** /etc/hosts, /etc/hostname and /etc/resolv.conf as Docker 28 writes them. */
export function writeNetworkFiles(d: Daemon, c: Container): void {
  const fs = c.fs;
  const hostname = c.config.Hostname + (c.config.Domainname ? `.${c.config.Domainname}` : '');
  const mode = c.hostConfig.NetworkMode;
  if (mode.startsWith('container:')) {
    // the files of the container whose namespace it shares
    const other = d.findContainer(mode.slice('container:'.length));
    for (const path of ['/etc/hosts', '/etc/hostname', '/etc/resolv.conf']) {
      const text = other ? safeReadFs(other.fs, path) : undefined;
      if (text !== undefined) write(fs, path, text);
    }
    return;
  }
  const extra = extraHosts(d, c);
  if (mode === 'host') {
    // the host's own hosts file, unless --add-host asked for entries of its own
    write(
      fs,
      '/etc/hosts',
      extra.length > 0 ? buildHosts(extra) : (safeRead(d, '/etc/hosts') ?? buildHosts([])),
    );
    write(fs, '/etc/hostname', `${hostname}\n`);
    writeResolvConf(d, c, 'host');
    return;
  }
  const own: HostsRecord[] = [];
  for (const name of c.networks.keys()) {
    const network = d.networks.byName(name);
    const endpoint = network?.endpoints.get(c.id);
    if (network && endpoint) own.push(...ownRecords(c, network, endpoint));
  }
  write(fs, '/etc/hosts', buildHosts([...extra, ...legacyLinks(d, c), ...own]));
  write(fs, '/etc/hostname', `${hostname}\n`);
  writeResolvConf(d, c, usesEmbeddedDns(d, c) ? 'internal' : 'legacy');
}

/** `--add-host name:ip` (or `name=ip`); `host-gateway` is the default bridge's gateway. */
function extraHosts(d: Daemon, c: Container): HostsRecord[] {
  return (c.hostConfig.ExtraHosts ?? []).map((entry) => {
    const sep = /[=:]/.exec(entry)?.index ?? entry.length;
    const name = entry.slice(0, sep);
    let ip = entry.slice(sep + 1);
    if (ip === 'host-gateway') ip = d.networks.byName('bridge')?.pools[0]?.gateway ?? ip;
    return { ip, hosts: name };
  });
}

/**
 * addLegacyLinks: on the default bridge, `--link name:alias` puts the linked
 * container in /etc/hosts under its alias, hostname and name.
 * Differs from Docker: no `ALIAS_PORT_…` environment variables, because nothing in
 * the lessons reads them and they are deprecated.
 */
function legacyLinks(d: Daemon, c: Container): HostsRecord[] {
  if (!c.networks.has('bridge')) return [];
  const out: HostsRecord[] = [];
  for (const link of c.hostConfig.Links ?? []) {
    const [rawName = '', rawAlias = rawName] = link.split(':');
    const childName = rawName.replace(/^\//, '');
    const alias = rawAlias.split('/').pop()!;
    const child = d.findContainer(childName);
    if (!child) continue;
    if (!child.isRunning)
      throw systemError(`Cannot link to a non running container: ${child.name} AS ${c.name}/${alias}`);
    const ip = child.networks.get('bridge')?.IPAddress;
    if (!ip) continue;
    let hosts = `${alias} ${child.config.Hostname}`;
    if (alias !== child.name.slice(1)) hosts += ` ${child.name.slice(1)}`;
    out.push({ ip, hosts });
  }
  return out;
}

function write(fs: Container['fs'], path: string, text: string): void {
  if (!fs.stat('/etc')) fs.mkdir('/etc', { parents: true });
  fs.writeFile(path, text, { mode: 0o644 });
}

function safeRead(d: Daemon, path: string): string | undefined {
  return safeReadFs(d.hostFs, path);
}

function safeReadFs(fs: Container['fs'], path: string): string | undefined {
  try {
    return fs.readFile(path);
  } catch {
    return undefined;
  }
}
