/**
 * One simulated daemon on the wire: a Node HTTP server in front of a node's Engine API
 * router. Each request is read (request.ts), handed to the router after the engine's
 * clock has caught up with wall time, and answered (response.ts); attach and exec start
 * take the connection over (hijack.ts). Whatever a client sends, the answer is a
 * well-formed HTTP response: a failure inside the engine is a 500 with its message.
 */
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { commonHeaders, fromError } from '../../sim-engine/api/router.ts';
import type { ApiRequest, ApiResponse, ApiTransport } from '../../sim-engine/api/transport.ts';
import type { WallClock } from './clock.ts';
import { settle } from './clock.ts';
import { hijackKind, pipeHijacked, rawError, SocketReader, TtyEcho, upgradedHead } from './hijack.ts';
import { isWait, plain, prepare } from './prepare.ts';
import { BodyTooLarge, readBody } from './request.ts';
import {
  bodyBytes,
  errorMessage,
  goJson,
  internalError,
  rawResponse,
  writeHead,
  writeResponse,
} from './response.ts';

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
  /**
   * told of each request that reaches the router, in the order they arrive, before the
   * engine's clock catches up (`--log-requests`, the check of the API inspector)
   */
  observe?: (request: ApiRequest) => void;
  /** refuse a Host that names no loopback (a TCP listener, which a web page could reach) */
  checkHost?: boolean;
}

/** 64 MiB: a lab's build context or `docker cp` upload, with room to spare. */
export const DEFAULT_MAX_BODY = 64 * 1024 * 1024;

/** Go's MaxHeaderBytes (1 MiB) plus the 4096 bytes of slack net/http allows. */
const MAX_HEADER_SIZE = (1 << 20) + 4096;

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
    options.observe?.(request);
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
    const prepared = prepare(req, body, { checkHost: options.checkHost });
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
    const prepared = prepare(req, buffered.subarray(0, length), { checkHost: options.checkHost });
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
