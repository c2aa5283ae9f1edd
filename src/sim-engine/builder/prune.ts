/**
 * `POST /build/prune`: moby's builder-next Prune (builder.go: the filters it accepts,
 * toBuildkitPruneInfo) over BuildKit's cacheManager.prune (cache/manager.go).
 *
 * - Without `all`, only records no image shares are candidates ("dangling" cache);
 *   with it, every record. A record still holding another (a parent under a child)
 *   waits until the child has gone: each round removes what nothing holds, and rounds
 *   repeat until one removes nothing.
 * - `until` (or `unused-for`) keeps what was used after that time.
 * - `id` is a regular expression on the ID; `type`, `description` match exactly;
 *   the rest become BuildKit filters that moby translates to `field==value`, on which
 *   `inuse`, `shared`, `private` and `parent` never match (BuildKit's adaptor gives
 *   them no value, and has no `parent` field).
 * - `reserved-space`, `max-used-space`, `min-free-space` make it a GC: one record at a
 *   time, least used and oldest first, until the cache is below what may be kept.
 */
import type { FilterArgs } from '../api/filters.ts';
import { getTimestamp } from '../api/timetypes.ts';
import type { Daemon } from '../daemon/daemon.ts';
import { invalidParameter } from '../errdefs.ts';
import { buildCacheOf } from './cache.ts';
import { buildCacheUsage, type UsageInfo } from './df.ts';

export interface CachePruneOptions {
  all: boolean;
  filters: FilterArgs;
  reservedSpace: number;
  maxUsedSpace: number;
  minFreeSpace: number;
}

/** The fields moby passes on to BuildKit (cacheFields); `mutable`/`immutable` are refused. */
const CACHE_FIELDS = ['id', 'parent', 'type', 'description', 'inuse', 'shared', 'private'];
const VALID_FILTERS = ['unused-for', 'until', 'label', 'label!', ...CACHE_FIELDS];

/** The free space of the daemon's disk as BuildKit's GetDiskStat would see it (a lab's 40 GB disk, mostly free). */
const DISK_FREE = 31_457_280_000;

/** One BuildKit filter (containerd filters: `field`, `field==value`, `field~=regexp`). */
interface Selector {
  field: string;
  op: 'present' | '==' | '~=';
  value: string;
  re?: RegExp;
}

export interface PruneInfo {
  /** records used after this (virtual ms) are kept */
  keepAfterMs?: number;
  selectors: Selector[];
}

/** toBuildkitPruneInfo, with moby's errors (all InvalidParameter). */
export function pruneInfo(filters: FilterArgs, now: number): PruneInfo {
  filters.validate(VALID_FILTERS);
  const until = filters.get('until');
  const unusedFor = filters.get('unused-for');
  if (until.length > 0 && unusedFor.length > 0)
    throw invalidParameter('conflicting filters: "until" and "unused-for"');
  const key = unusedFor.length > 0 ? 'unused-for' : 'until';
  const values = [...until, ...unusedFor];
  if (values.length > 1) throw invalidParameter('filters expect only one value');
  const info: PruneInfo = { selectors: [] };
  if (values.length === 1) {
    let ts: string;
    try {
      ts = getTimestamp(values[0]!, now);
    } catch (err) {
      throw invalidParameter(
        `"${key}" filter expects a duration (e.g., '24h') or a timestamp: ${(err as Error).message}`,
      );
    }
    const [sec = '0', frac = ''] = ts.split('.');
    info.keepAfterMs = Number(sec) * 1000 + Math.floor(Number(`0.${frac || '0'}`) * 1000);
  }
  for (const field of CACHE_FIELDS) {
    if (!filters.contains(field)) continue;
    const vs = filters.get(field);
    if (vs.length > 1) throw invalidParameter('filters expect only one value');
    if (vs.length === 0) info.selectors.push({ field, op: 'present', value: '' });
    else if (field === 'id') {
      let re: RegExp;
      try {
        re = new RegExp(vs[0]!);
      } catch (err) {
        throw invalidParameter(
          `failed to parse prune filters [id~=${vs[0]}]: filters: parse error: ${(err as Error).message}`,
        );
      }
      info.selectors.push({ field, op: '~=', value: vs[0]!, re });
    } else info.selectors.push({ field, op: '==', value: vs[0]! });
  }
  return info;
}

