/**
 * Build cache rows (docker/cli formatter/buildcache.go): the buildCacheContext a
 * `--format` template calls, its header, the default and raw formats, and the order
 * records are listed in. `docker system df -v` uses it; `docker builder du` can too.
 */
import type { BuildCacheRecord } from '../../api/types/system.ts';
import { parseRFC3339 } from '../../golang/time.ts';
import { withGoType } from '../../golang/values.ts';
import { goTimeString, humanDuration, humanSizeWithPrecision, truncateID } from './display.ts';
import { marshalContext, RAW_FORMAT_KEY, TABLE_FORMAT_KEY, type HeaderMap } from './formatter.ts';

export const BUILD_CACHE_HEADER: HeaderMap = {
  ID: 'CACHE ID',
  Parent: 'PARENT',
  CacheType: 'CACHE TYPE',
  Size: 'SIZE',
  CreatedSince: 'CREATED',
  LastUsedSince: 'LAST USED',
  UsageCount: 'USAGE',
  InUse: 'IN USE',
  Shared: 'SHARED',
  Description: 'DESCRIPTION',
};

/** NewBuildCacheFormat */
export function buildCacheFormat(source: string, quiet: boolean): string {
  if (source === TABLE_FORMAT_KEY) {
    if (quiet) return '{{.ID}}';
    return 'table {{.ID}}\t{{.Type}}\t{{.Size}}\t{{.CreatedSince}}\t{{.LastUsedSince}}\t{{.UsageCount}}\t{{.Shared}}\t{{.Description}}';
  }
  if (source === RAW_FORMAT_KEY) {
    if (quiet) return 'build_cache_id: {{.ID}}';
    return 'build_cache_id: {{.ID}}\nparent_id: {{.Parent}}\nbuild_cache_type: {{.CacheType}}\ndescription: {{.Description}}\ncreated_at: {{.CreatedAt}}\ncreated_since: {{.CreatedSince}}\nlast_used_at: {{.LastUsedAt}}\nlast_used_since: {{.LastUsedSince}}\nusage_count: {{.UsageCount}}\nin_use: {{.InUse}}\nshared: {{.Shared}}\n';
  }
  return source;
}

/** buildCacheSort: never-used first, then by last use, ties by ID. */
export function sortBuildCache(records: readonly BuildCacheRecord[]): BuildCacheRecord[] {
  const t = (r: BuildCacheRecord) => (r.LastUsedAt === null ? undefined : parseTime(r.LastUsedAt));
  return [...records].sort((a, b) => {
    const [ta, tb] = [t(a), t(b)];
    if (ta === undefined || tb === undefined || ta === tb) {
      if (ta !== tb) return ta === undefined ? -1 : 1;
      return a.ID < b.ID ? -1 : a.ID > b.ID ? 1 : 0;
    }
    return ta - tb;
  });
}

/** ms since the epoch of an RFC 3339 time from the API (0 when it does not parse). */
function parseTime(s: string): number {
  try {
    return parseRFC3339(s).epochMillis();
  } catch {
    return 0;
  }
}

export class BuildCacheContext {
  readonly #v: BuildCacheRecord;
  readonly #trunc: boolean;
  readonly #now: number;
  constructor(v: BuildCacheRecord, trunc: boolean, now: number) {
    this.#v = v;
    this.#trunc = trunc;
    this.#now = now;
    withGoType(this, '*formatter.buildCacheContext');
  }
  MarshalJSON(): string {
    return marshalContext(this);
  }
  ID(): string {
    const id = this.#trunc ? truncateID(this.#v.ID) : this.#v.ID;
    return this.#v.InUse ? id + '*' : id;
  }
  Parent(): string {
    const parent = (this.#v.Parents ?? []).join(', ');
    return this.#trunc ? truncateID(parent) : parent;
  }
  CacheType(): string {
    return this.#v.Type;
  }
  Description(): string {
    return this.#v.Description;
  }
  Size(): string {
    return humanSizeWithPrecision(this.#v.Size, 3);
  }
  CreatedAt(): string {
    return goTimeString(Math.floor(parseTime(this.#v.CreatedAt) / 1000));
  }
  CreatedSince(): string {
    return humanDuration(this.#now - parseTime(this.#v.CreatedAt)) + ' ago';
  }
  LastUsedAt(): string {
    return this.#v.LastUsedAt === null ? '' : goTimeString(Math.floor(parseTime(this.#v.LastUsedAt) / 1000));
  }
  LastUsedSince(): string {
    return this.#v.LastUsedAt === null
      ? ''
      : humanDuration(this.#now - parseTime(this.#v.LastUsedAt)) + ' ago';
  }
  UsageCount(): string {
    return String(this.#v.UsageCount);
  }
  InUse(): string {
    return String(this.#v.InUse);
  }
  Shared(): string {
    return String(this.#v.Shared);
  }
}
