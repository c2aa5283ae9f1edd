/**
 * Network namespaces and the lab's wiring between them. A namespace is what a
 * process sees: its interfaces, the ports it listens on, its resolver. A lab host
 * has one (its address on the lab network and a gateway address on every bridge);
 * each container has its own (an address per network it joined), or shares its host's
 * (`--network host`), or has only loopback (`--network none`).
 *
 * Reachability follows Docker's bridge rules: namespaces on the same segment (a
 * bridge, an overlay, the lab network) talk directly; a container reaches anything
 * beyond its networks through its host, masqueraded as the host (so it can reach other
 * lab hosts and the ports they publish, but not containers on another bridge); a
 * container without an uplink (`--network none`, only `--internal` networks) reaches
 * nothing beyond its own segments.
 */
import type { HttpRequest, HttpResponse, Listener, ProcessNetwork } from '../process/types.ts';
import { NetError } from '../process/types.ts';

export interface Interface {
  ip: string;
  /** which wire this address is on: `lab`, or a network's id */
  segment: string;
}

type Handler = Omit<Listener, 'port' | 'close' | 'protocol'>;

interface Bound {
  port: number;
  protocol: 'tcp' | 'udp';
  /** `0.0.0.0` for every interface, or one address */
  address: string;
  handler: Handler;
}

/**
 * Every namespace in a lab, by the wire (segment) its address is on. The same address
 * can exist on two wires: every node has its own docker0 with 172.17.0.1, and the
 * containers on one node's bridge never see those of another's.
 */
export class Fabric {
  readonly #segments = new Map<string, Map<string, NetNamespace>>();

  register(ns: NetNamespace, iface: Interface): void {
    let wire = this.#segments.get(iface.segment);
    if (!wire) this.#segments.set(iface.segment, (wire = new Map()));
    wire.set(iface.ip, ns);
  }

  unregister(iface: Interface): void {
    const wire = this.#segments.get(iface.segment);
    wire?.delete(iface.ip);
    if (wire?.size === 0) this.#segments.delete(iface.segment);
  }

  /** Who has `ip` on this segment. */
  on(segment: string, ip: string): NetNamespace | undefined {
    return this.#segments.get(segment)?.get(ip);
  }

  /** Is this address in use on this segment? */
  inUse(ip: string, segment: string): boolean {
    return this.#segments.get(segment)?.has(ip) ?? false;
  }
}

export class NetNamespace {
  readonly name: string;
  readonly fabric: Fabric;
  /**
   * a container's host, through which it reaches what is not on its own networks;
   * undefined when it has no way out (`--network none`, only `--internal` networks)
   */
  uplink: NetNamespace | undefined;
  readonly isHost: boolean;
  #interfaces: Interface[] = [];
  #bound: Bound[] = [];
  /** name resolution for processes here: DNS of the networks, /etc/hosts */
  resolver: (host: string) => string | undefined = () => undefined;

  constructor(name: string, fabric: Fabric, options: { uplink?: NetNamespace; isHost?: boolean } = {}) {
    this.name = name;
    this.fabric = fabric;
    this.uplink = options.uplink;
    this.isHost = options.isHost ?? false;
  }

  get interfaces(): readonly Interface[] {
    return this.#interfaces;
  }

  addInterface(iface: Interface): void {
    this.#interfaces.push(iface);
    this.fabric.register(this, iface);
  }

