/**
 * How nginx answers a request: server and location selection, `return`, `deny`,
 * `proxy_pass`, `try_files`, static files from `root`/`alias` with `index` (an
 * internal redirect, as nginx does), `autoindex`, `error_page`, `add_header`,
 * conditional GETs, the error log lines each failure writes, and the access log.
 */
import type { HttpRequest, HttpResponse, ProcessContext } from '../../../process/types.ts';
import { byteLength, extension, header, normalizeUri, splitPath } from '../support/http.ts';
import { httpDate } from '../support/log-time.ts';
import { findLocation, findServer, inherited, inheritedAll } from './model.ts';
import type { Location, Site } from './model.ts';
import { autoindexPage, errorPage, statusText } from './pages.ts';
import { proxy } from './proxy.ts';
import { expand } from './vars.ts';
import type { RequestState } from './vars.ts';

export interface NginxHttp {
  ctx: ProcessContext;
  site: Site;
  /** `nginx/1.31.3`, or `nginx` with server_tokens off */
  tokens: (r: RequestState, loc: Location | undefined) => string;
  workerPid: () => number;
  nextConnection: () => number;
  /** an error log line about a request; `extra` goes before `host:` (the upstream) */
  error: (r: RequestState, level: string, text: string, extra?: string) => void;
  access: (r: RequestState, loc: Location | undefined) => void;
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
  loc?: Location;
}

const READ_BY_NGINX = (st: { mode: number; uid: number; gid: number }) =>
  (st.mode & 0o004) !== 0 ||
  (st.uid === 101 && (st.mode & 0o400) !== 0) ||
  (st.gid === 101 && (st.mode & 0o040) !== 0);

function rootOf(n: NginxHttp, r: RequestState, loc: Location | undefined, uri: string): string {
  const alias = loc ? inherited(n.site, r.server, loc, 'alias') : undefined;
  if (alias && loc && (loc.modifier === '' || loc.modifier === '^~'))
    return alias[0]! + uri.slice(loc.pattern.length);
  const root = inherited(n.site, r.server, loc, 'root')?.[0] ?? 'html';
  return (root.startsWith('/') ? root : `/etc/nginx/${root}`).replace(/\/$/, '') + uri;
}

function contentType(n: NginxHttp, r: RequestState, loc: Location | undefined, path: string): string {
  return (
    n.site.types.get(extension(path)) ?? inherited(n.site, r.server, loc, 'default_type')?.[0] ?? 'text/plain'
  );
}

function fail(status: number, loc?: Location): Answer {
  return { status, headers: {}, body: '', ...(loc ? { loc } : {}) };
}

async function staticFile(
  n: NginxHttp,
  r: RequestState,
  loc: Location | undefined,
  depth: number,
): Promise<Answer> {
  const fs = n.ctx.fs;
  if (r.method !== 'GET' && r.method !== 'HEAD') return fail(405, loc);
  const path = rootOf(n, r, loc, r.uri);
  if (r.uri.endsWith('/')) {
    const dir = fs.stat(path);
    const indexes = inherited(n.site, r.server, loc, 'index') ?? ['index.html'];
    for (const index of indexes) {
      const target = index.startsWith('/') ? index : r.uri + index;
      if (index.startsWith('/') || fs.stat(`${path}${index}`)?.kind === 'file')
        return route(n, r, target, depth + 1);
    }
    if (!dir || dir.kind !== 'dir') {
      n.error(r, 'error', `"${path}${indexes[0]}" is not found (2: No such file or directory)`);
      return fail(404, loc);
    }
    if (inherited(n.site, r.server, loc, 'autoindex')?.[0] === 'on') {
      return {
        status: 200,
        headers: { 'Content-Type': 'text/html' },
        body: autoindexPage(fs, path.replace(/\/$/, ''), r.uri),
        loc,
      };
    }
    n.error(r, 'error', `directory index of "${path}" is forbidden`);
    return fail(403, loc);
  }
  const st = fs.stat(path);
  if (!st) {
    n.error(r, 'error', `open() "${path}" failed (2: No such file or directory)`);
    return fail(404, loc);
  }
  if (st.kind === 'dir') {
    const hostName = header(r.headers, 'host')?.replace(/:\d+$/, '') ?? r.server.names[0] ?? 'localhost';
    const port = r.port === 80 ? '' : `:${r.port}`;
    return {
      status: 301,
      headers: { Location: `http://${hostName}${port}${r.uri}/${r.args ? `?${r.args}` : ''}` },
      body: '',
      loc,
    };
  }
  if (!READ_BY_NGINX(st)) {
    n.error(r, 'error', `open() "${path}" failed (13: Permission denied)`);
    return fail(403, loc);
  }
  const etag = `"${Math.floor(st.mtime / 1000).toString(16)}-${st.size.toString(16)}"`;
  const lastModified = httpDate(st.mtime);
  const headers: Record<string, string> = {
    'Content-Type': contentType(n, r, loc, path),
    'Content-Length': String(st.size),
    'Last-Modified': lastModified,
    ETag: etag,
    'Accept-Ranges': 'bytes',
  };
  if (
    header(r.headers, 'if-none-match') === etag ||
    header(r.headers, 'if-modified-since') === lastModified
  ) {
    return { status: 304, headers: { 'Last-Modified': lastModified, ETag: etag }, body: '', loc };
  }
  return { status: 200, headers, body: fs.readFile(path), loc };
}

