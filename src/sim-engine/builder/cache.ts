/**
 * BuildKit's build cache, as the daemon keeps it between builds: a result per cache
 * key. A key is made from the step's definition and the key of the step before it
 * (and, for COPY and ADD, a checksum of the files copied), so a step is reused only
 * when everything up to it is unchanged, and one changed file misses that step and
 * every one after it (docker-fidelity §4.5). What `docker builder prune` removes and
 * `docker system df` counts as "Build Cache".
 *
 * Each result that holds data is also one of BuildKit's cache records (cache/manager.go,
 * the `UsageInfo` of `docker buildx du`): an ID of 25 base36 characters
 * (identity.NewID), the record it was made on (its parent snapshot), a size (the
 * layer's DiffSize), a type and its use. A FROM's base image becomes one record per
 * layer (moby's puller, `getRef`: GetByBlob layer by layer), and the build context the
 * client synced is a mutable `source.local` record (source/local: one per context,
 * reused by the next build). The listing and pruning rules are in df.ts and prune.ts.
 */
import type { LayerRecord } from '../daemon/images/record.ts';
import { digestOf } from '../images/sha256.ts';

export type CacheRecordType = 'regular' | 'source.local' | 'exec.cachemount';

export interface CacheRecord {
  key: string;
  /** the layer the step made; undefined for a step that made none (`WORKDIR /`) */
  layer?: LayerRecord;
  /** when the step ran (virtual ms): its history row's `created` in every image that reuses it */
  createdMs: number;
  /** `mount / from exec /bin/sh -c …`, `[2/3] COPY . /app`, as `docker buildx du` describes a record */
  description: string;
  /** when a build last used it */
  lastUsedMs: number;
  /** how many builds used it */
  usageCount: number;
  /** BuildKit's record type (`regular`, `source.local` for a context, `exec.cachemount`) */
  kind: CacheRecordType;
  /** BuildKit's record ID (25 base36 characters); given by `put` */
  id?: string;
  /** the key of the result this step ran on (its parent snapshot); absent on scratch */
  parent?: string;
  /** a FROM: the base image, whose layers become records of their own */
  base?: { imageId: string; layers: readonly LayerRecord[] };
  /** the data of a record without a layer (a context's files), in bytes */
  size?: number;
}

/** The key of a step: its definition over the key of what it runs on. */
export function cacheKey(parent: string, ...definition: unknown[]): string {
  return digestOf(`${parent}\n${JSON.stringify(definition)}`);
}

/** What makes record IDs: the daemon's seeded generator. */
interface IdSource {
  random: { int(n: number): number };
}

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';
/** The key of the context's `source.local` record (one per context, reused). */
const CONTEXT_KEY = 'source.local:context';

export class BuildCache {
  readonly #records = new Map<string, CacheRecord>();
  /** the key a stage on a base image runs on (`cacheKey('image', id)`) → its top layer's record */
  readonly #aliases = new Map<string, string>();
  readonly #ids: IdSource | undefined;

  constructor(ids?: IdSource) {
    this.#ids = ids;
  }

