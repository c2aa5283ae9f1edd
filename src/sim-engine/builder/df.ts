/**
 * The build cache as `GET /system/df` and `docker buildx du` list it: BuildKit's
 * cacheManager.DiskUsage (cache/manager.go) over the daemon's records, with moby's
 * image reference checker (builder-next/imagerefchecker) deciding what is "shared".
 *
 * - A record is in use while something holds it; between builds nothing does (a
 *   child holds its parent only while it is itself in use), so every record is
 *   reclaimable.
 * - A record is shared when its chain of layers — the base image's and each step's
 *   up to it — starts some image of the store (RootFS.DiffIDs): removing it frees
 *   nothing the image still needs. Its parents are shared with it (markShared).
 * - Mutable records (a context, a cache mount) are marked `*` by buildx.
 */
import type { BuildCacheRecord } from '../api/types/system.ts';
import type { Daemon } from '../daemon/daemon.ts';
import { formatRFC3339Nano } from '../golang/time.ts';
import { buildCacheOf, type CacheRecord, type CacheRecordType } from './cache.ts';

/** One record as BuildKit's client.UsageInfo has it. */
export interface UsageInfo {
  key: string;
  id: string;
  parents: string[];
  type: CacheRecordType;
  description: string;
  mutable: boolean;
  inUse: boolean;
  shared: boolean;
  size: number;
  createdMs: number;
  lastUsedMs: number;
  usageCount: number;
}

/** build.CacheRecord on the wire: moby's JSON tag of Parents is `" Parents,omitempty"` (sic). */
export type CacheRecordJSON = Omit<BuildCacheRecord, 'Parents'> & { ' Parents'?: string[] };

/** The diff IDs from the bottom of a record's chain to its own layer. */
function layerChain(d: Daemon, r: CacheRecord): string[] {
  const cache = buildCacheOf(d);
  const chain: string[] = [];
  for (let at: CacheRecord | undefined = r; at; at = cache.record(at.parent)) {
    if (at.layer) chain.unshift(at.layer.diffId);
  }
  return chain;
}

/** imagerefchecker's lchain: every image's RootFS as a prefix tree. */
function imageChains(d: Daemon): (chain: readonly string[]) => boolean {
  const prefixes = new Set<string>();
  for (const image of d.images.all()) {
    let p = '';
    for (const l of image.layers) {
      p += l.diffId + '\n';
      prefixes.add(p);
    }
  }
  return (chain) => chain.length > 0 && prefixes.has(chain.map((c) => c + '\n').join(''));
}

/** Every record of the daemon's build cache, in the order they were made. */
export function buildCacheUsage(d: Daemon): UsageInfo[] {
  const cache = buildCacheOf(d);
  const inImage = imageChains(d);
  return cache.records().map((r) => {
    const parent = cache.record(r.parent);
    const mutable = r.kind !== 'regular';
    return {
      key: r.key,
      id: r.id!,
      parents: parent?.id ? [parent.id] : [],
      type: r.kind,
      description: r.description,
      mutable,
      inUse: false,
      // only a layer can be in an image (GetLayer fails for the rest)
      shared: r.layer !== undefined && inImage(layerChain(d, r)),
      size: r.layer?.size ?? r.size ?? 0,
      createdMs: r.createdMs,
      lastUsedMs: r.lastUsedMs,
      usageCount: r.usageCount,
    };
  });
}

/** moby's builder DiskUsage → build.CacheRecord (API ≥ 1.42: no deprecated `Parent`). */
export function cacheRecordJSON(u: UsageInfo): CacheRecordJSON {
  return {
    ID: u.id,
    ...(u.parents.length > 0 ? { ' Parents': u.parents } : {}),
    Type: u.type,
    Description: u.description,
    InUse: u.inUse,
    Shared: u.shared,
    Size: u.size,
    CreatedAt: formatRFC3339Nano(u.createdMs),
    LastUsedAt: formatRFC3339Nano(u.lastUsedMs),
    UsageCount: u.usageCount,
  };
}

/** The `BuildCache` list of `GET /system/df`. */
export function buildCacheDiskUsage(d: Daemon): CacheRecordJSON[] {
  return buildCacheUsage(d).map(cacheRecordJSON);
}