/** adaptUsageInfo: a field's value and whether the record has it. */
function field(u: UsageInfo, name: string): [string, boolean] {
  switch (name) {
    case 'id':
      return [u.id, u.id !== ''];
    case 'parents':
      return [u.parents.join(';'), u.parents.length > 0];
    case 'description':
      return [u.description, u.description !== ''];
    case 'inuse':
      return ['', u.inUse];
    case 'mutable':
      return ['', u.mutable];
    case 'immutable':
      return ['', !u.mutable];
    case 'type':
      return [u.type, true];
    case 'shared':
      return ['', u.shared];
    case 'private':
      return ['', !u.shared];
  }
  return ['', false];
}

/** filters.All: every selector matches. */
export function matches(selectors: readonly Selector[], u: UsageInfo): boolean {
  return selectors.every((s) => {
    const [value, present] = field(u, s.field);
    if (s.op === 'present') return present;
    if (s.op === '==') return present && value === s.value;
    return s.re!.test(value);
  });
}

/** calculateKeepBytes: what the cache may keep (0: no limit). */
function keepBytes(total: number, o: CachePruneOptions): number {
  if (o.maxUsedSpace === 0 && o.reservedSpace === 0 && o.minFreeSpace === 0) return 0;
  let keep = o.maxUsedSpace;
  const excess = o.minFreeSpace - DISK_FREE;
  if (excess > 0) keep = keep === 0 ? total - excess : Math.min(keep, total - excess);
  else if (o.minFreeSpace !== 0 && keep === 0) keep = total;
  return Math.max(keep, o.reservedSpace);
}

/** sortDeleteRecords: the least recently and least often used first. */
function gcOrder(list: UsageInfo[]): UsageInfo[] {
  const byUse = [...list].sort((a, b) => a.lastUsedMs - b.lastUsedMs);
  const lastIdx = new Map<UsageInfo, number>();
  let maxLast = 1;
  let val = -Infinity;
  for (const u of byUse) {
    if (u.lastUsedMs > val) {
      val = u.lastUsedMs;
      maxLast++;
    }
    lastIdx.set(u, maxLast);
  }
  const byCount = [...byUse].sort((a, b) => a.usageCount - b.usageCount);
  const countIdx = new Map<UsageInfo, number>();
  let maxCount = 1;
  let count = 0;
  for (const u of byCount) {
    if (u.usageCount !== count) {
      count = u.usageCount;
      maxCount++;
    }
    countIdx.set(u, maxCount);
  }
  const score = (u: UsageInfo) => lastIdx.get(u)! / maxLast + countIdx.get(u)! / maxCount;
  return byCount.sort((a, b) => score(a) - score(b));
}

/**
 * Prune the daemon's build cache; returns the records removed, in the order they went
 * (what buildx prints, and the IDs of `CachesDeleted`).
 */
export function pruneBuildCache(d: Daemon, o: CachePruneOptions): UsageInfo[] {
  const info = pruneInfo(o.filters, d.clock.now());
  const cache = buildCacheOf(d);
  const usage = buildCacheUsage(d);
  const anyKeep = o.maxUsedSpace !== 0 || o.reservedSpace !== 0 || o.minFreeSpace !== 0;
  let total = anyKeep ? usage.reduce((n, u) => (u.shared ? n : n + u.size), 0) : 0;
  const keep = keepBytes(total, o);
  const deleted: UsageInfo[] = [];
  for (;;) {
    if (keep !== 0 && total < keep) break;
    const live = buildCacheUsage(d);
    const held = new Set(live.flatMap((u) => u.parents));
    let candidates = live.filter(
      (u) =>
        !held.has(u.id) &&
        (o.all || !u.shared) &&
        (info.keepAfterMs === undefined || u.lastUsedMs <= info.keepAfterMs) &&
        matches(info.selectors, u),
    );
    if (candidates.length === 0) break;
    if (keep !== 0) candidates = gcOrder(candidates).slice(0, 1);
    for (const u of candidates) {
      cache.remove(u.key);
      deleted.push(u);
      total -= u.size;
    }
  }
  return deleted;
}
