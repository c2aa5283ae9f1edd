/**
 * Express 5 as tutorials use it: `express()`, app.use (middleware, mounted
 * routers), app.get/post/put/patch/delete/all with `:params`, express.json(),
 * express.urlencoded(), express.static(dir), express.Router(), req (params, query,
 * body, path, ip, get()), res (status, send, json, sendStatus, set, type, redirect,
 * sendFile, end), app.listen; Express's headers (X-Powered-By, ETag) and its
 * `Cannot GET /x` 404 and 500 pages (the error's stack logged to stderr).
 */
import { byteLength, COMMON_TYPES, extension, REASONS, splitPath } from '../support/http.ts';
import { sha256 } from '../../../images/sha256.ts';
import type { exchange } from './http.ts';
import { makeServer } from './http.ts';
import { fromHost, stringify } from './globals.ts';
import type { NodeRuntime } from './runtime.ts';
import { JsFunction, JsObject, JsPromise, JsThrow, toStr } from './values.ts';
import type { JsValue } from './values.ts';

interface Layer {
  method: string | undefined;
  path: string;
  prefix: boolean;
  handlers: JsValue[];
}

const page = (text: string) =>
  `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>${text}</pre>\n</body>\n</html>\n`;

function match(pattern: string, path: string, prefix: boolean): Record<string, string> | undefined {
  if (pattern === '*' || pattern === '/*splat' || pattern === '(.*)') return {};
  const names: string[] = [];
  const src = pattern
    .replace(/\/$/, '')
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/:(\w+)/g, (_, n: string) => (names.push(n), '([^/]+)'))
    .replace(/\\\*/g, '.*');
  const m = new RegExp(`^${src}${prefix ? '(?:/|$)' : '/?$'}`).exec(path);
  if (!m) return undefined;
  return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
}

