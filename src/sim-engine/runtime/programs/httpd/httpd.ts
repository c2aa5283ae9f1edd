/**
 * Apache httpd 2.4 (event MPM) as the httpd image runs it: `httpd -DFOREGROUND`,
 * its start lines on stderr (AH00558 twice when no ServerName, AH00489, AH00094),
 * three child processes as www-data, the DocumentRoot served with DirectoryIndex,
 * `Options Indexes` listings and Apache's error documents, the common log format on
 * stdout, and its signals: SIGWINCH graceful stop (the image's stop signal), SIGTERM
 * and SIGINT stop, SIGHUP restart. Without -DFOREGROUND it detaches, so its process
 * ends at once. `-v`, `-V`, `-t` as the real options.
 *
 * Differs from httpd: httpd.conf is read for Listen, ServerName, DocumentRoot,
 * DirectoryIndex and CustomLog only; no modules, .htaccess or CGI.
 */
import type {
  ChildProcess,
  HttpRequest,
  HttpResponse,
  ProcessContext,
  Program,
} from '../../../process/types.ts';
import { logSink } from '../support/log-sink.ts';
import { apacheTime, clfTime, httpDate, subMs } from '../support/log-time.ts';
import { byteLength, COMMON_TYPES, extension, normalizeUri, splitPath } from '../support/http.ts';
import { lookupUser } from '../support/users.ts';
import { errorDocument, listing } from './pages.ts';

const ROOT = '/usr/local/apache2';

interface Conf {
  listen: number[];
  serverName?: string;
  docRoot: string;
  index: string[];
  customLog: string;
}

function readConf(ctx: ProcessContext): Conf {
  let text = '';
  try {
    text = ctx.fs.readFile(`${ROOT}/conf/httpd.conf`);
  } catch {
    // no configuration: httpd's compiled-in defaults
  }
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const get = (name: string) =>
    lines
      .filter((l) => l.toLowerCase().startsWith(`${name.toLowerCase()} `))
      .map((l) => l.slice(name.length).trim());
  const unquote = (s: string) => s.replace(/^"(.*)"$/, '$1');
  const listen = get('Listen').map((l) => Number(l.split(':').pop()));
  const docRoot = unquote(get('DocumentRoot')[0] ?? `"${ROOT}/htdocs"`);
  return {
    listen: listen.length ? listen : [80],
    ...(get('ServerName')[0] ? { serverName: get('ServerName')[0]! } : {}),
    docRoot: docRoot.startsWith('/') ? docRoot : `${ROOT}/${docRoot}`,
    index: (get('DirectoryIndex')[0] ?? 'index.html').split(/\s+/),
    customLog: unquote((get('CustomLog')[0] ?? '/proc/self/fd/1 common').split(/\s+/)[0]!),
  };
}

function version(ctx: ProcessContext): string {
  return ctx.env.get('HTTPD_VERSION') ?? '2.4.68';
}

function errorLog(ctx: ProcessContext, module: string, text: string): void {
  ctx.stderr.write(
    `[${apacheTime(
      ctx.now(),
      subMs(() => ctx.random(), 1000),
    )}] [${module}] [pid ${ctx.pid}:tid ${ctx.pid}] ${text}\n`,
  );
}

function fqdnWarnings(ctx: ProcessContext, conf: Conf): void {
  if (conf.serverName) return;
  const ip = ctx.net.addresses().find((a) => !a.startsWith('127.')) ?? '127.0.0.1';
  const line = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message\n`;
  ctx.stderr.write(line);
  ctx.stderr.write(line);
}

function serve(ctx: ProcessContext, conf: Conf, req: HttpRequest): HttpResponse {
  const v = version(ctx);
  const { path, query } = splitPath(req.path);
  const uri = normalizeUri(path);
  const headers: Record<string, string> = { Date: httpDate(ctx.now()), Server: `Apache/${v} (Unix)` };
  const respond = (status: number, body: string, extra: Record<string, string> = {}): HttpResponse => {
    const out: HttpResponse = {
      status,
      headers: { ...headers, ...extra, 'Content-Length': String(byteLength(body)) },
      body: req.method === 'HEAD' ? '' : body,
    };
    if (!extra['Content-Type']) out.headers['Content-Type'] = 'text/html; charset=iso-8859-1';
    logSink(ctx, conf.customLog).write(
      `${req.remoteAddress} - - [${clfTime(ctx.now())}] "${req.method} ${req.path} HTTP/1.1" ${status} ${status === 304 ? '-' : byteLength(body)}\n`,
    );
    return out;
  };
  if (uri === undefined) return respond(400, errorDocument(400));
  const file = conf.docRoot + uri;
  const st = ctx.fs.stat(file.replace(/\/$/, '') || '/');
  if (!st) return respond(404, errorDocument(404));
  if (st.kind === 'dir') {
    if (!uri.endsWith('/')) {
      const host = Object.entries(req.headers).find(([k]) => k.toLowerCase() === 'host')?.[1] ?? 'localhost';
      const location = `http://${host}${uri}/${query ? `?${query}` : ''}`;
      return respond(301, errorDocument(301, location), { Location: location });
    }
    const index = conf.index.find((n) => ctx.fs.stat(`${file}${n}`)?.kind === 'file');
    if (!index)
      return respond(200, listing(ctx.fs, file.replace(/\/$/, ''), uri), {
        'Content-Type': 'text/html;charset=ISO-8859-1',
      });
    return serveFile(`${file}${index}`);
  }
  return serveFile(file);

  function serveFile(p: string): HttpResponse {
    const s = ctx.fs.stat(p)!;
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return respond(405, errorDocument(405), { Allow: 'GET,POST,OPTIONS,HEAD' });
    const body = ctx.fs.readFile(p);
    return respond(200, body, {
      'Last-Modified': httpDate(s.mtime),
      ETag: `"${s.size.toString(16)}-${(s.mtime * 1000).toString(16)}"`,
      'Accept-Ranges': 'bytes',
      'Content-Type': COMMON_TYPES[extension(p)] ?? 'text/plain',
    });
  }
}

