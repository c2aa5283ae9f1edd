/**
 * A starting container's network (moby daemon/container_operations.go
 * initializeNetworking + allocateNetwork): its namespace, an address on each of its
 * networks, its published ports (docker-proxy listening on the host and forwarding),
 * and the files Docker writes for it (/etc/hosts, /etc/hostname, /etc/resolv.conf).
 */
import type { EndpointSettings, PortBinding, PortMap } from '../api/types/container.ts';
import { conflict, systemError } from '../errdefs.ts';
import { NetNamespace } from '../network/namespace.ts';
import type { Container } from './container.ts';
import type { Daemon } from './daemon.ts';

/** Linux's default ephemeral port range, where `-P` and `-p 80` pick host ports. */
const EPHEMERAL_FIRST = 32768;
const EPHEMERAL_LAST = 60999;

export interface NetworkSetup {
  ns: NetNamespace;
  unpublish: () => void;
}

export function setupNetworking(d: Daemon, c: Container): NetworkSetup {
  const mode = c.hostConfig.NetworkMode;
  if (mode === 'host') {
    c.ports = {};
    return { ns: d.hostNs, unpublish: () => {} };
  }
  if (mode.startsWith('container:')) {
    const other = d.containers.get(mode.slice('container:'.length));
    if (!other?.running) {
      throw systemError(
        `cannot join network namespace of a non running container: ${mode.slice('container:'.length)}`,
      );
    }
    return { ns: other.running.ns, unpublish: () => {} };
  }
  const ns = new NetNamespace(c.id, d.fabric, mode === 'none' ? {} : { uplink: d.hostNs });
  ns.resolver = (host) => resolveFromContainer(d, c, host);
  c.sandboxId = d.random.hex(64);
  for (const [name, settings] of c.networks) {
    const network = d.networks.get(name);
    const endpoint = network.endpoints.get(c.id);
    if (!endpoint) continue;
    d.networks.activate(network, endpoint, ns);
    fillEndpoint(settings, {
      EndpointID: endpoint.endpointId,
      MacAddress: endpoint.macAddress,
      IPAddress: endpoint.ip,
      IPPrefixLen: network.subnet?.prefix ?? 0,
      Gateway: network.gateway ?? '',
      DNSNames:
        network.isDefaultBridge || !network.subnet
          ? null
          : [c.name.slice(1), c.id.slice(0, 12), ...endpoint.aliases],
    });
  }
  try {
    return { ns, unpublish: publishPorts(d, c, ns) };
  } catch (err) {
    teardownNetworking(d, c, ns);
    throw err;
  }
}

function fillEndpoint(settings: EndpointSettings, values: Partial<EndpointSettings>): void {
  Object.assign(settings, values);
}

export function teardownNetworking(d: Daemon, c: Container, ns: NetNamespace | undefined): void {
  for (const [name, settings] of c.networks) {
    const network = d.networks.find(name);
    const endpoint = network?.endpoints.get(c.id);
    if (network && endpoint) d.networks.deactivate(network, endpoint, ns === d.hostNs ? undefined : ns);
    fillEndpoint(settings, {
      EndpointID: '',
      MacAddress: '',
      IPAddress: '',
      IPPrefixLen: 0,
      Gateway: '',
      DNSNames: null,
    });
  }
  if (ns && ns !== d.hostNs && !c.hostConfig.NetworkMode.startsWith('container:')) ns.teardown();
  c.ports = {};
  c.sandboxId = '';
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
          `failed to set up container networking: driver failed programming external connectivity on endpoint ${endpointName} (${endpointId}): Bind for ${hostIp}:${hostPort} failed: port is already allocated`,
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

/** How a process in the container resolves a name: /etc/hosts, then the embedded DNS, then the lab. */
export function resolveFromContainer(d: Daemon, c: Container, host: string): string | undefined {
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
  return d.networks.resolveFrom(c.id, host) ?? d.labResolve(host);
}

/** /etc/hosts, /etc/hostname and /etc/resolv.conf as Docker 28 writes them. */
export function writeNetworkFiles(d: Daemon, c: Container): void {
  const fs = c.fs;
  const hostname = c.config.Hostname + (c.config.Domainname ? `.${c.config.Domainname}` : '');
  if (c.hostConfig.NetworkMode === 'host') {
    const hostHosts = safeRead(d, '/etc/hosts') ?? `127.0.0.1\tlocalhost\n`;
    write(fs, '/etc/hosts', hostHosts);
    write(fs, '/etc/hostname', `${d.hostname}\n`);
    write(fs, '/etc/resolv.conf', safeRead(d, '/etc/resolv.conf') ?? '');
    return;
  }
  const lines = [
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::\tip6-localnet',
    'ff00::\tip6-mcastprefix',
    'ff02::1\tip6-allnodes',
    'ff02::2\tip6-allrouters',
  ];
  for (const extra of c.hostConfig.ExtraHosts ?? []) {
    const [name, ip] = extra.split(':');
    lines.push(`${ip}\t${name}`);
  }
  const ip = primaryIp(c);
  if (ip) lines.push(`${ip}\t${hostname}`);
  write(fs, '/etc/hosts', lines.join('\n') + '\n');
  write(fs, '/etc/hostname', `${hostname}\n`);
  const userDefined = [...c.networks.keys()].some((n) => {
    const net = d.networks.find(n);
    return net && !net.isDefaultBridge && !!net.subnet;
  });
  const hostResolv = safeRead(d, '/etc/resolv.conf') ?? 'nameserver 8.8.8.8\n';
  const servers = hostResolv
    .split('\n')
    .filter((l) => l.startsWith('nameserver'))
    .map((l) => l.split(/\s+/)[1]);
  const resolv = userDefined
    ? `# Generated by Docker Engine.\n# This file can be edited; Docker Engine will not make further changes once it\n# has been modified.\n\nnameserver 127.0.0.11\noptions ndots:0\n\n# Based on host file: '/etc/resolv.conf' (internal resolver)\n# ExtServers: [${servers.join(' ')}]\n# Overrides: []\n# Option ndots from: internal\n`
    : `# Generated by Docker Engine.\n# This file can be edited; Docker Engine will not make further changes once it\n# has been modified.\n\n${servers.map((s) => `nameserver ${s}`).join('\n')}\n\n# Based on host file: '/etc/resolv.conf' (legacy)\n# Overrides: []\n`;
  write(fs, '/etc/resolv.conf', resolv);
}

function write(fs: Container['fs'], path: string, text: string): void {
  if (!fs.stat('/etc')) fs.mkdir('/etc', { parents: true });
  fs.writeFile(path, text, { mode: 0o644 });
}

function safeRead(d: Daemon, path: string): string | undefined {
  try {
    return d.hostFs.readFile(path);
  } catch {
    return undefined;
  }
}
