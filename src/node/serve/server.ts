/**
 * One simulated daemon on the wire: a Node HTTP server in front of a node's Engine API
 * router. Each request is read (request.ts), handed to the router after the engine's
 * clock has caught up with wall time, and answered (response.ts); attach and exec start
 * take the connection over (hijack.ts). Whatever a client sends, the answer is a
 * well-formed HTTP response: a failure inside the engine is a 500 with its message.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { commonHeaders, fromError, pageNotFound } from '../../sim-engine/api/router.ts';
import type { ApiRequest, ApiResponse, ApiTransport } from '../../sim-engine/api/transport.ts';
import type { WallClock } from './clock.ts';
import { settle } from './clock.ts';
import { goHeaderList, statusText } from './headers.ts';
import { hijackKind, pipeHijacked, rawError, SocketReader, TtyEcho, upgradedHead } from './hijack.ts';
import { apiRequest, BodyTooLarge, isApiMethod, readBody, readTarget } from './request.ts';
import { bodyBytes, goJson, writeHead, writeResponse } from './response.ts';
import type { TarArchive } from '../../sim-engine/daemon/archive.ts';
import { parseTar, TarError } from './tar.ts';

export interface DaemonServerOptions {
  transport: ApiTransport;
  clock: WallClock;
  /** virtual now, ms */
  now: () => number;
  /** the largest request body taken, bytes */
  maxBody?: number;
  /** where to say what failed inside the engine (a 500, a stream that broke off) */
  log?: (line: string) => void;
  /** told of each request before the router sees it (serve.ts shares bind sources) */
  beforeRoute?: (request: ApiRequest) => void;
}

/** 64 MiB: a lab's build context or `docker cp` upload, with room to spare. */
export const DEFAULT_MAX_BODY = 64 * 1024 * 1024;

/** Go's MaxHeaderBytes (1 MiB) plus the 4096 bytes of slack net/http allows. */
const MAX_HEADER_SIZE = (1 << 20) + 4096;

/** Bodies that are tar streams: the build context, and an upload of `docker cp`. */
function tarBody(method: string, path: string): boolean {
  const p = path.replace(/^\/v[0-9.]+/, '');
  return (
    (method === 'POST' && p === '/build') || (method === 'PUT' && /^\/containers\/[^/]+\/archive$/.test(p))
  );
}

/**
 * The build route's body from a classic `/build` request: the legacy builder finds the
 * Dockerfile (the `dockerfile` parameter, `Dockerfile` by default) and .dockerignore in
 * the context tar; the route takes the Dockerfile's text apart, as BuildKit's session
 * sends it.
 */
function buildBody(context: TarArchive, rawQuery: string): unknown {
  const name = (new URLSearchParams(rawQuery).get('dockerfile') || 'Dockerfile').replace(/^(\.\/)+/, '');
  const find = (path: string) => context.entries.find((e) => e.kind === 'file' && e.path === path);
  const ignore = find('.dockerignore');
  return {
    context,
    dockerfile: find(name)?.data,
    dockerignoreSize: ignore ? Buffer.byteLength(ignore.data ?? '') : 0,
  };
}

/** `/containers/{name}/wait` answers its headers as soon as the wait is set up. */
const isWait = (method: string, path: string) =>
  method === 'POST' && /^(?:\/v[0-9.]+)?\/containers\/[^/]+\/wait$/.test(path);

/** What a request's headers, body and target become: an ApiRequest, or a response already. */
type Prepared = { request: ApiRequest } | { response: ApiResponse; close?: boolean };

/** A response dockerd's router never produced: the server's own (400, 413, 301). */
function plain(status: number, headers: Record<string, string>, body?: unknown): ApiResponse {
  return { status, headers, body };
}

