/**
 * Load balancing as IPVS does it for swarm services (libnetwork service_linux.go):
 * a virtual server answers on an address — a service's VIP on an overlay segment —
 * and hands each connection to the next of its real servers, round robin (IPVS's
 * `rr`, the scheduler libnetwork programs). The same picking serves the routing mesh,
 * where a node's published port forwards to the tasks' ingress addresses.
 *
 * Differs from Docker: no connection tracking or persistence; each connection (each
 * HTTP request) is a new pick.
 */
import type { Listener } from '../process/types.ts';
import { NetError } from '../process/types.ts';
import { NetNamespace, type Fabric } from './namespace.ts';

type Handler = Omit<Listener, 'port' | 'close' | 'protocol'>;

/** A real server: an address on a segment of the fabric. */
export interface Backend {
  segment: string;
  ip: string;
}

/** Round robin over the backends as they are now (they change as tasks come and go). */
export class RoundRobin {
  #next = 0;

  pick(backends: readonly Backend[]): Backend | undefined {
    if (backends.length === 0) return undefined;
    const b = backends[this.#next % backends.length];
    this.#next = (this.#next + 1) % backends.length;
    return b;
  }
}

/**
 * A handler that forwards a connection to `port` of the next backend, the backend
 * seeing `source()` as the client (the client itself behind a VIP; the node's ingress
 * sandbox behind the routing mesh).
 */
export function balancedHandler(
  fabric: Fabric,
  backends: () => Backend[],
  rr: RoundRobin,
  port: number,
  source?: () => string | undefined,
): Handler {
  const target = () => {
    const b = rr.pick(backends());
    if (!b) throw new NetError('ECONNREFUSED', `connection refused: no backend for port ${port}`);
    const h = fabric.on(b.segment, b.ip)?.listenerFor(b.ip, port);
    if (!h) throw new NetError('ECONNREFUSED', `connection refused: ${b.ip}:${port}`);
    return { h, ip: b.ip };
  };
  return {
    http: (req) => {
      const { h, ip } = target();
      if (!h.http) throw new NetError('ECONNREFUSED', `connection refused: ${ip}:${port}`);
      return h.http({
        ...req,
        remoteAddress: source?.() ?? req.remoteAddress,
        localAddress: ip,
        localPort: port,
      });
    },
    line: (line, from) => {
      const { h, ip } = target();
      if (!h.line) throw new NetError('ECONNREFUSED', `connection refused: ${ip}:${port}`);
      return h.line(line, source?.() ?? from);
    },
  };
}

/** A service's VIP on an overlay segment: every port answers, balanced across the tasks. */
export class VirtualServer extends NetNamespace {
  readonly #backends: () => Backend[];
  readonly #rr = new RoundRobin();

  constructor(name: string, fabric: Fabric, vip: Backend, backends: () => Backend[]) {
    super(name, fabric);
    this.#backends = backends;
    this.addInterface({ ip: vip.ip, segment: vip.segment });
  }

  override listenerFor(_ip: string, port: number, protocol: 'tcp' | 'udp' = 'tcp'): Handler | undefined {
    if (protocol !== 'tcp') return undefined;
    return balancedHandler(this.fabric, this.#backends, this.#rr, port);
  }
}
