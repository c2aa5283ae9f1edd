/**
 * The small languages inside goal values: ports (`8080:80/tcp`), mounts
 * (`/root/html:/usr/share/nginx/html:ro`), environment, Go durations (`10s`) and image
 * references (`nginx` is `docker.io/library/nginx:latest`).
 */
import type { EnvSpec, MountSpec, PortSpec } from './goal.ts';

/** `8080:80`, `127.0.0.1:8080:80/udp`, `80`, and for services `8080:80 mode=host`; undefined if not a port. */
export function parsePort(text: string): PortSpec | undefined {
  const m =
    /^\s*(?:(?:(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?(\d{1,5}):)?(\d{1,5})(?:\/(tcp|udp|sctp))?(?:\s+mode=(ingress|host))?\s*$/.exec(
      text,
    );
  if (!m) return undefined;
  const hostPort = m[2] === undefined ? undefined : Number(m[2]);
  const containerPort = Number(m[3]);
  if (
    containerPort < 1 ||
    containerPort > 65535 ||
    (hostPort !== undefined && (hostPort < 1 || hostPort > 65535))
  )
    return undefined;
  const protocol = (m[4] ?? 'tcp') as PortSpec['protocol'];
  const spec: PortSpec = { containerPort, protocol, text: portText(m[1], hostPort, containerPort, protocol) };
  if (m[1] !== undefined) spec.hostIp = m[1].replace(/^\[|\]$/g, '');
  if (hostPort !== undefined) spec.hostPort = hostPort;
  if (m[5] !== undefined) spec.mode = m[5] as 'ingress' | 'host';
  return spec;
}

export function portText(
  ip: string | undefined,
  host: number | undefined,
  container: number,
  protocol: string,
): string {
  return `${ip ? `${ip}:` : ''}${host ?? '*'}→${container}/${protocol}`;
}

/** `/src:/dst`, `name:/dst`, `/dst`, each with an optional `:ro` / `:rw`. */
export function parseMount(text: string): MountSpec | undefined {
  const parts = text.trim().split(':');
  let readOnly: boolean | undefined;
  if (parts.length > 1 && (parts.at(-1) === 'ro' || parts.at(-1) === 'rw')) readOnly = parts.pop() === 'ro';
  if (parts.length > 2 || parts.some((p) => p === '')) return undefined;
  const target = parts.at(-1)!;
  if (!target.startsWith('/')) return undefined;
  const source = parts.length === 2 ? parts[0] : undefined;
  const spec: MountSpec = { target: trimSlash(target), text: text.trim() };
  if (source !== undefined) spec.source = source.startsWith('/') ? trimSlash(source) : source;
  if (readOnly !== undefined) spec.readOnly = readOnly;
  return spec;
}

export function trimSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** `KEY=value` lines (Config.Env) as a map. */
export function envOf(lines: readonly string[] | null | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of lines ?? []) {
    const eq = line.indexOf('=');
    if (eq < 0) out.set(line, '');
    else out.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return out;
}

/** What of an EnvSpec does not hold in `env`: a phrase per variable, empty when all hold. */
export function envMismatches(want: EnvSpec, env: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(want)) {
    const have = env.get(key);
    if (value === null) {
      if (have !== undefined) out.push(`${key} is set (to "${have}") but should not be`);
    } else if (value === true) {
      if (have === undefined) out.push(`${key} is not set`);
    } else if (have === undefined) out.push(`${key} is not set (want "${value}")`);
    else if (have !== value) out.push(`${key} is "${have}", not "${value}"`);
  }
  return out;
}

export function envText(want: EnvSpec): string {
  return Object.entries(want)
    .map(([k, v]) => (v === null ? `no ${k}` : v === true ? k : `${k}=${v}`))
    .join(', ');
}

const UNITS: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** A Go duration (`10s`, `1m30s`, `500ms`, `0`) in nanoseconds; undefined if not one. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (t === '0') return 0;
  if (!/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(t)) return undefined;
  let total = 0;
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(m[1]) * UNITS[m[2]!]!;
  return Math.round(total);
}

/** Nanoseconds as Go prints a duration: `10s`, `1m30s`, `500ms`, `0s`. */
export function durationText(ns: number): string {
  if (ns === 0) return '0s';
  if (ns < 1e6) return `${ns / 1e3}µs`;
  if (ns < 1e9) return `${ns / 1e6}ms`;
  let s = ns / 1e9;
  let out = '';
  const h = Math.floor(s / 3600);
  if (h) out += `${h}h`;
  s -= h * 3600;
  const m = Math.floor(s / 60);
  if (m || h) out += `${m}m`;
  s -= m * 60;
  return `${out}${Number(s.toFixed(3))}s`;
}

/**
 * An image reference in its full form, as the daemon resolves a name: `nginx` →
 * `docker.io/library/nginx:latest`; a digest (`@sha256:…`) is kept only when asked.
 */
export function normalizeRef(ref: string, keepDigest = false): string {
  let r = ref.trim();
  let digest = '';
  const at = r.indexOf('@');
  if (at >= 0) {
    digest = r.slice(at);
    r = r.slice(0, at);
  }
  const slash = r.lastIndexOf('/');
  const colon = r.lastIndexOf(':');
  const hasTag = colon > slash;
  if (!hasTag && (digest === '' || !keepDigest)) r += ':latest';
  const first = r.split('/')[0]!;
  const hasDomain = r.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!hasDomain) r = `docker.io/${r.includes('/') ? '' : 'library/'}${r}`;
  return keepDigest ? r + digest : r;
}

/** A reference as people write it: `docker.io/library/nginx:latest` → `nginx:latest`. */
export function familiarRef(ref: string): string {
  return ref.replace(/@sha256:[0-9a-f]+$/, '').replace(/^docker\.io\/(library\/)?/, '');
}