export const httpd: Program = async (ctx) => {
  if (ctx.variant === 'child') {
    ctx.setTitle?.('httpd -DFOREGROUND');
    return ctx.ended;
  }
  const v = version(ctx);
  const args = ctx.argv.slice(1);
  const conf = readConf(ctx);
  if (args.includes('-v') || args.includes('-V')) {
    ctx.stdout.write(`Server version: Apache/${v} (Unix)\nServer built:   Sep 18 2026 00:18:40\n`);
    if (args.includes('-V'))
      ctx.stdout.write(
        "Server's Module Magic Number: 20120211:141\nServer loaded:  APR 1.7.5, APR-UTIL 1.6.3, PCRE 10.45 2025-02-05\nCompiled using: APR 1.7.5, APR-UTIL 1.6.3, PCRE 10.45 2025-02-05\nArchitecture:   64-bit\nServer MPM:     event\n  threaded:     yes (fixed thread count)\n    forked:     yes (variable process count)\n",
      );
    return 0;
  }
  if (args.includes('-t')) {
    fqdnWarnings(ctx, conf);
    ctx.stderr.write('Syntax OK\n');
    return 0;
  }
  fqdnWarnings(ctx, conf);
  const foreground = args.some(
    (a, i) => a === '-DFOREGROUND' || (a === '-D' && args[i + 1] === 'FOREGROUND'),
  );
  if (!foreground) return 0;
  const commandLine = `httpd ${args.flatMap((a) => (a.startsWith('-D') && a.length > 2 ? ['-D', a.slice(2)] : [a])).join(' ')}`;
  const started = () => {
    errorLog(ctx, 'mpm_event:notice', `AH00489: Apache/${v} (Unix) configured -- resuming normal operations`);
    errorLog(ctx, 'core:notice', `AH00094: Command line: '${commandLine}'`);
  };
  started();
  ctx.fs.writeFile(`${ROOT}/logs/httpd.pid`, `${ctx.pid}\n`);
  const user = lookupUser(ctx.fs, 'www-data');
  const children: ChildProcess[] = [];
  for (let i = 0; i < 3; i++)
    children.push(
      ctx.spawn([ctx.argv[0] ?? 'httpd', ...args], { program: 'httpd@child', ...(user ? { user } : {}) }),
    );
  for (const port of conf.listen) ctx.net.listen(port, { http: (req) => serve(ctx, conf, req) });
  const stop = (text: string) => () => {
    errorLog(ctx, 'mpm_event:notice', text);
    for (const c of children) c.kill('SIGKILL');
    try {
      ctx.fs.rm(`${ROOT}/logs/httpd.pid`, { force: true });
    } catch {
      // read-only: the pid file stays
    }
    ctx.exit(0);
  };
  ctx.onSignal('SIGWINCH', stop('AH00492: caught SIGWINCH, shutting down gracefully'));
  ctx.onSignal('SIGTERM', stop('AH00491: caught SIGTERM, shutting down'));
  ctx.onSignal('SIGINT', stop('AH00491: caught SIGTERM, shutting down'));
  ctx.onSignal('SIGHUP', () => {
    errorLog(ctx, 'mpm_event:notice', 'AH00493: SIGHUP received.  Attempting to restart');
    fqdnWarnings(ctx, readConf(ctx));
    started();
  });
  ctx.setTitle?.(commandLine.replace(' -D FOREGROUND', ' -DFOREGROUND'));
  return ctx.ended;
};
