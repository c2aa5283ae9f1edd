/**
 * `GET /system/df` (moby daemon/disk_usage.go + api/server/router/system getDiskUsage):
 * images with their shared sizes and container counts, every container with the
 * size of its writable layer, local volumes with their usage, and the build cache.
 */
import { FilterArgs } from '../../api/filters.ts';
import { buildCacheDiskUsage } from '../../builder/df.ts';
import type { ContainerSummary } from '../../api/types/container.ts';
import type { DiskUsage } from '../../api/types/system.ts';
import type { Volume } from '../../api/types/volume.ts';
import { invalidParameter } from '../../errdefs.ts';
import type { Daemon } from '../daemon.ts';
import { listImages } from '../images/list.ts';
import { listContainers } from '../list.ts';
import { volumeRefs } from '../volumes/refs.ts';
import { volumeView } from '../volumes/view.ts';
import { containerSizeRw, imageChainSize, layersSize, treeSize } from './sizes.ts';

/** The `type` values of the request (types.DiskUsageObject). */
const OBJECT_TYPES = ['container', 'image', 'volume', 'build-cache'] as const;
type ObjectType = (typeof OBJECT_TYPES)[number];

/** Which parts to compute: all of them unless `type` names some (API ≥ 1.42). */
export function diskUsageTypes(types: readonly string[]): Set<ObjectType> {
  if (types.length === 0) return new Set(OBJECT_TYPES);
  const out = new Set<ObjectType>();
  for (const t of types) {
    if (!(OBJECT_TYPES as readonly string[]).includes(t)) throw invalidParameter(`unknown object type: ${t}`);
    out.add(t as ObjectType);
  }
  return out;
}

/** containerDiskUsage: all containers, newest first, with SizeRw and SizeRootFs. */
function containers(d: Daemon): ContainerSummary[] {
  const list = listContainers(d, { all: true, limit: -1, size: true, filters: new FilterArgs() });
  for (const summary of list) {
    const c = d.containers.get(summary.Id);
    if (!c) continue;
    summary.SizeRw = containerSizeRw(d, c);
    summary.SizeRootFs = summary.SizeRw + imageChainSize(d, c.imageId);
  }
  return list;
}

/** LocalVolumesSize: volumes of the local driver without mount options, with UsageData. */
function volumes(d: Daemon): Volume[] {
  return d.volumes
    .all()
    .filter((v) => v.driver === 'local' && Object.keys(v.options ?? {}).length === 0)
    .map((v) => ({
      ...volumeView(v),
      UsageData: { RefCount: volumeRefs(d, v.name).length, Size: treeSize(v.fs) },
    }));
}

export function systemDiskUsage(d: Daemon, types: Set<string>): DiskUsage {
  const withImages = types.has('image');
  return {
    LayersSize: withImages ? layersSize(d) : 0,
    Images: withImages
      ? listImages(d, { all: false, filters: new FilterArgs(), sharedSize: true, countContainers: true })
      : null,
    Containers: types.has('container') ? containers(d) : null,
    Volumes: types.has('volume') ? volumes(d) : null,
    // BuildKit's records (builder/df.ts); [] rather than null when there are none
    BuildCache: types.has('build-cache') ? buildCacheDiskUsage(d) : null,
  };
}
