/**
 * node's `http` module, the part tutorials use: `http.createServer((req, res) => …)`
 * and `server.listen(port[, host][, callback])`. Requests arrive as IncomingMessage
 * (method, url, headers in lower case, 'data'/'end' events); ServerResponse has
 * statusCode, setHeader, writeHead, write and end, with node's default headers
 * (Date, Connection: keep-alive, Keep-Alive: timeout=5, Content-Length or chunked).
 */
import type { HttpRequest, HttpResponse } from '../../../process/types.ts';
import { NetError } from '../../../process/types.ts';
import { byteLength } from '../support/http.ts';
import { httpDate } from '../support/log-time.ts';
import { REASONS } from '../support/http.ts';
import type { NodeRuntime } from './runtime.ts';
import { JsFunction, JsObject, toStr } from './values.ts';
import type { JsValue } from './values.ts';

export type Handler = (req: JsObject, res: JsObject) => Promise<void>;

/** A request object and a response object for one exchange, and its completion. */
export function exchange(rt: NodeRuntime, req: HttpRequest) {
  const headers = rt.obj();
  for (const [k, v] of Object.entries(req.headers)) headers.props.set(k.toLowerCase(), v);
  const listeners = new Map<string, JsValue[]>();
  const request = rt.obj(
    {
      method: req.method,
      url: req.path,
      headers,
      httpVersion: '1.1',
      socket: rt.obj({ remoteAddress: `::ffff:${req.remoteAddress}` }),
    },
    'IncomingMessage',
  );
  request.props.set(
    'on',
    rt.fn('on', (_t, [event, fn]) => {
      const name = toStr(event);
      listeners.set(name, [...(listeners.get(name) ?? []), fn]);
      if (name === 'end' || name === 'data') {
        void Promise.resolve().then(async () => {
          if (name === 'data' && req.body) await rt.invoke(fn, undefined, [req.body]);
          if (name === 'end') await rt.invoke(fn, undefined, []);
        });
      }
      return request;
    }),
  );
  let done: (r: HttpResponse) => void = () => {};
  const finished = new Promise<HttpResponse>((resolve) => (done = resolve));
  const out: Record<string, string> = {};
  let body = '';
  let wrote = false;
  let ended = false;
  const response = rt.obj({ statusCode: 200, headersSent: false }, 'ServerResponse');
  const setHeader = (k: string, v: JsValue) => {
    const existing = Object.keys(out).find((x) => x.toLowerCase() === k.toLowerCase());
    if (existing) delete out[existing];
    out[k] = toStr(v);
  };
  const end = (chunk?: JsValue) => {
    if (ended) return;
    ended = true;
    if (chunk !== undefined && chunk !== null) body += toStr(chunk);
    const status = Number(response.get('statusCode'));
    const headers: Record<string, string> = {
      ...out,
      Date: httpDate(rt.ctx.now()),
      Connection: 'keep-alive',
      'Keep-Alive': 'timeout=5',
    };
    if (wrote) headers['Transfer-Encoding'] = 'chunked';
    else headers['Content-Length'] ??= String(byteLength(body));
    const text = toStr(response.get('statusMessage') ?? REASONS[status] ?? '');
    done({ status, statusText: text, headers, body: req.method === 'HEAD' ? '' : body });
  };
  response.props.set(
    'setHeader',
    rt.fn('setHeader', (_t, [k, v]) => (setHeader(toStr(k), v), response)),
  );
  response.props.set(
    'getHeader',
    rt.fn(
      'getHeader',
      (_t, [k]) =>
        out[Object.keys(out).find((x) => x.toLowerCase() === toStr(k).toLowerCase()) ?? ''] ?? undefined,
    ),
  );
  response.props.set(
    'removeHeader',
    rt.fn('removeHeader', (_t, [k]) => {
      for (const x of Object.keys(out)) if (x.toLowerCase() === toStr(k).toLowerCase()) delete out[x];
      return undefined;
    }),
  );
  response.props.set(
    'writeHead',
    rt.fn('writeHead', (_t, [status, a, b]) => {
      response.props.set('statusCode', status);
      const hs = typeof a === 'string' ? b : a;
      if (typeof a === 'string') response.props.set('statusMessage', a);
      if (hs instanceof JsObject) for (const [k, v] of hs.props) setHeader(k, v);
      return response;
    }),
  );
  response.props.set(
    'write',
    rt.fn('write', (_t, [chunk]) => ((wrote = true), (body += toStr(chunk)), true)),
  );
  response.props.set(
    'end',
    rt.fn('end', (_t, [chunk]) => (end(chunk), response)),
  );
  const x = { request, response, finished, end, setHeader, out };
  // what Express's helpers reach for: the exchange, and the raw body for its parsers
  response.native = x;
  request.props.set('\0body', req.body ?? '');
  return x;
}

export function listenArgs(args: JsValue[]): { port: number; host?: string; cb?: JsValue } {
  const port = Number(args[0] ?? 0);
  const host = typeof args[1] === 'string' ? args[1] : undefined;
  const cb = args.find((a) => a instanceof JsFunction);
  return { port, ...(host ? { host } : {}), ...(cb ? { cb } : {}) };
}

/** A net.Server listening with `handle` for every request. */
export function makeServer(rt: NodeRuntime, handle: Handler): JsObject {
  const server = rt.obj({}, 'Server');
  let release: (() => void) | undefined;
  let listener: { close(): void } | undefined;
  server.props.set(
    'listen',
    rt.fn('listen', (_t, args) => {
      const { port, host, cb } = listenArgs(args);
      const loopback = host === '127.0.0.1' || host === 'localhost';
      release = rt.hold();
      listener = rt.ctx.net.listen(port, {
        http: async (req) => {
          if (loopback && !req.localAddress.startsWith('127.'))
            throw new NetError('ECONNREFUSED', 'connection refused');
          const x = exchange(rt, req);
          await handle(x.request, x.response);
          return x.finished;
        },
      });
      server.props.set('\0port', port);
      if (cb) void Promise.resolve().then(() => rt.invoke(cb, server, []));
      return server;
    }),
  );
  server.props.set(
    'close',
    rt.fn('close', (_t, [cb]) => {
      listener?.close();
      release?.();
      if (cb) void rt.invoke(cb, server, []);
      return server;
    }),
  );
  server.props.set(
    'address',
    rt.fn('address', () => rt.obj({ address: '::', family: 'IPv6', port: server.get('\0port') })),
  );
  server.props.set(
    'on',
    rt.fn('on', () => server),
  );
  return server;
}

export function httpModule(rt: NodeRuntime): JsObject {
  return rt.obj({
    createServer: rt.fn('createServer', (_t, args) => {
      const fn = args.find((a) => a instanceof JsFunction);
      return makeServer(rt, async (req, res) => {
        if (fn) await rt.invoke(fn, undefined, [req, res]);
      });
    }),
    STATUS_CODES: rt.obj(Object.fromEntries(Object.entries(REASONS).map(([k, v]) => [k, v]))),
  });
}
