/**
 * nginx variables for `log_format`, `return` and `proxy_set_header`: the request's
 * ($remote_addr, $request, $uri, $args, $http_*…) and the response's ($status,
 * $body_bytes_sent, $upstream_addr…). In a log line a missing value is `-`.
 */
import { clfTime } from '../support/log-time.ts';
import { header } from '../support/http.ts';
import { strftime } from '../../../shell/utils/support/time.ts';
import type { Server } from './model.ts';

export interface RequestState {
  method: string;
  /** the request target as sent: `/a%20b?x=1` */
  rawUri: string;
  /** the current URI, decoded and normalised (changes on internal redirects) */
  uri: string;
  args: string;
  headers: Record<string, string>;
  remote: string;
  port: number;
  server: Server;
  connection: number;
  hostname: string;
  pid: number;
  now: number;
  status?: number;
  bodyBytes?: number;
  upstream?: string;
}

export function host(r: RequestState): string {
  const h = header(r.headers, 'host');
  return (h ?? r.server.names[0] ?? '').replace(/:\d+$/, '').toLowerCase();
}

export function variable(r: RequestState, name: string): string | undefined {
  if (name.startsWith('http_')) return header(r.headers, name.slice(5).replace(/_/g, '-'));
  if (name.startsWith('arg_')) {
    for (const kv of r.args.split('&')) {
      const [k, v] = kv.split('=');
      if (k === name.slice(4)) return v ?? '';
    }
    return undefined;
  }
  switch (name) {
    case 'remote_addr':
    case 'binary_remote_addr':
      return r.remote;
    case 'remote_user':
      return undefined;
    case 'time_local':
      return clfTime(r.now);
    case 'time_iso8601':
      return strftime('%Y-%m-%dT%H:%M:%S+00:00', r.now);
    case 'msec':
      return (r.now / 1000).toFixed(3);
    case 'request':
      return `${r.method} ${r.rawUri} HTTP/1.1`;
    case 'request_method':
      return r.method;
    case 'request_uri':
      return r.rawUri;
    case 'uri':
    case 'document_uri':
      return r.uri;
    case 'args':
    case 'query_string':
      return r.args;
    case 'is_args':
      return r.args ? '?' : '';
    case 'host':
      return host(r);
    case 'server_name':
      return r.server.names[0] ?? '';
    case 'server_port':
      return String(r.port);
    case 'server_protocol':
      return 'HTTP/1.1';
    case 'scheme':
      return 'http';
    case 'hostname':
      return r.hostname;
    case 'pid':
      return String(r.pid);
    case 'connection':
      return String(r.connection);
    case 'status':
      return r.status === undefined ? undefined : String(r.status);
    case 'body_bytes_sent':
      return String(r.bodyBytes ?? 0);
    case 'request_time':
    case 'upstream_response_time':
      return name === 'request_time' || r.upstream ? '0.000' : undefined;
    case 'upstream_addr':
      return r.upstream;
    default:
      return undefined;
  }
}

/** Expand `$name` and `${name}` in a value (missing variables are empty, or `-` in logs). */
export function expand(r: RequestState, text: string, missing = ''): string {
  return text.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a: string | undefined, b: string | undefined) => {
    const v = variable(r, (a ?? b)!);
    return v === undefined || (missing === '-' && v === '') ? missing : v;
  });
}