function prepare(req: IncomingMessage, body: Buffer | BodyTooLarge): Prepared {
  if (body instanceof BodyTooLarge) {
    // Differs from Docker: dockerd takes a body of any size; this server holds bodies in
    // memory, so past a limit it refuses them as Go's MaxBytesReader would
    return {
      response: plain(
        413,
        { 'Content-Type': 'application/json', ...commonHeaders() },
        { message: body.message },
      ),
      close: true,
    };
  }
  const target = readTarget(req.url ?? '/');
  if (target.kind === 'bad')
    return {
      response: plain(400, { 'Content-Type': 'text/plain; charset=utf-8' }, '400 Bad Request'),
      close: true,
    };
  if (target.kind === 'redirect') return { response: plain(301, { Location: target.location }) };
  const method = req.method ?? 'GET';
  // a method no route has: mux's MethodNotAllowedHandler, which is its 404
  if (!isApiMethod(method)) return { response: pageNotFound() };
  const request = apiRequest(req, method, target, body instanceof Buffer ? body : Buffer.alloc(0));
  if (tarBody(method, target.path) && body.length > 0) {
    try {
      // an upload is the archive itself; a build's context carries its Dockerfile
      request.wire!.decodedBody =
        method === 'PUT' ? parseTar(body) : buildBody(parseTar(body), target.rawQuery);
    } catch (err) {
      if (!(err instanceof TarError)) throw err;
      return {
        response: plain(
          400,
          { 'Content-Type': 'application/json', ...commonHeaders() },
          { message: err.message },
        ),
      };
    }
  }
  return { request };
}

export interface DaemonServer {
  server: Server;
  /** stop listening and end every connection, hijacked ones too */
  close(): Promise<void>;
}

