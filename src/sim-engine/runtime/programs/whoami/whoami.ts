/**
 * traefik/whoami (v1.12): a Go HTTP server that tells who it is. `/` prints the
 * container's hostname, its IPs, the client's address and the request as received;
 * `/api` the same as JSON; `/health` answers 200. `-port`/WHOAMI_PORT_NUMBER,
 * `-name`/WHOAMI_NAME and `-verbose` as the real flags. The image is FROM scratch.
 *
 * Differs from whoami: `/data`, `/echo` (websocket), `/bench` and gRPC are not served
 * (404); TLS flags are accepted and ignored.
 */
import type { HttpRequest, HttpResponse, ProcessContext, Program } from '../../../process/types.ts';
import { clfTime, httpDate } from '../support/log-time.ts';
import {
  canonicalHeaderKey,
  ephemeralPort,
  goDefaultSignals,
  goLog,
  goRequestWrite,
  parseGoFlags,
} from '../support/go-runtime.ts';
import { goJson } from '../support/go-json.ts';

const FLAGS = [
  { name: 'verbose', kind: 'bool' as const, usage: 'Enable verbose logging' },
  { name: 'cert', kind: 'string' as const, usage: 'give me a certificate' },
  { name: 'key', kind: 'string' as const, usage: 'give me a key' },
  { name: 'cacert', kind: 'string' as const, usage: 'give me a CA chain, enforces mutual TLS' },
  { name: 'port', kind: 'string' as const, usage: 'give me a port number', default: '80' },
  { name: 'name', kind: 'string' as const, usage: 'give me a name' },
];

function ips(ctx: ProcessContext): string[] {
  return ['127.0.0.1', ...ctx.net.addresses().filter((ip) => !ip.startsWith('127.'))];
}

function text(
  ctx: ProcessContext,
  body: string,
  extra: Record<string, string> = {},
  status = 200,
): HttpResponse {
  return {
    status,
    headers: {
      Date: httpDate(ctx.now()),
      'Content-Length': String(body.length),
      'Content-Type': 'text/plain; charset=utf-8',
      ...extra,
    },
    body,
  };
}

function handle(ctx: ProcessContext, name: string, req: HttpRequest, remote: string): HttpResponse {
  const path = req.path.split('?')[0]!;
  const query = new Map(
    (req.path.split('?')[1] ?? '').split('&').map((kv) => kv.split('=') as [string, string | undefined]),
  );
  const truthy = (v: string | undefined) =>
    v !== undefined && ['1', 't', 'T', 'true', 'TRUE', 'True'].includes(v);
  const env = truthy(query.get('env')) ? [...ctx.env].map(([k, v]) => `${k}=${v}`) : [];
  if (path === '/health') return text(ctx, '', {}, 200);
  if (path === '/api') {
    const headers: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (k.toLowerCase() !== 'host') headers[canonicalHeaderKey(k)] = [v];
    const body = goJson({
      hostname: ctx.hostname,
      ip: ips(ctx),
      headers,
      url: req.path,
      host: req.headers['Host'] ?? req.headers['host'] ?? '',
      method: req.method,
      name,
      remoteAddr: remote,
      environ: Object.fromEntries(env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)])),
    });
    return text(ctx, `${body}\n`, { 'Content-Type': 'application/json' });
  }
  if (path !== '/') {
    const known = ['/data', '/echo', '/bench', '/openapi.yaml'];
    if (!known.includes(path)) {
      // ServeMux's "/" pattern catches every other path: whoamiHandler answers
    } else return text(ctx, '404 page not found\n', { 'X-Content-Type-Options': 'nosniff' }, 404);
  }
  let body = name ? `Name: ${name}\n` : '';
  body += `Hostname: ${ctx.hostname}\n`;
  for (const ip of ips(ctx)) body += `IP: ${ip}\n`;
  body += `RemoteAddr: ${remote}\n`;
  const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k.toLowerCase() !== 'host'));
  headers['Host'] = req.headers['Host'] ?? req.headers['host'] ?? '';
  body += goRequestWrite({ ...req, headers });
  for (const e of env) body += `${e}\n`;
  return text(ctx, body);
}

export const whoamiServer: Program = async (ctx) => {
  const parsed = parseGoFlags(
    ctx,
    FLAGS.map((f) => (f.name === 'port' ? { ...f, default: ctx.env.get('WHOAMI_PORT_NUMBER') || '80' } : f)),
  );
  if (typeof parsed === 'number') return parsed;
  const port = parsed.values.get('port') ?? (ctx.env.get('WHOAMI_PORT_NUMBER') || '80');
  const name = parsed.values.get('name') ?? ctx.env.get('WHOAMI_NAME') ?? '';
  const verbose = parsed.values.get('verbose') === 'true';
  const tls = parsed.values.get('cert') && parsed.values.get('key');
  goDefaultSignals(ctx);
  goLog(ctx, `Starting up${tls ? ' with TLS' : ''} on port ${port}`);
  const portNumber = Number(port);
  if (!Number.isInteger(portNumber) || portNumber < 0 || portNumber > 65535) {
    goLog(ctx, `listen tcp: address ${port}: invalid port`);
    return 1;
  }
  ctx.net.listen(portNumber, {
    http: (req) => {
      const remote = `${req.remoteAddress}:${ephemeralPort(ctx)}`;
      const res = handle(ctx, name, req, remote);
      if (verbose) {
        goLog(
          ctx,
          `${remote} - - [${clfTime(ctx.now())}] "${req.method} ${req.path.split('?')[0]} HTTP/1.1" - -`,
        );
      }
      return res;
    },
  });
  return ctx.ended;
};