async function tryFiles(
  n: NginxHttp,
  r: RequestState,
  loc: Location | undefined,
  args: string[],
  depth: number,
) {
  for (const candidate of args.slice(0, -1)) {
    const uri = expand(r, candidate);
    const path = rootOf(n, r, loc, uri);
    const st = n.ctx.fs.stat(path.replace(/\/$/, '') || '/');
    if (uri.endsWith('/') ? st?.kind === 'dir' : st?.kind === 'file') {
      return staticFile(n, { ...r, uri }, loc, depth);
    }
  }
  const last = args[args.length - 1]!;
  if (/^=\d{3}$/.test(last)) return fail(Number(last.slice(1)), loc);
  return route(n, r, expand(r, last), depth + 1);
}

function doReturn(n: NginxHttp, r: RequestState, loc: Location | undefined, args: string[]): Answer {
  if (args.length === 1 && !/^\d{3}$/.test(args[0]!))
    return { status: 302, headers: { Location: expand(r, args[0]!) }, body: '', loc };
  const status = Number(args[0]);
  const rest = args[1] === undefined ? undefined : expand(r, args[1]);
  if ([301, 302, 303, 307, 308].includes(status))
    return { status, headers: rest ? { Location: rest } : {}, body: '', loc };
  if (rest === undefined) return fail(status, loc);
  const type = inherited(n.site, r.server, loc, 'default_type')?.[0] ?? 'text/plain';
  return { status, headers: { 'Content-Type': type }, body: rest, loc };
}

/** Run the request for `uri` through the server's locations (an internal redirect when depth > 0). */
export async function route(n: NginxHttp, r: RequestState, uri: string, depth = 0): Promise<Answer> {
  r.uri = uri;
  if (depth > 10) {
    n.error(r, 'error', `rewrite or internal redirection cycle while internally redirecting to "${uri}"`);
    return fail(500);
  }
  const serverReturn = r.server.directives.find((d) => d.name === 'return');
  if (serverReturn) return doReturn(n, r, undefined, serverReturn.args);
  const loc = findLocation(r.server, uri);
  const own = loc?.directives ?? [];
  const ret = own.find((d) => d.name === 'return');
  if (ret) return doReturn(n, r, loc, ret.args);
  if (own.some((d) => d.name === 'deny' && d.args[0] === 'all')) {
    n.error(r, 'error', 'access forbidden by rule');
    return fail(403, loc);
  }
  const pass = own.find((d) => d.name === 'proxy_pass');
  if (pass && loc) return proxy(n, r, loc, pass.args[0]!);
  const tf = inherited(n.site, r.server, loc, 'try_files');
  if (tf) return tryFiles(n, r, loc, tf, depth);
  return staticFile(n, r, loc, depth);
}

async function withErrorPage(n: NginxHttp, r: RequestState, a: Answer): Promise<Answer> {
  if (a.status < 300 || a.body !== '' || a.status === 304) return a;
  for (const args of inheritedAll(n.site, r.server, a.loc, 'error_page')) {
    const codes = args
      .slice(0, -1)
      .filter((c) => /^\d{3}$/.test(c))
      .map(Number);
    if (!codes.includes(a.status)) continue;
    const override = args.find((x) => /^=\d*$/.test(x));
    const target = args[args.length - 1]!;
    if (/^https?:\/\//.test(target))
      return { status: 302, headers: { Location: target }, body: '', ...(a.loc ? { loc: a.loc } : {}) };
    const page = await route(n, { ...r, method: 'GET' }, target, 1);
    if (page.status === 200)
      return { ...page, status: override && override !== '=' ? Number(override.slice(1)) : a.status };
    break;
  }
  return a;
}

/** The HTTP handler of one listening port. */
export async function handle(n: NginxHttp, port: number, req: HttpRequest): Promise<HttpResponse> {
  const { path, query } = splitPath(req.path);
  const server = findServer(n.site, port, header(req.headers, 'host') ?? '');
  const r: RequestState = {
    method: req.method,
    rawUri: req.path,
    uri: path,
    args: query,
    headers: req.headers,
    remote: req.remoteAddress,
    port,
    server: server!,
    connection: n.nextConnection(),
    hostname: n.ctx.hostname,
    pid: n.workerPid(),
    now: n.ctx.now(),
  };
  const uri = normalizeUri(path);
  let a: Answer = uri === undefined || !server ? fail(400) : await route(n, r, uri);
  a = await withErrorPage(n, r, a);
  const tokens = n.tokens(r, a.loc);
  let body = a.body;
  const headers: Record<string, string> = { Server: tokens, Date: httpDate(n.ctx.now()) };
  if (body === '' && a.status >= 301 && a.status !== 304) {
    body = errorPage(a.status, tokens) ?? '';
    headers['Content-Type'] = 'text/html';
  }
  Object.assign(headers, a.headers);
  if (a.status !== 304) headers['Content-Length'] ??= String(byteLength(body));
  const location = headers['Location'];
  delete headers['Location'];
  if (location !== undefined) headers['Location'] = location;
  headers['Connection'] = 'keep-alive';
  for (const k of ['ETag', 'Accept-Ranges']) {
    const v = headers[k];
    delete headers[k];
    if (v !== undefined) headers[k] = v;
  }
  for (const h of inheritedAll(n.site, r.server, a.loc, 'add_header')) {
    if (h[2] === 'always' || [200, 201, 204, 206, 301, 302, 303, 304, 307, 308].includes(a.status)) {
      headers[h[0]!] = expand(r, h[1]!);
    }
  }
  if (req.method === 'HEAD') body = '';
  r.status = a.status;
  r.bodyBytes = a.status === 304 || req.method === 'HEAD' ? 0 : byteLength(body);
  n.access(r, a.loc);
  const text = statusText(a.status);
  return { status: a.status, ...(text ? { statusText: text } : {}), headers, body };
}
