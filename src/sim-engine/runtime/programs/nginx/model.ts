/**
 * What nginx makes of its configuration: the servers and their locations, upstream
 * groups, log formats, MIME types, the error log and the worker count. Directives
 * inherit from http to server to location as nginx's merge does (root, index,
 * error_page, add_header, access_log, default_type, autoindex, try_files).
 */
import { blocks, ConfigError, value } from './config.ts';
import type { Directive } from './config.ts';

export interface Location {
  modifier: '' | '=' | '~' | '~*' | '^~';
  pattern: string;
  regex?: RegExp;
  directives: Directive[];
}

export interface Server {
  ports: number[];
  defaultServer: boolean;
  names: string[];
  directives: Directive[];
  locations: Location[];
}

export interface Upstream {
  servers: string[];
  next: number;
}

export interface Site {
  workers: number | 'auto';
  user: string;
  pid: string;
  errorLog: { path: string; level: string };
  formats: Map<string, string>;
  types: Map<string, string>;
  http: Directive[];
  servers: Server[];
  upstreams: Map<string, Upstream>;
}

export const COMBINED =
  '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"';

const LEVELS = ['debug', 'info', 'notice', 'warn', 'error', 'crit', 'alert', 'emerg'];

export function levelRank(level: string): number {
  const i = LEVELS.indexOf(level);
  return i < 0 ? LEVELS.indexOf('error') : i;
}

function listenPort(d: Directive): number {
  const spec = d.args[0]!;
  const m = /(?:^|:)(\d+)$/.exec(spec.replace(/^\[[^\]]*\]/, ''));
  if (/^\d+$/.test(spec)) return Number(spec);
  if (m) return Number(m[1]);
  if (spec.startsWith('unix:')) return -1;
  return 80;
}

function location(d: Directive): Location {
  const [a, b] = d.args as [string, string | undefined];
  const modifier = (b === undefined ? '' : a) as Location['modifier'];
  const pattern = b ?? a;
  if (!['', '=', '~', '~*', '^~'].includes(modifier))
    throw new ConfigError(`invalid location modifier "${a}" in ${d.file}:${d.line}`);
  const loc: Location = { modifier, pattern, directives: d.block ?? [] };
  if (modifier === '~' || modifier === '~*') {
    try {
      loc.regex = new RegExp(pattern, modifier === '~*' ? 'i' : '');
    } catch {
      throw new ConfigError(`pcre2_compile() failed: invalid pattern in "${pattern}" in ${d.file}:${d.line}`);
    }
  }
  return loc;
}

/** Build the site from the parsed configuration. */
export function buildSite(main: Directive[]): Site {
  const http = blocks(main, 'http')[0]?.block ?? [];
  const formats = new Map<string, string>([['combined', COMBINED]]);
  for (const d of http.filter((x) => x.name === 'log_format'))
    formats.set(d.args[0]!, d.args.slice(1).join(''));
  const types = new Map<string, string>();
  for (const t of blocks(http, 'types')) {
    for (const d of t.block ?? []) for (const ext of d.args) types.set(ext, d.name);
  }
  const upstreams = new Map<string, Upstream>();
  for (const u of blocks(http, 'upstream')) {
    upstreams.set(u.args[0]!, {
      servers: (u.block ?? []).filter((d) => d.name === 'server').map((d) => d.args[0]!),
      next: 0,
    });
  }
  const servers = blocks(http, 'server').map((s): Server => {
    const directives = s.block ?? [];
    const listens = directives.filter((d) => d.name === 'listen');
    const ports = listens.length ? [...new Set(listens.map(listenPort).filter((p) => p > 0))] : [80];
    return {
      ports,
      defaultServer: listens.some((d) => d.args.includes('default_server') || d.args.includes('default')),
      names: value(directives, 'server_name') ?? [''],
      directives,
      locations: blocks(directives, 'location').map(location),
    };
  });
  const errorLog = value(main, 'error_log');
  const workers = value(main, 'worker_processes')?.[0] ?? '1';
  return {
    workers: workers === 'auto' ? 'auto' : Math.max(1, Number(workers) || 1),
    user: value(main, 'user')?.[0] ?? 'nobody',
    pid: value(main, 'pid')?.[0] ?? '/var/run/nginx.pid',
    errorLog: { path: errorLog?.[0] ?? '/var/log/nginx/error.log', level: errorLog?.[1] ?? 'error' },
    formats,
    types,
    http,
    servers,
    upstreams,
  };
}

/** A directive's value for a location, inherited from its server and http. */
export function inherited(
  site: Site,
  server: Server,
  loc: Location | undefined,
  name: string,
): string[] | undefined {
  return value(loc?.directives, name) ?? value(server.directives, name) ?? value(site.http, name);
}

/** All instances of a directive at the nearest level that has any (add_header, error_page). */
export function inheritedAll(
  site: Site,
  server: Server,
  loc: Location | undefined,
  name: string,
): string[][] {
  for (const list of [loc?.directives, server.directives, site.http]) {
    const found = (list ?? []).filter((d) => d.name === name);
    if (found.length) return found.map((d) => d.args);
  }
  return [];
}

/** nginx's location search: exact, longest prefix (^~ stops), regexes in order, prefix. */
export function findLocation(server: Server, uri: string): Location | undefined {
  const exact = server.locations.find((l) => l.modifier === '=' && l.pattern === uri);
  if (exact) return exact;
  let best: Location | undefined;
  for (const l of server.locations) {
    if ((l.modifier === '' || l.modifier === '^~') && uri.startsWith(l.pattern)) {
      if (!best || l.pattern.length > best.pattern.length) best = l;
    }
  }
  if (best?.modifier === '^~') return best;
  const regex = server.locations.find((l) => l.regex?.test(uri));
  return regex ?? best;
}

/** The server for a request to `port` with this Host header. */
export function findServer(site: Site, port: number, host: string): Server | undefined {
  const candidates = site.servers.filter((s) => s.ports.includes(port));
  const name = host.replace(/:\d+$/, '').toLowerCase();
  const match = candidates.find((s) =>
    s.names.some((n) => {
      if (n.startsWith('~')) return new RegExp(n.slice(1)).test(name);
      if (n.startsWith('*.')) return name.endsWith(n.slice(1));
      if (n.startsWith('.')) return name === n.slice(1) || name.endsWith(n);
      return n.toLowerCase() === name;
    }),
  );
  return match ?? candidates.find((s) => s.defaultServer) ?? candidates[0];
}