export function expressModule(rt: NodeRuntime): JsFunction {
  const I = () => rt.interp;
  const makeRouter = (isApp: boolean): JsFunction => {
    const layers: Layer[] = [];
    const settings = new Map<string, JsValue>();
    // the router itself is a middleware (req, res, next)
    const router: JsFunction = rt.fn(isApp ? 'app' : 'router', async (_t, [req, res, next]) => {
      await dispatch(req as JsObject, res as JsObject, next);
      return undefined;
    });
    const dispatch = async (req: JsObject, res: JsObject, done: JsValue) => {
      const fullPath = toStr(req.get('path'));
      const base = toStr(req.get('\0base') ?? '');
      const path = fullPath.slice(base.length) || '/';
      let i = 0;
      const next = async (err?: JsValue): Promise<void> => {
        const failing = err !== undefined && err !== null && err !== 'route';
        while (i < layers.length) {
          const layer = layers[i++]!;
          const method = toStr(req.get('method'));
          if (
            layer.method &&
            layer.method !== method &&
            !(layer.method === 'GET' && method === 'HEAD') &&
            layer.method !== 'ALL'
          )
            continue;
          const params = match(layer.path, path, layer.prefix);
          if (!params) continue;
          const h = layer.handlers[0];
          // (err, req, res, next) handlers run only for an error, the others only without
          if (failing !== (h instanceof JsFunction && h.decl?.params.length === 4)) continue;
          const p = req.get('params') as JsObject;
          for (const [k, v] of Object.entries(params)) p.props.set(k, v);
          const nextFn = rt.fn('next', async (_t, [e]) => {
            await next(e);
            return undefined;
          });
          const saved = req.get('\0base');
          if (layer.prefix && layer.path !== '/')
            req.props.set('\0base', base + layer.path.replace(/\/$/, ''));
          try {
            const r = await I().call(h, undefined, failing ? [err, req, res, nextFn] : [req, res, nextFn]);
            // Express 5 sends a rejected handler's error to the error handler
            if (r instanceof JsPromise) {
              r.handled = true;
              await r.promise;
            }
          } catch (e) {
            if (e instanceof JsThrow) return next(e.value);
            throw e;
          } finally {
            req.props.set('\0base', saved);
          }
          return;
        }
        if (done instanceof JsFunction) await done.call(undefined, failing ? [err] : []);
        else if (failing) fail(req, res, err);
        else notFound(req, res);
      };
      await next();
    };
    const route = (method: string | undefined, prefix: boolean) =>
      rt.fn(method?.toLowerCase() ?? 'use', (_t, args) => {
        if (method === 'GET' && args.length === 1 && typeof args[0] === 'string' && isApp)
          return settings.get(args[0]);
        const path = typeof args[0] === 'string' ? args[0] : '/';
        const handlers = typeof args[0] === 'string' ? args.slice(1) : args;
        for (const h of handlers) layers.push({ method, path, prefix, handlers: [h] });
        return router;
      });
    router.props.set('use', route(undefined, true));
    for (const m of ['get', 'post', 'put', 'patch', 'delete', 'all'])
      router.props.set(m, route(m.toUpperCase(), false));
    router.props.set(
      'set',
      rt.fn('set', (_t, [k, v]) => (settings.set(toStr(k), v), router)),
    );
    router.props.set(
      'route',
      rt.fn('route', (_t, [p]) => {
        const r = rt.obj();
        for (const m of ['get', 'post', 'put', 'delete'])
          r.props.set(
            m,
            rt.fn(
              m,
              (_t2, hs) => (
                hs.forEach((h) =>
                  layers.push({ method: m.toUpperCase(), path: toStr(p), prefix: false, handlers: [h] }),
                ),
                r
              ),
            ),
          );
        return r;
      }),
    );
    if (isApp) {
      router.props.set(
        'listen',
        rt.fn('listen', (_t, args) => {
          const server = makeServer(rt, async (req, res) => {
            decorate(req, res);
            await dispatch(req, res, undefined);
          });
          return I().call(server.get('listen'), server, args);
        }),
      );
    }
    (router as JsFunction & { handle?: typeof dispatch }).handle = dispatch;
    return router;
  };

  const send = (res: JsObject, status: number, body: string, type: string) => {
    const x = res.native as ReturnType<typeof exchange>;
    res.props.set('statusCode', status);
    if (!Object.keys(x.out).some((k) => k.toLowerCase() === 'content-type'))
      x.setHeader('Content-Type', type);
    x.setHeader('Content-Length', String(byteLength(body)));
    x.setHeader('ETag', `W/"${byteLength(body).toString(16)}-${sha256(body).slice(0, 27)}"`);
    res.props.set('\0ended', true);
    x.end(body);
  };
  const notFound = (req: JsObject, res: JsObject) =>
    send(
      res,
      404,
      page(`Cannot ${toStr(req.get('method'))} ${toStr(req.get('path'))}`),
      'text/html; charset=utf-8',
    );
  const fail = (req: JsObject, res: JsObject, err: JsValue) => {
    const stack = err instanceof JsObject ? toStr(err.get('stack') ?? toStr(err)) : toStr(err);
    rt.ctx.stderr.write(`${stack}\n`);
    const status =
      err instanceof JsObject && typeof err.get('status') === 'number' ? (err.get('status') as number) : 500;
    const production = rt.ctx.env.get('NODE_ENV') === 'production';
    const text = production
      ? (REASONS[status] ?? 'Internal Server Error')
      : stack
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/\n/g, '<br>')
          .replace(/ {4}/g, ' &nbsp; &nbsp;');
    send(res, status, page(text), 'text/html; charset=utf-8');
  };

  const decorate = (req: JsObject, res: JsObject) => {
    const url = toStr(req.get('url'));
    const { path, query } = splitPath(url);
    req.props.set('path', path);
    req.props.set('originalUrl', url);
    req.props.set('params', rt.obj());
    req.props.set(
      'query',
      rt.obj(
        Object.fromEntries(
          query
            .split('&')
            .filter(Boolean)
            .map(
              (kv) => kv.split('=').map((x) => decodeURIComponent(x.replace(/\+/g, ' '))) as [string, string],
            ),
        ),
      ),
    );
    req.props.set('ip', toStr((req.get('socket') as JsObject).get('remoteAddress')));
    req.props.set('hostname', toStr((req.get('headers') as JsObject).get('host') ?? '').replace(/:\d+$/, ''));
    req.props.set(
      'get',
      rt.fn('get', (_t, [h]) => (req.get('headers') as JsObject).get(toStr(h).toLowerCase())),
    );
    const x = res.native as ReturnType<typeof exchange>;
    x.setHeader('X-Powered-By', 'Express');
    const chain = (name: string, f: (args: JsValue[]) => void) =>
      res.props.set(
        name,
        rt.fn(name, (_t, args) => (f(args), res)),
      );
    chain('status', ([n]) => res.props.set('statusCode', Number(n)));
    chain('set', ([k, v]) => {
      if (k instanceof JsObject) for (const [a, b] of k.props) x.setHeader(a, b);
      else x.setHeader(toStr(k), v);
    });
    res.props.set('header', res.get('set'));
    chain('type', ([t]) =>
      x.setHeader('Content-Type', COMMON_TYPES[toStr(t).replace(/^\./, '')] ?? toStr(t)),
    );
    chain('send', ([body]) => {
      const status = Number(res.get('statusCode'));
      if (body instanceof JsObject)
        return send(res, status, stringify(body) ?? '', 'application/json; charset=utf-8');
      send(res, status, body === undefined ? '' : toStr(body), 'text/html; charset=utf-8');
    });
    chain('json', ([body]) =>
      send(res, Number(res.get('statusCode')), stringify(body) ?? '', 'application/json; charset=utf-8'),
    );
    chain('sendStatus', ([n]) =>
      send(res, Number(n), REASONS[Number(n)] ?? String(n), 'text/plain; charset=utf-8'),
    );
    chain('redirect', ([a, b]) => {
      const [status, to] = typeof a === 'number' ? [a, toStr(b)] : [302, toStr(a)];
      x.setHeader('Location', to);
      send(res, status, `<p>${REASONS[status]}. Redirecting to ${to}</p>`, 'text/html; charset=utf-8');
    });
    chain('sendFile', ([p]) => {
      try {
        send(
          res,
          Number(res.get('statusCode')),
          rt.ctx.fs.readFile(toStr(p)),
          COMMON_TYPES[extension(toStr(p))] ?? 'application/octet-stream',
        );
      } catch {
        fail(req, res, I().makeError('Error', `ENOENT: no such file or directory, stat '${toStr(p)}'`));
      }
    });
    chain('end', ([body]) => {
      res.props.set('\0ended', true);
      x.end(body);
    });
    res.props.set('locals', rt.obj());
  };

  const express = rt.fn('express', () => {
    const app = makeRouter(true);
    // app is also a request listener for http.createServer(app)
    const listener: JsFunction = rt.fn('app', async (_t, [req, res, next]) => {
      if (!(res as JsObject).props.has('send')) decorate(req as JsObject, res as JsObject);
      await (app as JsFunction & { handle: (a: JsObject, b: JsObject, c: JsValue) => Promise<void> }).handle(
        req as JsObject,
        res as JsObject,
        next,
      );
      return undefined;
    });
    for (const [k, v] of app.props) listener.props.set(k, v);
    return listener;
  });
  express.props.set(
    'Router',
    rt.fn('Router', () => makeRouter(false)),
  );
  express.props.set(
    'json',
    rt.fn('json', () =>
      rt.fn('jsonParser', async (_t, [req, , next]) => {
        const r = req as JsObject;
        const type = toStr((r.get('headers') as JsObject).get('content-type') ?? '');
        const raw = (r.get('\0body') as string | undefined) ?? '';
        if (type.includes('json') && raw) {
          try {
            r.props.set('body', fromHost(rt, JSON.parse(raw)));
          } catch {
            r.props.set('body', rt.obj());
          }
        }
        await I().call(next, undefined, []);
        return undefined;
      }),
    ),
  );
  express.props.set(
    'urlencoded',
    rt.fn('urlencoded', () =>
      rt.fn('urlencodedParser', async (_t, [req, , next]) => {
        const r = req as JsObject;
        const raw = (r.get('\0body') as string | undefined) ?? '';
        r.props.set(
          'body',
          rt.obj(
            Object.fromEntries(
              raw
                .split('&')
                .filter(Boolean)
                .map(
                  (kv) =>
                    kv.split('=').map((x) => decodeURIComponent(x.replace(/\+/g, ' '))) as [string, string],
                ),
            ),
          ),
        );
        await I().call(next, undefined, []);
        return undefined;
      }),
    ),
  );
  express.props.set(
    'static',
    rt.fn('static', (_t, [dir]) =>
      rt.fn('serveStatic', async (_t2, [req, res, next]) => {
        const r = req as JsObject;
        const rel = toStr(r.get('path')).slice(toStr(r.get('\0base') ?? '').length) || '/';
        const root = toStr(dir).startsWith('/')
          ? toStr(dir)
          : `${rt.ctx.cwd === '/' ? '' : rt.ctx.cwd}/${toStr(dir)}`;
        let file = `${root.replace(/\/$/, '')}${decodeURIComponent(rel)}`;
        if (rt.ctx.fs.stat(file)?.kind === 'dir') file = `${file.replace(/\/$/, '')}/index.html`;
        if (rt.ctx.fs.stat(file)?.kind === 'file') {
          send(
            res as JsObject,
            200,
            rt.ctx.fs.readFile(file),
            `${COMMON_TYPES[extension(file)] ?? 'application/octet-stream'}${extension(file) === 'html' ? '; charset=utf-8' : ''}`,
          );
          return undefined;
        }
        await I().call(next, undefined, []);
        return undefined;
      }),
    ),
  );
  return express;
}