export function createDaemonServer(options: DaemonServerOptions): DaemonServer {
  const maxBody = options.maxBody ?? DEFAULT_MAX_BODY;
  const { transport, clock, now } = options;
  const log = options.log ?? (() => {});
  const failed = (what: string) => (err: unknown) =>
    log(`${what}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);

  /** The router's answer; an engine that throws is a 500, as a panicking handler is not. */
  async function route(request: ApiRequest): Promise<ApiResponse> {
    await clock.catchUp();
    try {
      options.beforeRoute?.(request);
      const response = await transport(request);
      if (response.status >= 500)
        log(`${request.method} ${request.path}: ${response.status} ${errorMessage(response)}`);
      return response;
    } catch (err) {
      failed(`${request.method} ${request.path}`)(err);
      return fromError(err);
    } finally {
      clock.poke();
    }
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req, maxBody).catch((err: unknown) => {
      if (err instanceof BodyTooLarge) return err;
      throw err;
    });
    const prepared = prepare(req, body);
    const head = req.method === 'HEAD';
    const ctx = {
      head,
      now,
      // events and stats go through json.Encoder; pull, push and build through streamformatter
      messageNewline: /\/(events|stats)$/.test(req.url?.split('?')[0] ?? '') ? '\n' : '\r\n',
      onError: failed(`${req.method} ${req.url}`),
    };
    if ('response' in prepared) {
      if (prepared.close) res.shouldKeepAlive = false;
      await writeResponse(res, prepared.response, ctx);
      return;
    }
    const { request } = prepared;
    const kind = hijackKind(request.method, request.path);
    if (kind) {
      // a client that asks no upgrade still gets the connection taken over, output only
      await hijack(req.socket, request, kind, false);
      return;
    }
    const pending = route(request);
    if (isWait(request.method, request.path)) {
      const early = await Promise.race([pending, settle().then(() => undefined)]);
      if (early === undefined) {
        // the wait is set up: headers now (postContainersWait flushes them), the body at the exit
        writeHead(
          res,
          200,
          { ...commonHeaders(), 'Content-Type': 'application/json' },
          { now: now(), chunked: true },
        );
        res.flushHeaders();
        const done = await pending;
        res.end(
          done.status === 200
            ? bodyBytes(done)
            : goJson({ Error: { Message: errorMessage(done) }, StatusCode: -1 }),
        );
        return;
      }
    }
    await writeResponse(res, await pending, ctx);
  }

  /** Attach or exec start on a socket now ours: the 101, then the stream. */
  async function hijack(
    socket: Duplex,
    request: ApiRequest,
    kind: 'attach' | 'exec',
    upgrade: boolean,
    echo?: TtyEcho,
  ): Promise<void> {
    const response = await route(request);
    const stream = response.stream;
    if (response.status === 101 && stream?.kind === 'output') {
      const type = response.headers['Content-Type'] ?? 'application/vnd.docker.raw-stream';
      socket.write(
        upgrade
          ? upgradedHead(kind, type)
          : 'HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\n',
      );
      // a TTY's output is one raw stream, into which its line discipline echoes the keys
      echo?.start(stream.tty ? (text) => void (socket.writable && text && socket.write(text)) : undefined);
      await pipeHijacked(socket, stream, failed(`${request.method} ${request.path}`));
      return;
    }
    if (response.headers['Content-Type'] === 'application/vnd.docker.raw-stream' && !response.stream) {
      socket.end(rawError(response));
      return;
    }
    // refused before the handler took the connection (a bad version, a bad query, no such
    // exec, a detached exec start): an ordinary response, then the connection closes
    socket.end(rawResponse(response, now(), request.method === 'HEAD'));
  }

  async function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const length = Number(req.headers['content-length'] ?? 0);
    if (req.headers['transfer-encoding'] || !(length >= 0) || length > maxBody) {
      socket.end(
        rawResponse(
          plain(400, { 'Content-Type': 'text/plain; charset=utf-8' }, '400 Bad Request'),
          now(),
          false,
        ),
      );
      return;
    }
    // the body is what follows the headers, up to Content-Length; the rest is stdin
    let buffered = head;
    socket.pause();
    while (buffered.length < length) {
      const more = await nextData(socket);
      if (more === null) return;
      buffered = Buffer.concat([buffered, more]);
    }
    const prepared = prepare(req, buffered.subarray(0, length));
    if ('response' in prepared) {
      socket.end(rawResponse(prepared.response, now(), req.method === 'HEAD'));
      return;
    }
    const { request } = prepared;
    const kind = hijackKind(request.method, request.path);
    if (!kind) {
      // an upgrade asked of an endpoint that does not hijack: its ordinary answer
      const response = await route(request);
      if (response.stream) response.stream.close();
      socket.end(rawResponse(response, now(), request.method === 'HEAD'));
      return;
    }
    // the client's end of input is not its going away: the CLI closes its side for writing
    // as soon as it has no more to send (at once when it attaches no stdin), and reads on
    const echo = new TtyEcho(new SocketReader(socket, buffered.subarray(length)));
    request.stdin = echo;
    socket.resume();
    await hijack(socket, request, kind, true, echo);
  }

  const server = createServer({ maxHeaderSize: MAX_HEADER_SIZE, keepAliveTimeout: 0, requestTimeout: 0 });
  // Go's server has no idle timeout for dockerd; a short one here would race the CLI's reuse
  server.keepAliveTimeout = 0;
  server.headersTimeout = 5 * 60_000;
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    onRequest(req, res).catch((err: unknown) => {
      failed(`${req.method} ${req.url}`)(err);
      internalError(res, err, now());
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    onUpgrade(req, socket, head).catch(() => socket.destroy());
  });
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // what Go's server writes for a request it cannot read, then it closes
    const status =
      err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    if (socket.writable)
      socket.end(
        `HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n${status}`,
      );
    else socket.destroy();
  });
  // every connection, so that closing ends the hijacked ones Node no longer tracks
  const sockets = new Set<Duplex>();
  server.on('connection', (socket: Duplex) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  return { server, close };
}

function errorMessage(res: ApiResponse): string {
  const body = res.body as { message?: string } | string | undefined;
  return typeof body === 'string' ? body : (body?.message ?? '');
}

/** The next chunk the client sends; null when it closes first. */
function nextData(socket: Duplex): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const onData = (d: Buffer) => {
      cleanup();
      socket.pause();
      resolve(d);
    };
    const onEnd = () => {
      cleanup();
      resolve(null);
    };
    const cleanup = () => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('close', onEnd);
    };
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('close', onEnd);
    socket.resume();
  });
}

/** A whole response as bytes, for a socket that is no longer Node's HTTP server's. */
export function rawResponse(res: ApiResponse, now: number, head: boolean): Buffer {
  const body = res.status === 204 || res.status === 304 ? undefined : (bodyBytes(res) ?? Buffer.alloc(0));
  const list = goHeaderList(res.headers, { now, contentLength: body?.length, close: true });
  let text = `HTTP/1.1 ${res.status} ${statusText(res.status)}\r\n`;
  for (let i = 0; i < list.length; i += 2) text += `${list[i]}: ${list[i + 1]}\r\n`;
  text += '\r\n';
  return Buffer.concat([Buffer.from(text, 'latin1'), head || !body ? Buffer.alloc(0) : body]);
}

/** The engine threw where no route catches: a 500, as moby answers an unexpected error. */
function internalError(res: ServerResponse, err: unknown, now: number): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const message = err instanceof Error ? err.message : String(err);
  const body = Buffer.from(goJson({ message }), 'utf8');
  writeHead(
    res,
    500,
    { 'Content-Type': 'application/json', ...commonHeaders() },
    { now, contentLength: body.length },
  );
  res.end(body);
}
