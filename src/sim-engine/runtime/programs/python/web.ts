/**
 * What tutorials serve and call from Python: Flask (routes with <params>, request,
 * jsonify, app.run and the `flask run` banner, Werkzeug's request log and 404/500
 * pages), the redis client (the compose tutorial's hit counter), requests.get, and
 * `python -m http.server`. Flask and the redis client are only importable once pip
 * has installed them (pip.ts records them in site-packages).
 */
import { NetError } from '../../../process/types.ts';
import type { HttpRequest, HttpResponse } from '../../../process/types.ts';
import { byteLength, COMMON_TYPES, extension, header, splitPath } from '../support/http.ts';
import { httpDate, pythonLogTime } from '../support/log-time.ts';
import { decodeAll, encodeCommand } from '../redis/resp.ts';
import type { Reply } from '../redis/resp.ts';
import type { ModuleHost } from './modules.ts';
import {
  PyBuiltin,
  PyClass,
  PyDict,
  PyError,
  PyInstance,
  PyList,
  PyModule,
  PyTuple,
  str,
  truthy,
} from './values.ts';
import type { NativeFn, Py } from './values.ts';

const f = (name: string, fn: NativeFn) => new PyBuiltin(name, fn);

interface Route {
  rule: string;
  regex: RegExp;
  params: [string, string][];
  methods: string[];
  view: Py;
}

export interface WebHost extends ModuleHost {
  /** resolves never; rejects with KeyboardInterrupt when SIGINT comes */
  forever(): Promise<never>;
  werkzeugVersion: string;
}

function compileRule(rule: string): { regex: RegExp; params: [string, string][] } {
  const params: [string, string][] = [];
  const src = rule.replace(/<(?:(\w+):)?(\w+)>/g, (_, conv: string | undefined, name: string) => {
    params.push([name, conv ?? 'string']);
    return conv === 'int' ? '(\\d+)' : conv === 'path' ? '(.+)' : '([^/]+)';
  });
  return { regex: new RegExp(`^${src}$`), params };
}

const NOT_FOUND =
  '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n';
const SERVER_ERROR =
  '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>\n';
const NOT_ALLOWED =
  '<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the requested URL.</p>\n';

