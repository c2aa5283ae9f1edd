/**
 * Published ports on the machine: `docker run -p 8080:80 nginx` and then
 * `curl localhost:8080` works on the machine running the CLI, as it does on a Docker
 * host. For each TCP port the first node publishes (its containers' `-p`, its services'
 * `-p` through the routing mesh), a listener on the machine's loopback address passes
 * each HTTP request to the node's own network, where the simulated port answers, and
 * sends the answer back. The ports are found through the Engine API, twice a second.
 *
 * Differs from Docker: HTTP only (the simulation carries whole HTTP exchanges, not
 * bytes); loopback only; a port the machine already uses is not forwarded (said once on
 * stderr); only the first node's ports.
 */
import {
  createServer,
  STATUS_CODES,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { ApiTransport } from '../../sim-engine/api/transport.ts';
import type { HttpRequest, HttpResponse } from '../../sim-engine/process/types.ts';
import type { WallClock } from './clock.ts';

/** What the forwarder needs of a node: its API, and an HTTP client inside its network. */
export interface NodeNetwork {
  api: ApiTransport;
  http(
    port: number,
    request: Omit<HttpRequest, 'remoteAddress' | 'localAddress' | 'localPort'>,
  ): Promise<HttpResponse>;
}

export interface PortForwarder {
  /** the ports forwarded now */
  ports(): number[];
  /** look for published ports now (the forwarder also looks on its own) */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

interface ListedContainer {
  Ports?: { IP?: string; PublicPort?: number; Type?: string }[];
}
interface ListedService {
  Endpoint?: { Ports?: { Protocol?: string; PublishedPort?: number; PublishMode?: string }[] };
}

/** The TCP ports the node publishes on every address or on loopback. */
async function publishedPorts(api: ApiTransport): Promise<Set<number>> {
  const ports = new Set<number>();
  const containers = await api({ method: 'GET', path: '/containers/json', query: {} });
  for (const c of Array.isArray(containers.body) ? (containers.body as ListedContainer[]) : [])
    for (const p of c.Ports ?? [])
      if (p.Type === 'tcp' && p.PublicPort && ['0.0.0.0', '::', '127.0.0.1', '', undefined].includes(p.IP))
        ports.add(p.PublicPort);
  // a worker answers 503 here: its ingress ports are the managers' too
  const services = await api({ method: 'GET', path: '/services', query: {} });
  for (const s of Array.isArray(services.body) ? (services.body as ListedService[]) : [])
    for (const p of s.Endpoint?.Ports ?? [])
      if ((p.Protocol ?? 'tcp') === 'tcp' && p.PublishedPort && p.PublishMode !== 'host')
        ports.add(p.PublishedPort);
  return ports;
}

/** Node's response headers as the simulated server wrote them, in its order and case. */
function headerList(headers: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(headers)) out.push(k, v);
  return out;
}

export function forwardPorts(
  node: NodeNetwork,
  clock: WallClock,
  o: { bind: string; log: (line: string) => void; interval?: number },
): PortForwarder {
  const servers = new Map<number, Server>();
  /** ports the machine would not give us: tried once, said once */
  const refused = new Set<number>();
  let closed = false;

  async function answer(port: number, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers[req.rawHeaders[i]!] = req.rawHeaders[i + 1]!;
    await clock.catchUp();
    let reply: HttpResponse;
    try {
      reply = await node.http(port, {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
    } catch {
      // refused or unreachable inside the lab: the connection is reset, as on a host
      res.socket?.destroy();
      return;
    } finally {
      clock.poke();
    }
    res.sendDate = false;
    res.removeHeader('Connection');
    res.writeHead(
      reply.status,
      reply.statusText ?? STATUS_CODES[reply.status] ?? '',
      headerList(reply.headers),
    );
    res.end(req.method === 'HEAD' ? undefined : Buffer.from(reply.body, 'utf8'));
  }

  function open(port: number): void {
    const server = createServer((req, res) => {
      answer(port, req, res).catch(() => res.socket?.destroy());
    });
    server.on('error', (err: NodeJS.ErrnoException) => {
      servers.delete(port);
      if (!refused.has(port))
        o.log(`port ${port} is not forwarded to the machine: ${err.code ?? err.message}`);
      refused.add(port);
    });
    servers.set(port, server);
    server.listen(port, o.bind);
  }

  async function refresh(): Promise<void> {
    if (closed) return;
    let wanted: Set<number>;
    try {
      wanted = await publishedPorts(node.api);
    } catch {
      return;
    }
    for (const port of wanted) if (!servers.has(port) && !refused.has(port)) open(port);
    for (const [port, server] of servers)
      if (!wanted.has(port)) {
        servers.delete(port);
        server.close();
        server.closeAllConnections();
      }
    // a port given up may be asked for again once it is free on the machine
    for (const port of refused) if (!wanted.has(port)) refused.delete(port);
  }

  const timer = setInterval(() => void refresh(), o.interval ?? 500);
  timer.unref();
  return {
    ports: () => [...servers.keys()].sort((a, b) => a - b),
    refresh,
    async close() {
      closed = true;
      clearInterval(timer);
      await Promise.all(
        [...servers.values()].map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections();
            }),
        ),
      );
      servers.clear();
    },
  };
}
