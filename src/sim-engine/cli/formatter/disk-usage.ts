/**
 * `docker system df` (docker/cli formatter/disk_usage.go): one summary row per kind
 * — images, containers, local volumes, build cache — with TOTAL, ACTIVE, SIZE and
 * RECLAIMABLE; with `-v`, a table per kind using the image, container, volume and
 * build cache formatters.
 */
import type { ContainerSummary } from '../../api/types/container.ts';
import type { ImageSummary } from '../../api/types/image.ts';
import type { BuildCacheRecord } from '../../api/types/system.ts';
import type { Volume } from '../../api/types/volume.ts';
import { parseNormalizedNamed } from '../../images/reference.ts';
import { parseDockerTemplate, TemplateError } from '../../golang/template/index.ts';
import { withGoType } from '../../golang/values.ts';
import { CliError } from '../errors.ts';
import type { Writer } from '../../process/types.ts';
import { CONTAINER_HEADER, ContainerContext, containerFormat } from './container.ts';
import { BuildCacheContext, BUILD_CACHE_HEADER, buildCacheFormat, sortBuildCache } from './build-cache.ts';
import { humanSize } from './display.ts';
import {
  marshalContext,
  RAW_FORMAT_KEY,
  TABLE_FORMAT_KEY,
  writeFormatted,
  type HeaderMap,
} from './formatter.ts';
import { IMAGE_HEADER, ImageContext, imageFormat } from './image.ts';
import { VOLUME_HEADER, VolumeContext, volumeFormat } from './volume.ts';

const DEFAULT_TABLE = 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}';
const IMAGE_TABLE =
  'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}\t{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}';
const CONTAINER_TABLE =
  'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t{{.RunningFor}}\t{{.Status}}\t{{.Names}}';
const VOLUME_TABLE = 'table {{.Name}}\t{{.Links}}\t{{.Size}}';
const BUILD_CACHE_TABLE =
  'table {{.ID}}\t{{.CacheType}}\t{{.Size}}\t{{.CreatedSince}}\t{{.LastUsedSince}}\t{{.UsageCount}}\t{{.Shared}}';

const SUMMARY_HEADER: HeaderMap = {
  Type: 'TYPE',
  TotalCount: 'TOTAL',
  Active: 'ACTIVE',
  Size: 'SIZE',
  Reclaimable: 'RECLAIMABLE',
};

/** `X (N%)` when there is a total, else just X (integer percentage, as Go divides). */
function withPercent(reclaimable: number, total: number): string {
  if (total > 0) return `${humanSize(reclaimable)} (${Math.trunc((reclaimable * 100) / total)}%)`;
  return humanSize(reclaimable);
}

export interface DiskUsageData {
  layersSize: number;
  builderSize: number;
  images: ImageSummary[];
  containers: ContainerSummary[];
  volumes: Volume[];
  buildCache: BuildCacheRecord[];
}

/** NewDiskUsageFormat */
export function diskUsageFormat(source: string, verbose: boolean): string {
  if (verbose && source === RAW_FORMAT_KEY) {
    return (
      '{{range .Images}}type: Image\n' +
      imageFormat(source, false, true) +
      '\n{{end -}}\n{{range .Containers}}type: Container\n' +
      containerFormat(source, false, true) +
      '\n{{end -}}\n{{range .Volumes}}type: Volume\n' +
      volumeFormat(source, false) +
      '\n{{end -}}\n{{range .BuildCache}}type: Build Cache\n' +
      buildCacheFormat(source, false) +
      '\n{{end -}}'
    );
  }
  if (!verbose && source === TABLE_FORMAT_KEY) return DEFAULT_TABLE;
  if (!verbose && source === RAW_FORMAT_KEY)
    return 'type: {{.Type}}\ntotal: {{.TotalCount}}\nactive: {{.Active}}\nsize: {{.Size}}\nreclaimable: {{.Reclaimable}}\n';
  return source;
}