  /** identity.NewID: 128 random bits in base36, zero-padded to 25 characters. */
  #newId(): string {
    const r = this.#ids?.random;
    if (!r) return digestOf(`${this.#records.size}`).slice(7, 32);
    // 36^25 > 2^128 > 36^24 · 15: the first digit is at most `f`
    let id = BASE36[r.int(16)]!;
    for (let i = 1; i < 25; i++) id += BASE36[r.int(36)]!;
    return id;
  }

  get(key: string, now: number): CacheRecord | undefined {
    const r = this.#records.get(key);
    if (r) {
      r.lastUsedMs = now;
      r.usageCount++;
      // a FROM takes every layer of its base again (GetByBlob per layer)
      if (r.base) for (const b of this.#baseRecords(r)) this.#touch(b, now);
    }
    return r;
  }

  put(record: CacheRecord): void {
    if (record.base) record.parent = this.#putBase(record);
    if (record.layer || record.kind !== 'regular') record.id ??= this.#newId();
    this.#records.set(record.key, record);
  }

  /**
   * The base image's layers as records, each on the one below: an existing record of
   * the same chain is used again, as GetByBlob finds it. Returns the top one's key.
   */
  #putBase(from: CacheRecord): string | undefined {
    const { imageId, layers } = from.base!;
    let parent: string | undefined;
    const chain: string[] = [];
    for (const l of layers) {
      chain.push(l.diffId);
      const key = cacheKey('layer', ...chain);
      const existing = this.#records.get(key);
      if (existing) this.#touch(existing, from.lastUsedMs);
      else {
        this.#records.set(key, {
          key,
          layer: l,
          createdMs: from.createdMs,
          lastUsedMs: from.lastUsedMs,
          usageCount: 1,
          description: from.description,
          kind: 'regular',
          id: this.#newId(),
          ...(parent ? { parent } : {}),
        });
      }
      parent = key;
    }
    if (parent) this.#aliases.set(cacheKey('image', imageId), parent);
    return parent;
  }

  #baseRecords(from: CacheRecord): CacheRecord[] {
    const out: CacheRecord[] = [];
    for (let r = this.record(from.parent); r; r = this.record(r.parent)) out.push(r);
    return out;
  }

  #touch(r: CacheRecord, now: number): void {
    r.lastUsedMs = now;
    r.usageCount++;
  }

  /**
   * The build context the client synced (source/local): one mutable record, made by
   * the first build and used again by the next, holding the files sent. Differs from
   * BuildKit: one per daemon rather than per context directory (the request does not
   * say which directory), and none for the Dockerfile's and .dockerignore's transfers.
   */
  useContext(now: number, size: number): CacheRecord {
    const r = this.#records.get(CONTEXT_KEY);
    if (r) {
      this.#touch(r, now);
      r.size = size;
      return r;
    }
    const created: CacheRecord = {
      key: CONTEXT_KEY,
      createdMs: now,
      lastUsedMs: now,
      usageCount: 1,
      description: 'local source for context',
      kind: 'source.local',
      size,
    };
    this.put(created);
    return created;
  }

  /** The record under a key, following a base image's key to its top layer. */
  record(key: string | undefined): CacheRecord | undefined {
    if (key === undefined) return undefined;
    const r = this.#records.get(key);
    if (r) return r;
    const alias = this.#aliases.get(key);
    return alias === undefined ? undefined : this.#records.get(alias);
  }

  all(): CacheRecord[] {
    return [...this.#records.values()];
  }

  /** BuildKit's records: the results that hold data (a layer or a context), in the order made. */
  records(): CacheRecord[] {
    return this.all().filter((r) => r.id !== undefined);
  }

  /**
   * Remove a record; a FROM whose base layers go with it is removed too (its next
   * build takes the base again).
   */
  remove(key: string): void {
    if (!this.#records.delete(key)) return;
    for (const [alias, target] of this.#aliases) if (target === key) this.#aliases.delete(alias);
    for (const [k, r] of this.#records) {
      if (r.base && r.parent !== undefined && !this.#records.has(r.parent)) this.#records.delete(k);
    }
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
export function buildCacheOf(daemon: IdSource): BuildCache {
  let c = caches.get(daemon);
  if (!c) caches.set(daemon, (c = new BuildCache(daemon)));
  return c;
}

/**
 * A step's record description: an exec's mount (`mount / from exec /bin/sh -c …`,
 * ops/exec.go, the command without the build-arg prefix of its history row), a file
 * operation's vertex name (`[2/3] COPY . /app`, file/refmanager.go).
 */
export function recordDescription(history: string, vertexName: string): string {
  if (!history.startsWith('RUN ')) return vertexName;
  let words = history.slice(4).split(' ');
  const m = /^\|(\d+)$/.exec(words[0] ?? '');
  if (m) words = words.slice(1 + Number(m[1]));
  return `mount / from exec ${words.join(' ')}`;
}
