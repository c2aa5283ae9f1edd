/**
 * net/http's server side for the Go subset: HandleFunc/Handle on DefaultServeMux or a
 * NewServeMux (Go 1.22 patterns: `GET /items/{id}`, `/static/` prefixes, the longest
 * match wins, 405 with Allow, the 301 to a slash-terminated prefix), ListenAndServe
 * (blocks; `bind: address already in use` as an error), ResponseWriter (Header,
 * WriteHeader, Write), Request (Method, URL.Path, URL.Query(), Header.Get, Host,
 * RemoteAddr, PathValue, FormValue, Body), http.Error, NotFound, FileServer(Dir),
 * StripPrefix, and Go's defaults: Date, Content-Length, sniffed Content-Type,
 * `404 page not found`.
 *
 * Differs from Go: a handler's panic is logged as Go logs it and answered with an
 * error the client sees as a refused connection (the simulated network has no
 * "empty reply").
 */
import { NetError } from '../../../process/types.ts';
import type { HttpRequest, HttpResponse } from '../../../process/types.ts';
import { COMMON_TYPES, extension, REASONS, splitPath } from '../support/http.ts';
import { httpDate, slashTime } from '../support/log-time.ts';
import { ephemeralPort } from '../support/go-runtime.ts';
import type { GoHost } from './stdlib.ts';
import { GoError, GoFunc, GoPackage, GoPanic, utf8Bytes, utf8Decode } from './values.ts';
import type { GoValue } from './values.ts';

interface Route {
  method?: string;
  pattern: string;
  handler: (w: GoValue, r: GoValue) => Promise<void>;
}

interface Writer {
  status: number | undefined;
  headers: Map<string, string[]>;
  body: string;
}

const canonical = (k: string) =>
  k
    .split('-')
    .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1).toLowerCase() : w))
    .join('-');
const hidden = (o: object, name: string, value: unknown) =>
  Object.defineProperty(o, name, { value, configurable: true, writable: true });

function sniff(body: string): string {
  const head = body.trimStart().slice(0, 14).toLowerCase();
  if (
    /^<(!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|!--)[ >]/.test(head)
  )
    return 'text/html; charset=utf-8';
  if (head.startsWith('<?xml')) return 'text/xml; charset=utf-8';
  if (head.startsWith('%pdf-')) return 'application/pdf';
  return 'text/plain; charset=utf-8';
}

function headerObject(map: Map<string, string[]>): GoValue {
  const h = {};
  hidden(h, 'Set', (k: GoValue, v: GoValue) => (map.set(canonical(String(k)), [String(v)]), null));
  hidden(
    h,
    'Add',
    (k: GoValue, v: GoValue) => (
      map.set(canonical(String(k)), [...(map.get(canonical(String(k))) ?? []), String(v)]),
      null
    ),
  );
  hidden(h, 'Get', (k: GoValue) => map.get(canonical(String(k)))?.[0] ?? '');
  hidden(h, 'Del', (k: GoValue) => (map.delete(canonical(String(k))), null));
  return h;
}

function responseWriter(w: Writer): GoValue {
  const o = {};
  hidden(o, 'Header', () => headerObject(w.headers));
  hidden(o, 'WriteHeader', (code: GoValue) => {
    w.status ??= Number(code);
    return null;
  });
  hidden(o, 'Write', (b: GoValue) => {
    w.status ??= 200;
    const s = Array.isArray(b) ? utf8Decode(b as number[]) : String(b);
    w.body += s;
    return null;
  });
  return o;
}