  /** Remove an address (on `segment`, or on whichever segment has it). */
  removeInterface(ip: string, segment?: string): void {
    const gone = this.#interfaces.find(
      (i) => i.ip === ip && (segment === undefined || i.segment === segment),
    );
    if (!gone) return;
    this.#interfaces = this.#interfaces.filter((i) => i !== gone);
    this.fabric.unregister(gone);
  }

  /** Drop every interface and listener (the container stopped). */
  teardown(): void {
    for (const i of this.#interfaces) this.fabric.unregister(i);
    this.#interfaces = [];
    this.#bound = [];
  }

  /** Is something listening here on this port (for `-p` conflicts and `ss`)? */
  listening(port: number, protocol: 'tcp' | 'udp' = 'tcp'): boolean {
    return this.#bound.some((b) => b.port === port && b.protocol === protocol);
  }

  bind(port: number, handler: Handler, protocol: 'tcp' | 'udp' = 'tcp', address = '0.0.0.0'): Listener {
    const bound: Bound = { port, protocol, address, handler };
    this.#bound.push(bound);
    return {
      port,
      protocol,
      ...handler,
      close: () => {
        this.#bound = this.#bound.filter((b) => b !== bound);
      },
    };
  }

  /** The listener that would accept a connection to `ip:port` in this namespace. */
  listenerFor(ip: string, port: number, protocol: 'tcp' | 'udp' = 'tcp'): Handler | undefined {
    const match = this.#bound.find(
      (b) =>
        b.port === port &&
        b.protocol === protocol &&
        (b.address === '0.0.0.0' || b.address === ip || (b.address === '127.0.0.1' && ip.startsWith('127.'))),
    );
    return match?.handler;
  }

  /** Resolve a host name as this namespace's resolver does. */
  resolve(host: string): string | undefined {
    if (host === 'localhost') return '127.0.0.1';
    if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return host;
    return this.resolver(host);
  }

  /**
   * Find who answers `ip:port` for a connection from here, and the source address it
   * sees. Returns undefined when the address is unreachable.
   */
  route(ip: string, viaUplink = false): { ns: NetNamespace; source: string } | undefined {
    if (ip.startsWith('127.')) return viaUplink ? undefined : { ns: this, source: '127.0.0.1' };
    if (this.#interfaces.some((i) => i.ip === ip)) return { ns: this, source: ip };
    for (const local of this.#interfaces) {
      const owner = this.fabric.on(local.segment, ip);
      if (owner) return { ns: owner, source: local.ip };
    }
    if (this.uplink && !viaUplink) {
      const host = this.uplink;
      // The host answers on any of its addresses, seen from the container's gateway.
      if (host.interfaces.some((i) => i.ip === ip)) return { ns: host, source: this.gatewayTo(host) ?? ip };
      // Beyond it, masqueraded as the host: other lab hosts answer, containers on
      // the host's other bridges do not (Docker's isolation rules).
      const through = host.route(ip, true);
      if (through && through.ns.isHost) return through;
    }
    return undefined;
  }

  /** Can a connection from here reach `ip` at all (ping)? */
  reachable(ip: string): boolean {
    return this.route(ip) !== undefined;
  }

  /** The address of `host` on one of our segments (a container's default gateway). */
  gatewayTo(host: NetNamespace): string | undefined {
    for (const mine of this.#interfaces) {
      const theirs = host.interfaces.find((i) => i.segment === mine.segment);
      if (theirs) return theirs.ip;
    }
    return undefined;
  }

  /** This namespace as its processes use it. */
  processView(): ProcessNetwork {
    return {
      listen: (port, handler, protocol = 'tcp') => this.bind(port, handler, protocol),
      resolve: (host) => this.resolve(host),
      http: (host, port, request) => this.http(host, port, request),
      line: (host, port, line) => this.line(host, port, line),
      addresses: () => this.#interfaces.map((i) => i.ip),
    };
  }

  async http(
    host: string,
    port: number,
    request: Omit<HttpRequest, 'remoteAddress' | 'localAddress' | 'localPort'>,
  ): Promise<HttpResponse> {
    const { handler, source, ip } = this.connect(host, port);
    if (!handler.http) throw new NetError('ECONNREFUSED', `connection refused: ${host}:${port}`);
    return handler.http({ ...request, remoteAddress: source, localAddress: ip, localPort: port });
  }

  async line(host: string, port: number, line: string): Promise<string> {
    const { handler, source } = this.connect(host, port);
    if (!handler.line) throw new NetError('ECONNREFUSED', `connection refused: ${host}:${port}`);
    return handler.line(line, source);
  }

  private connect(host: string, port: number): { handler: Handler; source: string; ip: string } {
    const ip = this.resolve(host);
    if (ip === undefined) throw new NetError('ENOTFOUND', `could not resolve host: ${host}`);
    const target = this.route(ip);
    if (!target) throw new NetError('ETIMEDOUT', `no route to ${ip}`);
    const handler = target.ns.listenerFor(ip, port);
    if (!handler) throw new NetError('ECONNREFUSED', `connection refused: ${ip}:${port}`);
    return { handler, source: target.source, ip };
  }
}
