/**
 * `proxy_pass`: the request sent on to an address or an `upstream` group (round
 * robin), with the URI replaced when proxy_pass names one, `Host: $proxy_host` and
 * `Connection: close` unless proxy_set_header says otherwise; the answer relayed with
 * nginx's own Server/Date. A refused connection is 502 and its error log line.
 *
 * Differs from nginx: no retries on the next upstream server, no buffering limits.
 */
import { NetError } from '../../../process/types.ts';
import { inheritedAll } from './model.ts';
import type { Location } from './model.ts';
import type { Answer, NginxHttp } from './serve.ts';
import { expand } from './vars.ts';
import type { RequestState } from './vars.ts';

export interface Target {
  host: string;
  port: number;
  /** the URI part of proxy_pass (`/api/`), undefined when it has none */
  uri: string | undefined;
  /** upstream group name, when proxy_pass names one */
  group?: string;
}

export function parseTarget(pass: string): Target | undefined {
  const m = /^(https?):\/\/([^/:]+|\[[^\]]+\])(?::(\d+))?(\/.*)?$/.exec(pass);
  if (!m) return undefined;
  return { host: m[2]!, port: m[3] ? Number(m[3]) : m[1] === 'https' ? 443 : 80, uri: m[4] };
}

/** Which host:port serves this request (an upstream group's next server). */
function pick(n: NginxHttp, t: Target): { host: string; port: number } {
  const group = n.site.upstreams.get(t.host);
  if (!group || group.servers.length === 0) return t;
  const server = group.servers[group.next++ % group.servers.length]!;
  const [host, port] = server.split(':');
  return { host: host!, port: port ? Number(port) : 80 };
}

export async function proxy(n: NginxHttp, r: RequestState, loc: Location, pass: string): Promise<Answer> {
  const target = parseTarget(expand(r, pass));
  if (!target) return { status: 500, headers: {}, body: '', loc };
  let path = r.rawUri;
  if (target.uri !== undefined) {
    const rest = loc.modifier === '' || loc.modifier === '^~' ? r.uri.slice(loc.pattern.length) : r.uri;
    path = target.uri + rest + (r.args ? `?${r.args}` : '');
  }
  const server = pick(n, target);
  const ip = n.ctx.net.resolve(server.host) ?? server.host;
  const proxyHost = target.port === 80 ? target.host : `${target.host}:${target.port}`;
  const headers: Record<string, string> = { Host: proxyHost, Connection: 'close' };
  for (const [k, v] of Object.entries(r.headers)) {
    if (!['host', 'connection'].includes(k.toLowerCase())) headers[k] = v;
  }
  for (const [name, val] of inheritedAll(n.site, r.server, loc, 'proxy_set_header')) {
    for (const k of Object.keys(headers)) if (k.toLowerCase() === name!.toLowerCase()) delete headers[k];
    const v = expand(r, val ?? '');
    if (v !== '') headers[name!] = v;
  }
  r.upstream = `${ip}:${server.port}`;
  const upstreamUrl = `http://${ip}:${server.port}${path}`;
  try {
    const res = await n.ctx.net.http(ip, server.port, { method: r.method, path, headers, body: '' });
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) {
      if (!['server', 'date', 'connection', 'keep-alive', 'transfer-encoding'].includes(k.toLowerCase()))
        out[k] = v;
    }
    return { status: res.status, headers: out, body: res.body, loc };
  } catch (error) {
    const code = error instanceof NetError ? error.code : 'ECONNREFUSED';
    const where = `upstream: "${upstreamUrl}"`;
    if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH') {
      // proxy_connect_timeout's default
      await n.ctx.sleep(60_000);
      n.error(
        r,
        'error',
        `upstream timed out (110: Connection timed out) while connecting to upstream`,
        where,
      );
      return { status: 504, headers: {}, body: '', loc };
    }
    n.error(r, 'error', `connect() failed (111: Connection refused) while connecting to upstream`, where);
    return { status: 502, headers: {}, body: '', loc };
  }
}
