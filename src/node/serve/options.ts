/**
 * `dockersim serve`'s flags. The simulated engine answers anyone who can reach it and
 * asks no credentials, like dockerd on a TCP port without TLS: it listens on a Unix
 * socket, or on a loopback address only.
 */
import { resolve } from 'node:path';

export const SERVE_USAGE = `serve [--socket PATH | --port N [--host 127.0.0.1|::1|localhost]]
        [--nodes N|a,b,c] [--addresses A,B,C] [--images a:tag,b:tag] [--seed S] [--share DIR]
        [--no-ports] [--log-requests FILE] [--lesson LESSON[#EXERCISE]]
                 Serve the simulated engine's API for the real docker CLI:
                 export DOCKER_HOST=unix://PATH (default ./dockersim.sock), or
                 tcp://127.0.0.1:N with --port. With --nodes, each node's daemon gets
                 its own socket (PATH-node2.sock, …) or port (N+1, …).
                 --images: images already on every node (default: none; the others
                 are pulled from the simulated registry). --share: bind mounts may
                 name files under DIR (default: the current folder); they are
                 copied into the lab when the container is created. The first
                 node's published ports answer on 127.0.0.1 (HTTP), unless --no-ports.
                 --log-requests: append each request the daemons receive to FILE,
                 one JSON object a line (node, method, path, query, body).
                 --lesson: the lab a lesson page starts with (its nodes, images,
                 starter files, written to the --share folder, and lab.setup), and with
                 #EXERCISE that exercise's setup too; check it with dockersim grade.
`;

export type Listen = { kind: 'socket'; path: string } | { kind: 'tcp'; host: string; port: number };

export interface ServeOptions {
  /** node1's address; the others follow it */
  listen: Listen;
  nodes?: number | string[];
  addresses?: string[];
  images?: string[];
  seed?: string;
  /** the folder whose files bind mounts may name (the current one by default) */
  share?: string;
  /** forward the first node's published ports to the machine's 127.0.0.1 (on by default) */
  ports?: boolean;
  /** the file each request received is appended to, as a JSON line */
  logRequests?: string;
  /** `LESSON[#EXERCISE]`: serve the lab that lesson (and exercise) starts with */
  lesson?: string;
}

export class UsageError extends Error {}

/** The loopback names a TCP server may bind to. */
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function parseServeArgs(args: readonly string[], cwd: string = process.cwd()): ServeOptions {
  let socket: string | undefined;
  let port: number | undefined;
  let host: string | undefined;
  let nodes: number | string[] | undefined;
  let addresses: string[] | undefined;
  let images: string[] | undefined;
  let seed: string | undefined;
  let share: string | undefined;
  let ports = true;
  let logRequests: string | undefined;
  let lesson: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (name !== arg) return arg.slice(eq + 1);
      const v = args[++i];
      if (v === undefined) throw new UsageError(`flag needs an argument: ${arg}`);
      return v;
    };
    switch (name) {
      case '--socket':
        socket = value();
        if (socket === '') throw new UsageError('--socket needs a path');
        break;
      case '--port': {
        const v = value();
        port = /^\d+$/.test(v) ? Number(v) : NaN;
        if (!(port >= 1 && port <= 65535))
          throw new UsageError(`invalid --port ${v}: a TCP port is 1 to 65535`);
        break;
      }
      case '--host':
        host = value();
        break;
      case '--nodes': {
        const v = value();
        nodes = /^\d+$/.test(v) ? Number(v) : v.split(',').filter(Boolean);
        if (typeof nodes === 'number' && (nodes < 1 || nodes > 9))
          throw new UsageError('--nodes must be between 1 and 9');
        if (Array.isArray(nodes) && (nodes.length === 0 || nodes.some((n) => !/^[a-z][a-z0-9-]*$/.test(n))))
          throw new UsageError('--nodes takes a count or node names (lower-case letters, digits, -)');
        break;
      }
      case '--addresses':
        addresses = value().split(',').filter(Boolean);
        if (!addresses.every((ip) => /^\d{1,3}(\.\d{1,3}){3}$/.test(ip)))
          throw new UsageError('--addresses takes IPv4 addresses separated by commas');
        break;
      case '--images':
        images = value().split(',').filter(Boolean);
        break;
      case '--seed':
        seed = value();
        break;
      case '--no-ports':
        if (name !== arg) throw new UsageError('--no-ports takes no value');
        ports = false;
        break;
      case '--share':
        share = value();
        if (share === '') throw new UsageError('--share needs a folder');
        break;
      case '--lesson':
        lesson = value();
        if (lesson === '')
          throw new UsageError('--lesson needs a lesson, like containers/run-your-first-container');
        break;
      case '--log-requests':
        logRequests = value();
        if (logRequests === '') throw new UsageError('--log-requests needs a file');
        break;
      default:
        throw new UsageError(arg.startsWith('-') ? `unknown flag: ${arg}` : `unexpected argument: ${arg}`);
    }
  }
  if (socket !== undefined && (port !== undefined || host !== undefined))
    throw new UsageError('--socket and --port/--host are exclusive: serve on a Unix socket or on a TCP port');
  if (host !== undefined && port === undefined) throw new UsageError('--host needs --port');
  if (lesson !== undefined && (nodes !== undefined || images !== undefined))
    throw new UsageError(
      "--lesson makes the lesson's lab: its nodes and images are the lesson's, not --nodes/--images",
    );
  if (host !== undefined && !LOOPBACK.has(host))
    throw new UsageError(
      `refusing to listen on ${host}: the simulated engine asks no credentials, so it listens on a loopback address only (127.0.0.1, ::1 or localhost)`,
    );
  const count = typeof nodes === 'number' ? nodes : (nodes?.length ?? 1);
  if (port !== undefined && port + count - 1 > 65535)
    throw new UsageError(`--port ${port} leaves no port for node ${count}`);
  const listen: Listen =
    port !== undefined
      ? { kind: 'tcp', host: host ?? '127.0.0.1', port }
      : { kind: 'socket', path: resolve(cwd, socket ?? 'dockersim.sock') };
  return {
    listen,
    nodes,
    addresses,
    images,
    seed,
    share: resolve(cwd, share ?? '.'),
    ...(ports ? {} : { ports }),
    ...(logRequests === undefined ? {} : { logRequests: resolve(cwd, logRequests) }),
    ...(lesson === undefined ? {} : { lesson }),
  };
}

/** Where node `index` (0 for node1) listens: the next port, or `PATH-<node>.sock`. */
export function nodeListen(first: Listen, index: number, name: string): Listen {
  if (index === 0) return first;
  if (first.kind === 'tcp') return { ...first, port: first.port + index };
  const base = first.path.endsWith('.sock') ? first.path.slice(0, -5) : first.path;
  return { kind: 'socket', path: `${base}-${name}.sock` };
}

/** The DOCKER_HOST a client sets to reach `listen`. */
export function dockerHost(listen: Listen): string {
  if (listen.kind === 'socket') return `unix://${listen.path}`;
  const host = listen.host === '::1' ? '[::1]' : listen.host;
  return `tcp://${host}:${listen.port}`;
}
