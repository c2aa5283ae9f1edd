/**
 * `dockersim serve`: a simulated lab whose daemons answer the real docker CLI. One
 * engine (one clock following wall time, one lab network); each node's Engine API on its
 * own Unix socket or loopback port. `startServe` does the work and is what tests call
 * in process; `serveCommand` is the command line around it.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, lstatSync, unlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { createLab, type Lab } from '../../sim-engine/index.ts';
import { API_VERSION, ENGINE_VERSION } from '../../sim-engine/api/version.ts';
import { followWallClock } from './clock.ts';
import {
  dockerHost,
  nodeListen,
  parseServeArgs,
  SERVE_USAGE,
  UsageError,
  type Listen,
  type ServeOptions,
} from './options.ts';
import { createDaemonServer, type DaemonServer } from './server.ts';
import { forwardPorts, type PortForwarder } from './ports.ts';
import { bindSources, shareSources } from './share.ts';
import { catchUp, labFolder, lessonLab, runSetup, SETUP_LEAD_MS, writeLabFolder } from './lesson.ts';
import { GradeUsageError } from '../grade.ts';
import { requestLog, RequestLogError } from './request-log.ts';

export interface Endpoint {
  node: string;
  listen: Listen;
  /** what DOCKER_HOST is set to, to reach it */
  dockerHost: string;
}

export interface Served {
  lab: Lab;
  endpoints: Endpoint[];
  /** the first node's published ports forwarded to the machine's loopback now */
  ports(): number[];
  /** look for newly published ports at once */
  refreshPorts(): Promise<void>;
  close(): Promise<void>;
}

const CREATE = /^(?:\/v[0-9.]+)?\/containers\/create$/;

/** Is something answering on this Unix socket? A socket file nobody listens on is stale. */
function socketInUse(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const c = connect(path);
    c.once('connect', () => {
      c.destroy();
      resolve(true);
    });
    c.once('error', () => resolve(false));
  });
}

async function listen({ server }: DaemonServer, at: Listen): Promise<void> {
  if (at.kind === 'socket' && existsSync(at.path)) {
    if (!lstatSync(at.path).isSocket()) throw new Error(`${at.path} exists and is not a socket`);
    if (await socketInUse(at.path)) throw new Error(`${at.path}: another server is listening on it`);
    unlinkSync(at.path);
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    const done = () => {
      server.off('error', reject);
      resolve();
    };
    if (at.kind === 'socket') server.listen(at.path, done);
    else server.listen(at.port, at.host, done);
  });
}

export async function startServe(
  options: ServeOptions,
  log: (line: string) => void = () => {},
): Promise<Served> {
  const lesson = options.lesson === undefined ? undefined : lessonLab(options.lesson);
  const lab = createLab({
    nodes: options.nodes ?? lesson?.nodes,
    addresses: options.addresses,
    images: options.images ?? lesson?.images,
    files: lesson?.files,
    seed: options.seed ?? randomUUID(),
    // the CLI prints "5 seconds ago" against the machine's clock: the engine starts at it,
    // or, for a lesson, a little before, so its setup is done by the machine's now
    start: lesson ? Date.now() - SETUP_LEAD_MS : Date.now(),
  });
  const engine = lab.engine;
  if (lesson) {
    // on virtual time that jumps, as `dockersim verify` runs it, before wall time leads
    await runSetup(engine, lesson.setup);
    await catchUp(engine, Date.now());
    for (const said of writeLabFolder(labFolder(engine), options.share ?? process.cwd())) log(said);
  }
  const clock = followWallClock(engine.clock);
  const servers: DaemonServer[] = [];
  // a bind source is copied to every node: a service's task may land on any of them
  const filesystems = engine.hosts.map((h) => h.fs);
  const endpoints: Endpoint[] = [];
  let ports: PortForwarder | undefined;
  const logRequest = options.logRequests === undefined ? undefined : requestLog(options.logRequests);
  const close = async () => {
    clock.dispose();
    await ports?.close();
    await Promise.all(servers.map((s) => s.close()));
    for (const e of endpoints)
      if (e.listen.kind === 'socket' && existsSync(e.listen.path)) unlinkSync(e.listen.path);
  };
  try {
    for (const [i, host] of engine.hosts.entries()) {
      const at = nodeListen(options.listen, i, host.name);
      const server = createDaemonServer({
        transport: host.api,
        clock,
        now: () => engine.clock.now(),
        log: (line) => log(`${host.name}: ${line}`),
        checkHost: at.kind === 'tcp',
        observe: logRequest && ((request) => logRequest(host.name, request)),
        beforeRoute: (request) => {
          if (request.method === 'POST' && CREATE.test(request.path) && request.wire)
            shareSources(bindSources(request.wire.body), options.share ?? process.cwd(), filesystems);
        },
      });
      await listen(server, at);
      servers.push(server);
      endpoints.push({ node: host.name, listen: at, dockerHost: dockerHost(at) });
    }
  } catch (err) {
    await close();
    throw err;
  }
  if (options.ports ?? true) {
    // the first node is the machine's: what it publishes answers on the machine's loopback
    const first = engine.hosts[0]!;
    ports = forwardPorts(
      { api: first.api, http: (port, request) => first.ns.http('127.0.0.1', port, request) },
      clock,
      { bind: '127.0.0.1', log },
    );
  }
  return {
    lab,
    endpoints,
    close,
    ports: () => ports?.ports() ?? [],
    refreshPorts: () => ports?.refresh() ?? Promise.resolve(),
  };
}

/** What the command prints once it listens. */
export function banner(endpoints: readonly Endpoint[]): string {
  const width = Math.max(...endpoints.map((e) => e.node.length));
  let out = `dockersim: a simulated Docker Engine ${ENGINE_VERSION} (API ${API_VERSION}) is listening\n`;
  for (const e of endpoints) out += `  ${e.node.padEnd(width)}  ${e.dockerHost}\n`;
  out += `\nUse it with your docker CLI:\n  export DOCKER_HOST=${endpoints[0]!.dockerHost}\n`;
  // the lessons reach another node's daemon over the lab network; here it is its own socket or port
  if (endpoints.length > 1)
    out += `A lesson's \`-H tcp://${endpoints[1]!.node}:2375\` is \`-H ${endpoints[1]!.dockerHost}\` here.\n`;
  out += `\nPress Ctrl-C to stop.\n`;
  return out;
}

export async function serveCommand(args: readonly string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`Usage:  dockersim ${SERVE_USAGE}`);
    return 0;
  }
  let options: ServeOptions;
  try {
    options = parseServeArgs(args);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`dockersim: ${err.message}\n\nUsage:  dockersim ${SERVE_USAGE}`);
    return 2;
  }
  let served: Served;
  try {
    served = await startServe(options, (line) => process.stderr.write(`dockersim: ${line}\n`));
  } catch (err) {
    if (err instanceof GradeUsageError) {
      process.stderr.write(`dockersim: ${err.message}\n`);
      return 2;
    }
    if (err instanceof RequestLogError) {
      process.stderr.write(`dockersim: ${err.message}\n`);
      return 1;
    }
    const e = err as NodeJS.ErrnoException;
    process.stderr.write(`dockersim: cannot listen: ${e.code ? `${e.code} ` : ''}${e.message}\n`);
    return 1;
  }
  process.stdout.write(banner(served.endpoints));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await served.close();
  return 0;
}