function request(req: HttpRequest, port: number, params: Map<string, string>, host: GoHost): GoValue {
  const { path, query } = splitPath(req.path);
  const values = new URLSearchParamsLite(query);
  const url = { Path: decodeURIComponent(path), RawQuery: query };
  hidden(url, 'Query', () => {
    const q = {};
    hidden(q, 'Get', (k: GoValue) => values.get(String(k)));
    return q;
  });
  hidden(url, 'String', () => req.path);
  const headers = new Map<string, string[]>(Object.entries(req.headers).map(([k, v]) => [canonical(k), [v]]));
  const r = {
    Method: req.method,
    URL: url,
    Proto: 'HTTP/1.1',
    Header: headerObject(headers),
    Host: req.headers['Host'] ?? req.headers['host'] ?? `${req.localAddress}:${port}`,
    RemoteAddr: `${req.remoteAddress}:${ephemeralPort(host.ctx)}`,
    Body: { text: req.body },
    RequestURI: req.path,
  };
  hidden(r, 'PathValue', (k: GoValue) => params.get(String(k)) ?? '');
  hidden(
    r,
    'FormValue',
    (k: GoValue) => values.get(String(k)) || new URLSearchParamsLite(req.body).get(String(k)),
  );
  return r;
}

/** The query-string parsing the subset needs. */
class URLSearchParamsLite {
  readonly #pairs: [string, string][];
  constructor(query: string) {
    this.#pairs = query
      .split('&')
      .filter(Boolean)
      .map((kv) => {
        const [k, v = ''] = kv.split('=');
        const d = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
        return [d(k!), d(v)];
      });
  }
  get(k: string): string {
    return this.#pairs.find(([x]) => x === k)?.[1] ?? '';
  }
}

function matchPattern(pattern: string, path: string): Map<string, string> | undefined {
  const params = new Map<string, string>();
  if (pattern.endsWith('/{$}')) return path === pattern.slice(0, -3) ? params : undefined;
  const pp = pattern.split('/');
  const xs = path.split('/');
  for (let i = 0; i < pp.length; i++) {
    const p = pp[i]!;
    const m = /^\{(\w+)(\.\.\.)?\}$/.exec(p);
    if (m?.[2]) {
      params.set(m[1]!, xs.slice(i).join('/'));
      return params;
    }
    if (i === pp.length - 1 && p === '' && pattern.endsWith('/')) return params;
    if (xs[i] === undefined) return undefined;
    if (m) params.set(m[1]!, xs[i]!);
    else if (p !== xs[i]) return undefined;
  }
  return xs.length === pp.length ? params : undefined;
}

async function callHandler(h: GoValue, w: GoValue, r: GoValue): Promise<void> {
  if (h instanceof GoFunc) await h.fn([w, r]);
  else if (h && typeof (h as { ServeHTTP?: unknown }).ServeHTTP === 'function')
    await (h as { ServeHTTP: (a: GoValue, b: GoValue) => unknown }).ServeHTTP(w, r);
}

function notFound(w: Writer): void {
  w.status = 404;
  w.headers.set('Content-Type', ['text/plain; charset=utf-8']);
  w.headers.set('X-Content-Type-Options', ['nosniff']);
  w.body = '404 page not found\n';
}

function makeMux(): { mux: GoValue; routes: Route[] } {
  const routes: Route[] = [];
  const add = (pattern: GoValue, handler: GoValue) => {
    const [method, path] = String(pattern).includes(' ')
      ? String(pattern).split(/\s+/)
      : [undefined, String(pattern)];
    routes.push({
      ...(method ? { method } : {}),
      pattern: path!,
      handler: (w, r) => callHandler(handler, w, r),
    });
    return null;
  };
  const mux = {};
  hidden(mux, 'HandleFunc', add);
  hidden(mux, 'Handle', add);
  hidden(mux, 'ServeHTTP', async (w: GoValue, r: GoValue) => {
    await serveMux(routes, w, r);
    return null;
  });
  return { mux, routes };
}

