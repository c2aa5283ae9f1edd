/**
 * The build cache (moby api/server/router/build postPrune): `POST /build/prune` with
 * `all`, `filters` and the byte limits (`reserved-space`, its older name
 * `keep-storage`, `max-used-space`, `min-free-space` from API 1.48; `keep-storage`
 * alone before), answering build.CachePruneReport. The records themselves are listed
 * by `GET /system/df` (BuildCache).
 */
import type { Daemon } from '../../daemon/daemon.ts';
import { pruneBuildCache } from '../../builder/prune.ts';
import { invalidParameter } from '../../errdefs.ts';
import { FilterArgs } from '../filters.ts';
import { boolValue } from '../query.ts';
import { json, type Route } from '../router.ts';
import type { BuildCachePruneReport } from '../types/system.ts';
import { compareVersions } from '../version.ts';

/** parseBytesFromFormValue: strconv.Atoi of the value, 0 when absent. */
function bytes(query: Record<string, string>, name: string): number {
  const v = query[name];
  if (v === undefined || v === '') return 0;
  if (!/^[+-]?\d+$/.test(v)) {
    throw invalidParameter(
      `${name} is in bytes and expects an integer, got ${v}: strconv.Atoi: parsing ${JSON.stringify(v)}: invalid syntax`,
    );
  }
  return Number(v);
}

export const buildCacheRoutes: Route<Daemon>[] = [
  {
    method: 'POST',
    path: '/build/prune',
    handler: ({ daemon, query, version }) => {
      const filters = FilterArgs.parse(query['filters']);
      let reservedSpace: number;
      let maxUsedSpace = 0;
      let minFreeSpace = 0;
      if (compareVersions(version, '1.48') >= 0) {
        reservedSpace = bytes(query, 'reserved-space');
        // the older name counts only when reserved-space is not given
        if (reservedSpace === 0) reservedSpace = bytes(query, 'keep-storage');
        maxUsedSpace = bytes(query, 'max-used-space');
        minFreeSpace = bytes(query, 'min-free-space');
      } else reservedSpace = bytes(query, 'keep-storage');
      const deleted = pruneBuildCache(daemon, {
        all: boolValue(query, 'all'),
        filters,
        reservedSpace,
        maxUsedSpace,
        minFreeSpace,
      });
      const report: BuildCachePruneReport = {
        CachesDeleted: deleted.length > 0 ? deleted.map((u) => u.id) : null,
        SpaceReclaimed: deleted.reduce((n, u) => n + u.size, 0),
      };
      return json(200, report);
    },
  },
];
