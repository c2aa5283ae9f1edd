/**
 * `POST /images/prune` (moby daemon/images/image_prune.go): delete dangling images —
 * or, with `dangling=false` (`docker image prune -a`), every image no container
 * uses — filtered by `until` and `label`/`label!`. Each image is deleted through
 * its references as `docker rmi` would (conflicts skip it silently), so an image
 * in use may still lose all but one of its tags. SpaceReclaimed is the size of the
 * layers that went.
 */
import type { FilterArgs } from '../../api/filters.ts';
import { parseUntil } from '../../api/timetypes.ts';
import type { DeleteResponse, ImagePruneReport } from '../../api/types/image.ts';
import { DaemonError, invalidParameter } from '../../errdefs.ts';
import type { Daemon } from '../daemon.ts';
import { imageDelete } from './delete.ts';
import { boolOrDefault, matchLabels } from './filters.ts';
import { chainIds } from './layers.ts';

export function imagesPrune(d: Daemon, filters: FilterArgs): ImagePruneReport {
  filters.validate(['dangling', 'label', 'label!', 'until']);
  const danglingOnly = boolOrDefault(filters, 'dangling', true);
  const untilValues = filters.get('until');
  if (untilValues.length > 1) throw invalidParameter('more than one until filter specified');
  const until = untilValues.length === 1 ? parseUntil(untilValues[0]!, d.clock.now()) : undefined;

  // the size of every layer, for what was reclaimed (allLayers, taken before deleting)
  const layerSizes = new Map<string, number>();
  for (const image of d.images.all()) {
    chainIds(image).forEach((chain, i) => layerSizes.set(chain, image.layers[i]!.size));
  }

  const candidates = d.images
    .all()
    .filter((i) => !danglingOnly || d.images.children(i.id).length === 0)
    .filter((i) => !(d.images.references(i.id).length === 0 && d.images.children(i.id).length > 0))
    .filter((i) => until === undefined || i.createdMs <= until)
    .filter((i) => matchLabels(filters, i.config.Labels))
    // Differs from Docker: dockerd walks the images in Go map order (random); here
    // newest first, as `docker images` lists them.
    .sort((a, b) => b.createdMs - a.createdMs || (a.id < b.id ? -1 : 1));

  const deleted: DeleteResponse[] = [];
  for (const image of candidates) {
    if (!d.images.get(image.id)) continue;
    const refs = d.images.references(image.id);
    if (refs.length > 0) {
      // a dangling prune only takes images whose references are all digests
      const shouldDelete = !danglingOnly || !refs.some((r) => r.tag !== undefined);
      if (!shouldDelete) continue;
      for (const r of refs) deleted.push(...tryDelete(d, r.canonical));
    } else {
      deleted.push(...tryDelete(d, image.id.slice(7)));
    }
  }

  let reclaimed = 0;
  for (const r of deleted) if (r.Deleted) reclaimed += layerSizes.get(r.Deleted) ?? 0;
  d.events.log(d.instant(), 'image', 'prune', '', { reclaimed: String(reclaimed) });
  return { ImagesDeleted: deleted.length > 0 ? deleted : null, SpaceReclaimed: reclaimed };
}

/** ImageDelete with PruneChildren; a conflict or a reference already gone is skipped. */
function tryDelete(d: Daemon, ref: string): DeleteResponse[] {
  try {
    return imageDelete(d, ref, { force: false, prune: true });
  } catch (err) {
    if (err instanceof DaemonError) return [];
    throw err;
  }
}