async function serveMux(routes: Route[], wv: GoValue, rv: GoValue): Promise<void> {
  const r = rv as { Method: string; URL: { Path: string } };
  const w = (wv as { ['\0writer']: Writer })['\0writer'];
  const path = r.URL.Path;
  const hits = routes
    .map((route) => ({ route, params: matchPattern(route.pattern, path) }))
    .filter((x) => x.params)
    .sort((a, b) => b.route.pattern.length - a.route.pattern.length);
  const withMethod = hits.filter(
    (x) =>
      !x.route.method || x.route.method === r.Method || (x.route.method === 'GET' && r.Method === 'HEAD'),
  );
  const best = withMethod[0];
  if (!best) {
    const prefix = routes.find((x) => x.pattern.endsWith('/') && x.pattern === `${path}/`);
    if (prefix) {
      w.status = 301;
      w.headers.set('Location', [`${path}/`]);
      w.headers.set('Content-Type', ['text/html; charset=utf-8']);
      w.body = `<a href="${path}/">Moved Permanently</a>.\n\n`;
      return;
    }
    if (hits.length) {
      w.status = 405;
      w.headers.set('Allow', [[...new Set(hits.map((x) => x.route.method!))].join(', ')]);
      w.headers.set('Content-Type', ['text/plain; charset=utf-8']);
      w.headers.set('X-Content-Type-Options', ['nosniff']);
      w.body = 'Method Not Allowed\n';
      return;
    }
    return notFound(w);
  }
  const target = rv as { PathValue?: unknown };
  hidden(target, 'PathValue', (k: GoValue) => best.params!.get(String(k)) ?? '');
  await best.route.handler(wv, rv);
}

