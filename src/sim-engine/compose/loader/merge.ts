/**
 * Several `-c` files — docker/cli cli/compose/loader/merge.go: each later file is merged
 * over the ones before (dario.cat/mergo with WithOverride and WithAppendSlice, plus the
 * loader's own rules). For a service present in both:
 *
 * - a value that is set wins, a zero one (`""`, `false`, `0`) does not — except the
 *   counts (`replicas`, `parallelism`, `max_attempts`, healthcheck `retries`), where an
 *   explicit 0 wins too;
 * - lists are appended (`dns`, `cap_add`, placement `constraints`, …), but `command` and
 *   `entrypoint` are replaced, `ports` are merged by published port, `volumes` by target,
 *   `secrets`/`configs` by source (each sorted by that key);
 * - mappings (`environment`, `labels`, networks) are merged key by key;
 * - `logging` with the same driver merges its options, with another driver is replaced.
 *
 * Top-level networks, volumes, secrets and configs are replaced by name. Services come
 * out sorted by name.
 */
import type { Config, ServiceConfig } from '../types.ts';

/** Plain-object fields that are Go maps (a later value always wins), not structs. */
const MAP_FIELDS = new Set(['labels', 'sysctls', 'driverOpts', 'options', 'extras']);
/** *uint64 fields (mergeUint64): a later explicit 0 wins. */
const UINT_POINTERS = new Set(['replicas', 'parallelism', 'maxAttempts', 'retries']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map);
}

const isZero = (v: unknown) => v === undefined || v === null || v === '' || v === false || v === 0;

function mergeByKey<T>(dst: T[], src: T[], key: (x: T) => string | number): T[] {
  const m = new Map<string | number, T>();
  for (const x of dst) m.set(key(x), x);
  for (const x of src) m.set(key(x), x);
  return [...m.values()].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

function mergeValue(dst: unknown, src: unknown, field: string): unknown {
  if (src === undefined) return dst;
  if (dst === undefined) return src;
  switch (field) {
    case 'command':
    case 'entrypoint':
      return (src as unknown[]).length ? src : dst;
    case 'ports':
      return mergeByKey(
        dst as { published?: number }[],
        src as { published?: number }[],
        (p) => p.published ?? 0,
      );
    case 'volumes':
      return mergeByKey(dst as { target?: string }[], src as { target?: string }[], (v) => v.target ?? '');
    case 'secrets':
    case 'configs':
      return mergeByKey(dst as { source?: string }[], src as { source?: string }[], (s) => s.source ?? '');
    case 'logging':
      return mergeLogging(dst as LoggingLike, src as LoggingLike);
    case 'networks':
      return mergeServiceNetworks(dst as NetworksLike, src as NetworksLike);
    case 'ulimits':
      return {
        ...(dst as object),
        ...Object.fromEntries(Object.entries(src as object).filter(([, u]) => !isZeroUlimit(u))),
      };
  }
  if (UINT_POINTERS.has(field)) return src;
  if (Array.isArray(dst) && Array.isArray(src)) return [...dst, ...src];
  if (dst instanceof Map && src instanceof Map) {
    const out = new Map(dst);
    for (const [k, v] of src) if (v !== null || !out.has(k) || out.get(k) === null) out.set(k, v);
    return out;
  }
  if (isPlainObject(dst) && isPlainObject(src)) {
    if (MAP_FIELDS.has(field)) return { ...dst, ...src };
    const out: Record<string, unknown> = { ...dst };
    for (const [k, v] of Object.entries(src)) out[k] = mergeValue(dst[k], v, k);
    return out;
  }
  return isZero(src) ? dst : src;
}

type LoggingLike = { driver?: string; options?: Record<string, string> };

function mergeLogging(dst: LoggingLike, src: LoggingLike): LoggingLike {
  if (dst.driver === src.driver || !dst.driver || !src.driver)
    return { driver: dst.driver || src.driver, options: { ...dst.options, ...src.options } };
  return src;
}

type NetworksLike = Map<string, { aliases?: string[]; ipv4Address?: string; ipv6Address?: string } | null>;

function mergeServiceNetworks(dst: NetworksLike, src: NetworksLike): NetworksLike {
  const out = new Map(dst);
  for (const [name, s] of src) {
    const d = out.get(name);
    if (!d || !s) {
      if (!out.has(name) || s) out.set(name, s);
      continue;
    }
    out.set(name, {
      ...d,
      aliases: s.aliases,
      ...(s.ipv4Address ? { ipv4Address: s.ipv4Address } : {}),
      ...(s.ipv6Address ? { ipv6Address: s.ipv6Address } : {}),
    });
  }
  return out;
}

function isZeroUlimit(u: unknown): boolean {
  const x = u as { single?: number; soft?: number; hard?: number };
  return !x.single && !x.soft && !x.hard;
}

function mergeServices(base: ServiceConfig[], override: ServiceConfig[]): ServiceConfig[] {
  const byName = new Map(base.map((s) => [s.name, s]));
  for (const s of override) {
    const b = byName.get(s.name);
    byName.set(s.name, b ? (mergeValue(b, s, '') as ServiceConfig) : s);
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** loader.merge */
export function merge(configs: Config[]): Config {
  const base = configs[0]!;
  for (const o of configs.slice(1)) {
    base.services = mergeServices(base.services, o.services);
    base.volumes = { ...base.volumes, ...o.volumes };
    base.networks = { ...base.networks, ...o.networks };
    base.secrets = { ...base.secrets, ...o.secrets };
    base.configs = { ...base.configs, ...o.configs };
  }
  return base;
}
