/**
 * `GET /images/json` (moby daemon/images/image_list.go): every image, or only the
 * dangling ones, filtered by `before`/`since` (another image's creation time),
 * `until`, `label` and `reference` (path.Match globs on the familiar names), newest
 * first. Untagged images with children are intermediate and only shown with `all`.
 */
import type { FilterArgs } from '../../api/filters.ts';
import { parseUntil } from '../../api/timetypes.ts';
import type { ImageSummary } from '../../api/types/image.ts';
import type { Daemon } from '../daemon.ts';
import { boolOrDefault, familiarMatch } from './filters.ts';
import { chainIds } from './layers.ts';
import type { ImageRecord } from './record.ts';

const ACCEPTED = ['dangling', 'label', 'before', 'since', 'reference', 'until'];

export interface ImageListOptions {
  all: boolean;
  filters: FilterArgs;
  sharedSize?: boolean;
  /** API < 1.51 does not count containers (-1) */
  countContainers?: boolean;
}

export function listImages(d: Daemon, options: ImageListOptions): ImageSummary[] {
  const f = options.filters;
  f.validate(ACCEPTED);
  const danglingOnly = boolOrDefault(f, 'dangling', false);

  // `before` and `until` keep the oldest bound, `since` the newest (values are ANDed)
  let before: number | undefined;
  for (const v of f.get('before')) {
    const t = d.images.resolve(v).createdMs;
    if (before === undefined || t < before) before = t;
  }
  for (const v of f.get('until')) {
    const t = parseUntil(v, d.clock.now());
    if (before === undefined || t < before) before = t;
  }
  let since: number | undefined;
  for (const v of f.get('since')) {
    const t = d.images.resolve(v).createdMs;
    if (since === undefined || t > since) since = t;
  }

  const selected = d.images.all().filter((i) => !danglingOnly || d.images.children(i.id).length === 0);
  const summaries: { image: ImageRecord; summary: ImageSummary }[] = [];
  for (const image of selected) {
    if (before !== undefined && !(image.createdMs < before)) continue;
    if (since !== undefined && !(image.createdMs > since)) continue;
    if (f.contains('label') && !f.matchKVList('label', image.config.Labels)) continue;

    const repoTags: string[] = [];
    const repoDigests: string[] = [];
    for (const ref of d.images.references(image.id)) {
      if (f.contains('reference') && !f.get('reference').some((p) => familiarMatch(p, ref))) continue;
      (ref.digest ? repoDigests : repoTags).push(ref.familiar);
    }
    if (repoTags.length === 0 && repoDigests.length === 0) {
      if (!(options.all || d.images.children(image.id).length === 0)) continue;
      if (f.contains('dangling') && !danglingOnly) continue;
      if (f.contains('reference')) continue;
    } else if (danglingOnly && repoTags.length > 0) continue;

    const containers =
      options.countContainers === false
        ? -1
        : [...d.containers.values()].filter((c) => c.imageId === image.id).length;
    summaries.push({
      image,
      summary: {
        Containers: containers,
        Created: Math.floor(image.createdMs / 1000),
        Id: image.id,
        Labels: image.config.Labels ?? null,
        ParentId: image.parent,
        RepoDigests: repoDigests,
        RepoTags: repoTags,
        SharedSize: -1,
        Size: image.size,
      },
    });
  }

  if (options.sharedSize) fillSharedSize(d, summaries);

  // sort.Reverse(byCreated) compares whole seconds and is not stable; within a second
  // the later-made image comes first here, which is one of the orders dockerd gives
  return summaries
    .sort(
      (a, b) =>
        b.summary.Created - a.summary.Created ||
        b.image.createdMs - a.image.createdMs ||
        (a.image.id < b.image.id ? -1 : 1),
    )
    .map((s) => s.summary);
}

/** SharedSize: the bytes of an image's layers that another image stands on too. */
function fillSharedSize(d: Daemon, summaries: { image: ImageRecord; summary: ImageSummary }[]): void {
  const refs = new Map<string, number>();
  for (const image of d.images.all())
    for (const chain of chainIds(image)) refs.set(chain, (refs.get(chain) ?? 0) + 1);
  for (const { image, summary } of summaries) {
    summary.SharedSize = 0;
    chainIds(image).forEach((chain, i) => {
      if ((refs.get(chain) ?? 0) > 1) summary.SharedSize += image.layers[i]!.size;
    });
  }
}
