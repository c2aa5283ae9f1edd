/**
 * BuildKit's build cache, as the daemon keeps it between builds: a result per cache
 * key. A key is made from the step's definition and the key of the step before it
 * (and, for COPY and ADD, a checksum of the files copied), so a step is reused only
 * when everything up to it is unchanged, and one changed file misses that step and
 * every one after it (docker-fidelity §4.5). What `docker builder prune` removes and
 * `docker system df` counts as "Build Cache".
 */
import type { LayerRecord } from '../daemon/images/record.ts';
import { digestOf } from '../images/sha256.ts';

export interface CacheRecord {
  key: string;
  /** the layer the step made; undefined for a step that made none (`WORKDIR /`) */
  layer?: LayerRecord;
  /** when the step ran (virtual ms): its history row's `created` in every image that reuses it */
  createdMs: number;
  /** `RUN /bin/sh -c …`, `COPY . /app`, as `docker buildx du` describes a record */
  description: string;
  /** when a build last used it */
  lastUsedMs: number;
  /** how many builds used it */
  usageCount: number;
  /** a base image's layers fetched for a FROM (BuildKit's `regular` vs `source.local` kinds) */
  kind: 'regular' | 'source.local' | 'exec.cachemount';
}

/** The key of a step: its definition over the key of what it runs on. */
export function cacheKey(parent: string, ...definition: unknown[]): string {
  return digestOf(`${parent}\n${JSON.stringify(definition)}`);
}

export class BuildCache {
  readonly #records = new Map<string, CacheRecord>();

  get(key: string, now: number): CacheRecord | undefined {
    const r = this.#records.get(key);
    if (r) {
      r.lastUsedMs = now;
      r.usageCount++;
    }
    return r;
  }

  put(record: CacheRecord): void {
    this.#records.set(record.key, record);
  }

  all(): CacheRecord[] {
    return [...this.#records.values()];
  }

  /** Remove every record (`docker builder prune -a`); returns what went. */
  prune(keep: (r: CacheRecord) => boolean = () => false): CacheRecord[] {
    const gone: CacheRecord[] = [];
    for (const [k, r] of this.#records) {
      if (keep(r)) continue;
      this.#records.delete(k);
      gone.push(r);
    }
    return gone;
  }
}

const caches = new WeakMap<object, BuildCache>();

/** The build cache of a daemon (kept beside it, as BuildKit's lives beside dockerd's image store). */
export function buildCacheOf(daemon: object): BuildCache {
  let c = caches.get(daemon);
  if (!c) caches.set(daemon, (c = new BuildCache()));
  return c;
}