class ImagesUsage {
  readonly #d: DiskUsageData;
  constructor(d: DiskUsageData) {
    this.#d = d;
    withGoType(this, '*formatter.diskUsageImagesContext');
  }
  MarshalJSON(): string {
    return marshalContext(this);
  }
  Type(): string {
    return 'Images';
  }
  TotalCount(): string {
    return String(this.#d.images.length);
  }
  Active(): string {
    return String(this.#d.images.filter((i) => i.Containers > 0).length);
  }
  Size(): string {
    return humanSize(this.#d.layersSize);
  }
  Reclaimable(): string {
    let used = 0;
    for (const i of this.#d.images) {
      if (i.Containers === 0 || i.Size === -1 || i.SharedSize === -1) continue;
      used += i.Size - i.SharedSize;
    }
    return withPercent(this.#d.layersSize - used, this.#d.layersSize);
  }
}

/** running, paused and restarting containers are in use */
const isActive = (c: ContainerSummary) =>
  c.State === 'running' || c.State === 'paused' || c.State === 'restarting';

class ContainersUsage {
  readonly #d: DiskUsageData;
  constructor(d: DiskUsageData) {
    this.#d = d;
    withGoType(this, '*formatter.diskUsageContainersContext');
  }
  MarshalJSON(): string {
    return marshalContext(this);
  }
  Type(): string {
    return 'Containers';
  }
  TotalCount(): string {
    return String(this.#d.containers.length);
  }
  Active(): string {
    return String(this.#d.containers.filter(isActive).length);
  }
  Size(): string {
    return humanSize(this.#d.containers.reduce((n, c) => n + (c.SizeRw ?? 0), 0));
  }
  Reclaimable(): string {
    let reclaimable = 0;
    let total = 0;
    for (const c of this.#d.containers) {
      if (!isActive(c)) reclaimable += c.SizeRw ?? 0;
      total += c.SizeRw ?? 0;
    }
    return withPercent(reclaimable, total);
  }
}

class VolumesUsage {
  readonly #d: DiskUsageData;
  constructor(d: DiskUsageData) {
    this.#d = d;
    withGoType(this, '*formatter.diskUsageVolumesContext');
  }
  MarshalJSON(): string {
    return marshalContext(this);
  }
  Type(): string {
    return 'Local Volumes';
  }
  TotalCount(): string {
    return String(this.#d.volumes.length);
  }
  Active(): string {
    return String(this.#d.volumes.filter((v) => (v.UsageData?.RefCount ?? 0) > 0).length);
  }
  Size(): string {
    let size = 0;
    for (const v of this.#d.volumes) if (v.UsageData && v.UsageData.Size !== -1) size += v.UsageData.Size;
    return humanSize(size);
  }
  Reclaimable(): string {
    let reclaimable = 0;
    let total = 0;
    for (const v of this.#d.volumes) {
      if (!v.UsageData || v.UsageData.Size === -1) continue;
      if (v.UsageData.RefCount === 0) reclaimable += v.UsageData.Size;
      total += v.UsageData.Size;
    }
    return withPercent(reclaimable, total);
  }
}

class BuilderUsage {
  readonly #d: DiskUsageData;
  constructor(d: DiskUsageData) {
    this.#d = d;
    withGoType(this, '*formatter.diskUsageBuilderContext');
  }
  MarshalJSON(): string {
    return marshalContext(this);
  }
  Type(): string {
    return 'Build Cache';
  }
  TotalCount(): string {
    return String(this.#d.buildCache.length);
  }
  Active(): string {
    return String(this.#d.buildCache.filter((b) => b.InUse).length);
  }
  Size(): string {
    return humanSize(this.#d.builderSize);
  }
  Reclaimable(): string {
    let inUse = 0;
    for (const b of this.#d.buildCache) if (b.InUse && !b.Shared) inUse += b.Size;
    return humanSize(this.#d.builderSize - inUse);
  }
}

/** DiskUsageContext.Write: the four summary rows, or the verbose report. */
export function writeDiskUsage(
  out: Writer,
  format: string,
  verbose: boolean,
  d: DiskUsageData,
  now: number,
): void {
  const f = diskUsageFormat(format, verbose);
  if (!verbose) {
    const rows = [new ImagesUsage(d), new ContainersUsage(d), new VolumesUsage(d), new BuilderUsage(d)];
    writeFormatted(out, f, SUMMARY_HEADER, rows);
    return;
  }
  const trunc = f.startsWith(TABLE_FORMAT_KEY);
  const images = d.images.map((i) => {
    let repo = '<none>';
    let tag = '<none>';
    if (i.RepoTags.length > 0 && !isDangling(i)) {
      // only the first tag is shown
      const parsed = parseNormalizedNamed(i.RepoTags[0]!);
      if (!parsed.ok) return undefined;
      if (parsed.ref.tag !== undefined && !parsed.ref.digest) {
        repo = parsed.ref.familiar;
        tag = parsed.ref.tag;
      }
    }
    return new ImageContext(i, trunc, now, repo, tag, '');
  });
  // the virtual size is not shown
  const containers = d.containers.map((c) => new ContainerContext({ ...c, SizeRootFs: 0 }, trunc, now));
  const volumes = d.volumes.map((v) => new VolumeContext(v));
  const caches = sortBuildCache(d.buildCache).map((b) => new BuildCacheContext(b, trunc, now));
  if (f === TABLE_FORMAT_KEY) {
    out.write('Images space usage:\n\n');
    writeFormatted(
      out,
      IMAGE_TABLE,
      IMAGE_HEADER,
      images.filter((i) => i !== undefined),
    );
    out.write('\nContainers space usage:\n\n');
    writeFormatted(out, CONTAINER_TABLE, CONTAINER_HEADER, containers);
    out.write('\nLocal Volumes space usage:\n\n');
    writeFormatted(out, VOLUME_TABLE, VOLUME_HEADER, volumes);
    out.write(`\nBuild cache usage: ${humanSize(d.builderSize)}\n\n`);
    writeFormatted(out, BUILD_CACHE_TABLE, BUILD_CACHE_HEADER, caches);
    return;
  }
  const value = withGoType(
    {
      Images: images.filter((i) => i !== undefined),
      Containers: containers,
      Volumes: volumes,
      BuildCache: caches,
    },
    '*formatter.diskUsageContext',
  );
  executeFormat(out, f, value);
}

/** Context.preFormat + one execution on `value` (the verbose report with a custom format). */
function executeFormat(out: Writer, format: string, value: object): void {
  let text = format;
  if (text.startsWith(TABLE_FORMAT_KEY)) text = text.slice(TABLE_FORMAT_KEY.length);
  else if (text === 'json') text = '{{json .}}';
  text = text.replace(/^ +| +$/g, '').replace(/\\t|\\n/g, (m) => (m === '\\t' ? '\t' : '\n'));
  try {
    out.write(parseDockerTemplate(text).execute(value));
  } catch (err) {
    if (err instanceof TemplateError) throw new CliError(`template parsing error: ${err.message}`);
    throw err;
  }
}

/** formatter.isDangling */
function isDangling(i: ImageSummary): boolean {
  if (i.RepoTags.length === 0 && i.RepoDigests.length === 0) return true;
  return (
    i.RepoTags.length === 1 &&
    i.RepoTags[0] === '<none>:<none>' &&
    i.RepoDigests.length === 1 &&
    i.RepoDigests[0] === '<none>@<none>'
  );
}