export function flaskModule(host: WebHost): PyModule {
  const I = () => host.rt.interp();
  const responseCls = new PyClass('Response', [], new Map(), 'flask');
  const makeResponse = (body: string, status: number, type: string) => {
    const r = new PyInstance(responseCls);
    r.native = { body, status, type };
    return r;
  };
  const jsonText = async (v: Py) => {
    const json = await I().import('json');
    return (
      `${str(await I().call(json.attrs.get('dumps')!, [v]))}`.replace(/": /g, '":').replace(/, "/g, ',"') +
      '\n'
    );
  };
  const request = new PyInstance(new PyClass('Request', [], new Map(), 'flask'));
  const flask = new PyClass('Flask', [], new Map(), 'flask');
  const routes = (app: Py) => ((app as PyInstance).native as { routes: Route[] }).routes;
  flask.attrs.set(
    '__init__',
    f('__init__', ([self, name]) => {
      (self as PyInstance).native = { routes: [], name: name === undefined ? 'app' : str(name) };
      (self as PyInstance).attrs.set('config', new PyDict());
      return null;
    }),
  );
  const route = (methodsDefault: string[]) =>
    (([self, rule]: Py[], kw: Map<string, Py>) => {
      const methods =
        kw.get('methods') instanceof PyList
          ? (kw.get('methods') as PyList).items.map((m) => str(m).toUpperCase())
          : methodsDefault;
      return f('decorator', ([view]) => {
        routes(self!).push({ rule: str(rule!), ...compileRule(str(rule!)), methods, view: view! });
        return view!;
      });
    }) as NativeFn;
  flask.attrs.set('route', f('route', route(['GET'])));
  flask.attrs.set('get', f('get', route(['GET'])));
  flask.attrs.set('post', f('post', route(['POST'])));
  flask.attrs.set(
    'run',
    f('run', async ([self], kw) => {
      const hostArg = kw.get('host');
      await serveFlask(
        host,
        self as PyInstance,
        {
          bind: hostArg === undefined || hostArg === null ? '127.0.0.1' : str(hostArg),
          port: kw.get('port') === undefined ? 5000 : Number(kw.get('port')),
          debug: truthy(kw.get('debug') ?? false),
          name:
            kw.get('_cli_name') !== undefined
              ? str(kw.get('_cli_name')!)
              : ((self as PyInstance).native as { name: string }).name,
        },
        { request, responseCls, makeResponse, jsonText },
      );
      return null;
    }),
  );
  return new PyModule('flask', {
    Flask: flask,
    request,
    Response: responseCls,
    jsonify: f('jsonify', async (args, kw) =>
      makeResponse(await jsonText(args.length ? args[0]! : new PyDict([...kw])), 200, 'application/json'),
    ),
    render_template_string: f('render_template_string', ([t]) => str(t!)),
    abort: f('abort', ([code]) => {
      const exc = new PyInstance(host.exceptions.get('Exception')!);
      exc.attrs.set('args', new PyTuple([]));
      exc.attrs.set('code', code!);
      throw new PyError(exc);
    }),
  });
}

interface FlaskParts {
  request: PyInstance;
  responseCls: PyClass;
  makeResponse: (body: string, status: number, type: string) => PyInstance;
  jsonText: (v: Py) => Promise<string>;
}

export async function serveFlask(
  host: WebHost,
  app: PyInstance,
  o: { bind: string; port: number; debug: boolean; name: string },
  parts: FlaskParts,
): Promise<void> {
  const I = () => host.rt.interp();
  const addresses = host.ctx.net.addresses().filter((a) => !a.startsWith('127.'));
  host.rt.write(` * Serving Flask app '${o.name}'\n * Debug mode: ${o.debug ? 'on' : 'off'}\n`, false, false);
  let banner =
    'WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.\n';
  if (o.bind === '0.0.0.0')
    banner += ` * Running on all addresses (0.0.0.0)\n * Running on http://127.0.0.1:${o.port}\n${addresses.map((a) => ` * Running on http://${a}:${o.port}\n`).join('')}`;
  else banner += ` * Running on http://${o.bind}:${o.port}\n`;
  banner += 'Press CTRL+C to quit\n';
  if (o.debug)
    banner += ` * Restarting with stat\n * Debugger is active!\n * Debugger PIN: ${[0, 0, 0].map(() => String(100 + Math.floor(host.ctx.random() * 900))).join('-')}\n`;
  host.rt.write(banner, true, true);
  const routes = (app.native as { routes: Route[] }).routes;
  const log = (req: HttpRequest, status: number) =>
    host.rt.write(
      `${req.remoteAddress} - - [${pythonLogTime(host.ctx.now())}] "${req.method} ${req.path} HTTP/1.1" ${status} -\n`,
      true,
      true,
    );
  const reply = (status: number, body: string, type: string): HttpResponse => ({
    status,
    headers: {
      Server: `Werkzeug/${host.werkzeugVersion} Python/${host.version}`,
      Date: httpDate(host.ctx.now()),
      'Content-Type': type,
      'Content-Length': String(byteLength(body)),
      Connection: 'close',
    },
    body,
  });
  host.ctx.net.listen(o.port, {
    http: async (req) => {
      if (o.bind !== '0.0.0.0' && !req.localAddress.startsWith('127.'))
        throw new NetError('ECONNREFUSED', 'connection refused');
      const { path, query } = splitPath(req.path);
      const r = parts.request;
      r.attrs.set('method', req.method);
      r.attrs.set('path', path);
      r.attrs.set('remote_addr', req.remoteAddress);
      r.attrs.set(
        'args',
        new PyDict(
          query
            .split('&')
            .filter(Boolean)
            .map((kv) => kv.split('=').map(decodeURIComponent) as [string, string]),
        ),
      );
      r.attrs.set('headers', new PyDict(Object.entries(req.headers)));
      let json: Py;
      try {
        json = req.body ? await I().call((await I().import('json')).attrs.get('loads')!, [req.body]) : null;
      } catch {
        json = null;
      }
      r.attrs.set('json', json);
      const match = routes.find((rt) => rt.regex.test(path));
      if (!match) {
        log(req, 404);
        return reply(404, NOT_FOUND, 'text/html; charset=utf-8');
      }
      if (!match.methods.includes(req.method) && !(req.method === 'HEAD' && match.methods.includes('GET'))) {
        log(req, 405);
        return reply(405, NOT_ALLOWED, 'text/html; charset=utf-8');
      }
      const values = match.regex.exec(path)!.slice(1);
      const kwargs = new Map<string, Py>(
        match.params.map(([name, conv], i) => [
          name,
          conv === 'int' ? BigInt(values[i]!) : decodeURIComponent(values[i]!),
        ]),
      );
      let result: Py;
      try {
        result = await I().call(match.view, [], kwargs);
      } catch (error) {
        if (!(error instanceof PyError)) throw error;
        const code = error.exc.attrs.get('code');
        if (typeof code === 'bigint') {
          log(req, Number(code));
          return reply(
            Number(code),
            Number(code) === 404 ? NOT_FOUND : SERVER_ERROR,
            'text/html; charset=utf-8',
          );
        }
        host.rt.write(
          `[${pythonLogTime(host.ctx.now())}] ERROR in app: Exception on ${path} [${req.method}]\n${I().traceback(error)}`,
          true,
          true,
        );
        log(req, 500);
        return reply(500, SERVER_ERROR, 'text/html; charset=utf-8');
      }
      let status = 200;
      if (result instanceof PyTuple) {
        status = Number(result.items[1] ?? 200n);
        result = result.items[0]!;
      }
      let body: string;
      let type = 'text/html; charset=utf-8';
      if (result instanceof PyInstance && result.cls === parts.responseCls) {
        const n = result.native as { body: string; status: number; type: string };
        body = n.body;
        type = n.type;
        if (status === 200) status = n.status;
      } else if (result instanceof PyDict || result instanceof PyList) {
        body = await parts.jsonText(result);
        type = 'application/json';
      } else body = await I().str(result);
      log(req, status);
      return reply(status, req.method === 'HEAD' ? '' : body, type);
    },
  });
  await host.forever();
}

export function redisModule(host: ModuleHost): PyModule {
  const I = () => host.rt.interp();
  const connectionError = new PyClass(
    'ConnectionError',
    [host.exceptions.get('Exception')!],
    new Map(),
    'redis.exceptions',
  );
  const responseError = new PyClass(
    'ResponseError',
    [host.exceptions.get('Exception')!],
    new Map(),
    'redis.exceptions',
  );
  const exceptions = new PyModule('redis.exceptions', {
    ConnectionError: connectionError,
    ResponseError: responseError,
    RedisError: host.exceptions.get('Exception')!,
  });
  const cls = new PyClass('Redis', [], new Map(), 'redis.client');
  const toPy = (r: Reply): Py => {
    switch (r.kind) {
      case 'status':
        return r.text === 'OK' || r.text === 'PONG' ? true : r.text;
      case 'int':
        return BigInt(r.value);
      case 'bulk':
        return r.text;
      case 'array':
        return new PyList((r.items ?? []).map(toPy));
      case 'error': {
        const e = new PyInstance(responseError);
        e.attrs.set('args', new PyTuple([r.text]));
        throw new PyError(e);
      }
    }
  };
  cls.attrs.set(
    '__init__',
    f('__init__', ([self], kw) => {
      (self as PyInstance).native = {
        host: kw.get('host') === undefined ? 'localhost' : str(kw.get('host')!),
        port: kw.get('port') === undefined ? 6379 : Number(kw.get('port')),
        db: kw.get('db') === undefined ? 0 : Number(kw.get('db')),
        password:
          kw.get('password') === undefined || kw.get('password') === null
            ? undefined
            : str(kw.get('password')!),
      };
      return null;
    }),
  );
  const command = (name: string) =>
    f(name, async ([self, ...args], kw) => {
      const c = (self as PyInstance).native as { host: string; port: number; db: number; password?: string };
      const fail = (errno: number, text: string): never => {
        const e = new PyInstance(connectionError);
        e.attrs.set('args', new PyTuple([`Error ${errno} connecting to ${c.host}:${c.port}. ${text}.`]));
        throw new PyError(e);
      };
      const address = host.ctx.net.resolve(c.host);
      if (address === undefined) return fail(-2, 'Name or service not known');
      const words = [name.toUpperCase(), ...args.map(str)];
      if (name === 'set' && kw.has('ex')) words.push('EX', str(kw.get('ex')!));
      const pre: string[][] = [];
      if (c.password) pre.push(['AUTH', c.password]);
      if (c.db) pre.push(['SELECT', String(c.db)]);
      let text: string;
      try {
        text = await host.ctx.net.line(address, c.port, [...pre, words].map(encodeCommand).join(''));
      } catch {
        return fail(111, 'Connection refused');
      }
      const replies = decodeAll(text);
      return toPy(replies[replies.length - 1] ?? { kind: 'bulk', text: null });
    });
  for (const name of [
    'ping',
    'get',
    'set',
    'incr',
    'decr',
    'incrby',
    'delete',
    'exists',
    'keys',
    'expire',
    'ttl',
    'lpush',
    'rpush',
    'lpop',
    'rpop',
    'lrange',
    'llen',
    'hset',
    'hget',
    'hgetall',
    'sadd',
    'smembers',
    'flushall',
    'dbsize',
    'publish',
  ]) {
    cls.attrs.set(name, command(name === 'delete' ? 'del' : name));
  }
  void I;
  return new PyModule('redis', {
    Redis: cls,
    StrictRedis: cls,
    exceptions,
    ConnectionError: connectionError,
  });
}

export function requestsModule(host: ModuleHost): PyModule {
  const I = () => host.rt.interp();
  const respCls = new PyClass('Response', [], new Map(), 'requests.models');
  respCls.attrs.set(
    'json',
    f('json', async ([self]) =>
      I().call((await I().import('json')).attrs.get('loads')!, [(self as PyInstance).attrs.get('text')!]),
    ),
  );
  const connError = new PyClass(
    'ConnectionError',
    [host.exceptions.get('OSError')!],
    new Map(),
    'requests.exceptions',
  );
  const request = (method: string) =>
    f(method.toLowerCase(), async ([url]) => {
      const m = /^https?:\/\/([^/:]+)(?::(\d+))?(\/.*)?$/.exec(str(url!));
      if (!m) return I().raise('ValueError', `Invalid URL '${str(url!)}'`);
      const address = host.ctx.net.resolve(m[1]!);
      try {
        if (address === undefined) throw new NetError('ENOTFOUND', 'not found');
        const res = await host.ctx.net.http(address, Number(m[2] ?? 80), {
          method,
          path: m[3] ?? '/',
          headers: { Host: m[1]!, 'User-Agent': 'python-requests/2.32.5', Accept: '*/*' },
          body: '',
        });
        const r = new PyInstance(respCls);
        r.attrs.set('status_code', BigInt(res.status));
        r.attrs.set('text', res.body);
        r.attrs.set('ok', res.status < 400);
        r.attrs.set('headers', new PyDict(Object.entries(res.headers)));
        return r;
      } catch (error) {
        if (!(error instanceof NetError)) throw error;
        const e = new PyInstance(connError);
        e.attrs.set(
          'args',
          new PyTuple([
            `HTTPConnectionPool(host='${m[1]}', port=${m[2] ?? 80}): Max retries exceeded with url: ${m[3] ?? '/'}`,
          ]),
        );
        throw new PyError(e);
      }
    });
  return new PyModule('requests', {
    get: request('GET'),
    post: request('POST'),
    exceptions: new PyModule('requests.exceptions', { ConnectionError: connError }),
  });
}

/** `python -m http.server [port] [--bind ADDR] [--directory DIR]`. */
export async function httpServer(host: WebHost, args: string[]): Promise<number> {
  let port = 8000;
  let bind = '0.0.0.0';
  let dir = host.ctx.cwd;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--bind' || args[i] === '-b') bind = args[++i] ?? bind;
    else if (args[i] === '--directory' || args[i] === '-d') dir = args[++i] ?? dir;
    else if (/^\d+$/.test(args[i]!)) port = Number(args[i]);
  }
  const fs = host.ctx.fs;
  const log = (req: HttpRequest, text: string) =>
    host.rt.write(`${req.remoteAddress} - - [${pythonLogTime(host.ctx.now())}] ${text}\n`, true, true);
  const headers = (type: string, body: string, extra: Record<string, string> = {}) => ({
    Server: `SimpleHTTP/0.6 Python/${host.version}`,
    Date: httpDate(host.ctx.now()),
    'Content-type': type,
    'Content-Length': String(byteLength(body)),
    ...extra,
  });
  host.rt.write(`Serving HTTP on ${bind} port ${port} (http://${bind}:${port}/) ...\n`, false, false);
  host.ctx.net.listen(port, {
    http: (req) => {
      const { path } = splitPath(req.path);
      const file = `${dir.replace(/\/$/, '')}${decodeURIComponent(path)}`;
      const st = fs.stat(file.replace(/\/$/, '') || '/');
      const error = (code: number, message: string, explain: string): HttpResponse => {
        const body = `<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: ${code}</p>\n        <p>Message: ${message}.</p>\n        <p>Error code explanation: ${code} - ${explain}.</p>\n    </body>\n</html>\n`;
        log(req, `code ${code}, message ${message}`);
        log(req, `"${req.method} ${req.path} HTTP/1.1" ${code} -`);
        return {
          status: code,
          headers: { ...headers('text/html;charset=utf-8', body), Connection: 'close' },
          body,
        };
      };
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return error(501, `Unsupported method ('${req.method}')`, 'Server does not support this operation');
      if (!st) return error(404, 'File not found', 'Nothing matches the given URI');
      if (st.kind === 'dir') {
        if (!path.endsWith('/')) {
          log(req, `"${req.method} ${req.path} HTTP/1.1" 301 -`);
          return { status: 301, headers: { ...headers('text/html', ''), Location: `${path}/` }, body: '' };
        }
        const base = file.replace(/\/$/, '');
        if (fs.stat(`${base}/index.html`)?.kind === 'file') return serveFile(`${base}/index.html`);
        const items = fs.readdir(base).map((n) => (fs.stat(`${base}/${n}`)?.kind === 'dir' ? `${n}/` : n));
        const title = `Directory listing for ${decodeURIComponent(path)}`;
        const body = `<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n</head>\n<body>\n<h1>${title}</h1>\n<hr>\n<ul>\n${items.map((n) => `<li><a href="${encodeURI(n)}">${n}</a></li>\n`).join('')}</ul>\n<hr>\n</body>\n</html>\n`;
        log(req, `"${req.method} ${req.path} HTTP/1.1" 200 -`);
        return { status: 200, headers: headers('text/html; charset=utf-8', body), body };
      }
      return serveFile(file);
      function serveFile(p: string): HttpResponse {
        const body = fs.readFile(p);
        log(req, `"${req.method} ${req.path} HTTP/1.1" 200 -`);
        return {
          status: 200,
          headers: headers(COMMON_TYPES[extension(p)] ?? 'application/octet-stream', body, {
            'Last-Modified': httpDate(fs.stat(p)!.mtime),
          }),
          body: req.method === 'HEAD' ? '' : body,
        };
      }
    },
  });
  try {
    await host.forever();
  } catch (error) {
    if (error instanceof PyError && error.exc.cls.name === 'KeyboardInterrupt') {
      host.rt.write('\nKeyboard interrupt received, exiting.\n', false, true);
      return 0;
    }
    throw error;
  }
  return 0;
}

export { header, PyModule };