export function httpPackage(host: GoHost): GoPackage {
  const { ctx } = host;
  const def = makeMux();
  const f = (name: string, fn: (args: GoValue[]) => GoValue | Promise<GoValue>) => new GoFunc(name, fn);
  const listen = f('ListenAndServe', async ([addr, handler]) => {
    const a = String(addr);
    const port = Number(a.slice(a.lastIndexOf(':') + 1) || 80);
    const bindHost = a.slice(0, a.lastIndexOf(':'));
    const loopback = bindHost === 'localhost' || bindHost.startsWith('127.');
    const h = handler === null || handler === undefined ? def.mux : handler;
    try {
      ctx.net.listen(port, {
        http: async (req): Promise<HttpResponse> => {
          if (loopback && !req.localAddress.startsWith('127.'))
            throw new NetError('ECONNREFUSED', 'connection refused');
          const w: Writer = { status: undefined, headers: new Map(), body: '' };
          const wv = responseWriter(w);
          hidden(wv as object, '\0writer', w);
          const rv = request(req, port, new Map(), host);
          try {
            await callHandler(h, wv, rv);
          } catch (e) {
            if (!(e instanceof GoPanic)) throw e;
            const v = e.value instanceof GoError ? e.value.Error() : String(e.value);
            ctx.stderr.write(
              `${slashTime(ctx.now())} http: panic serving ${(rv as { RemoteAddr: string }).RemoteAddr}: ${v}\ngoroutine 6 [running]:\nnet/http.(*conn).serve.func1()\n\t/usr/local/go/src/net/http/server.go:1947 +0xbe\n`,
            );
            throw new NetError('ECONNREFUSED', 'empty reply from server');
          }
          const status = w.status ?? 200;
          const headers: Record<string, string> = {};
          for (const [k, v] of w.headers) headers[k] = v.join(', ');
          if (!w.headers.has('Content-Type') && w.body) headers['Content-Type'] = sniff(w.body);
          headers['Date'] = httpDate(ctx.now());
          headers['Content-Length'] = String(utf8Bytes(w.body).length);
          return {
            status,
            statusText: REASONS[status] ?? '',
            headers,
            body: req.method === 'HEAD' ? '' : w.body,
          };
        },
      });
    } catch {
      return new GoError(`listen tcp ${a}: bind: address already in use`);
    }
    // ListenAndServe blocks for as long as the server runs
    return new Promise<GoValue>(() => {});
  });
  const fileServer = f('FileServer', ([dir]) => {
    const root = String(dir).replace(/\/$/, '') || '.';
    const o = {};
    hidden(o, 'ServeHTTP', (wv: GoValue, rv: GoValue) => {
      const w = (wv as { ['\0writer']: Writer })['\0writer'];
      const path = (rv as { URL: { Path: string } }).URL.Path;
      const base = root.startsWith('/')
        ? root
        : `${ctx.cwd === '/' ? '' : ctx.cwd}/${root.replace(/^\.\/?/, '')}`;
      const file = `${base.replace(/\/$/, '')}${path}`;
      const st = ctx.fs.stat(file);
      if (path.endsWith('/index.html')) {
        w.status = 301;
        w.headers.set('Location', ['./']);
        return null;
      }
      if (st?.kind === 'dir') {
        if (!path.endsWith('/')) {
          w.status = 301;
          w.headers.set('Location', [`${path.split('/').pop()}/`]);
          return null;
        }
        if (ctx.fs.stat(`${file}index.html`)?.kind === 'file') {
          w.headers.set('Content-Type', ['text/html; charset=utf-8']);
          w.body = ctx.fs.readFile(`${file}index.html`);
        } else {
          w.headers.set('Content-Type', ['text/html; charset=utf-8']);
          const names = ctx.fs
            .readdir(file)
            .map((n) => (ctx.fs.stat(`${file}${n}`)?.kind === 'dir' ? `${n}/` : n));
          w.body = `<!doctype html>\n<meta name="viewport" content="width=device-width">\n<pre>\n${names.map((n) => `<a href="${n}">${n}</a>\n`).join('')}</pre>\n`;
        }
        w.status = 200;
        return null;
      }
      if (st?.kind !== 'file') {
        notFound(w);
        return null;
      }
      const type = COMMON_TYPES[extension(file)];
      w.headers.set('Content-Type', [
        type
          ? type.startsWith('text/') && !type.includes('charset')
            ? `${type}; charset=utf-8`
            : type
          : sniff(ctx.fs.readFile(file)),
      ]);
      w.headers.set('Accept-Ranges', ['bytes']);
      w.headers.set('Last-Modified', [httpDate(st.mtime)]);
      w.status = 200;
      w.body = ctx.fs.readFile(file);
      return null;
    });
    return o;
  });
  return new GoPackage('net/http', {
    HandleFunc: f('HandleFunc', ([p, h]) =>
      (def.mux as { HandleFunc: (a: GoValue, b: GoValue) => GoValue }).HandleFunc(p, h),
    ),
    Handle: f('Handle', ([p, h]) =>
      (def.mux as { Handle: (a: GoValue, b: GoValue) => GoValue }).Handle(p, h),
    ),
    NewServeMux: f('NewServeMux', () => makeMux().mux),
    ListenAndServe: listen,
    HandlerFunc: f('HandlerFunc', ([fn]) => {
      const o = {};
      hidden(o, 'ServeHTTP', (w: GoValue, r: GoValue) => callHandler(fn, w, r));
      return o;
    }),
    FileServer: fileServer,
    Dir: f('Dir', ([d]) => d),
    StripPrefix: f('StripPrefix', ([prefix, h]) => {
      const o = {};
      hidden(o, 'ServeHTTP', async (w: GoValue, r: GoValue) => {
        const url = (r as { URL: { Path: string } }).URL;
        url.Path = url.Path.startsWith(String(prefix))
          ? url.Path.slice(String(prefix).length) || '/'
          : url.Path;
        if (!url.Path.startsWith('/')) url.Path = `/${url.Path}`;
        await callHandler(h, w, r);
      });
      return o;
    }),
    Error: f('Error', ([wv, msg, code]) => {
      const w = (wv as { ['\0writer']: Writer })['\0writer'];
      w.headers.delete('Content-Length');
      w.headers.set('Content-Type', ['text/plain; charset=utf-8']);
      w.headers.set('X-Content-Type-Options', ['nosniff']);
      w.status ??= Number(code);
      w.body += `${String(msg)}\n`;
      return null;
    }),
    NotFound: f('NotFound', ([wv]) => (notFound((wv as { ['\0writer']: Writer })['\0writer']), null)),
    MethodGet: 'GET',
    MethodPost: 'POST',
    MethodPut: 'PUT',
    MethodDelete: 'DELETE',
    StatusOK: 200,
    StatusCreated: 201,
    StatusNoContent: 204,
    StatusMovedPermanently: 301,
    StatusFound: 302,
    StatusBadRequest: 400,
    StatusUnauthorized: 401,
    StatusForbidden: 403,
    StatusNotFound: 404,
    StatusMethodNotAllowed: 405,
    StatusInternalServerError: 500,
    StatusText: f('StatusText', ([c]) => REASONS[Number(c)] ?? ''),
  });
}
