/**
 * `GET /images/{name}/history` (moby daemon/images/image_history.go): the image's
 * history rows newest first, each with the size of the layer it made. Row IDs are
 * filled by walking the parent chain — the top row gets the image's ID and tags, the
 * next its parent's, and so on — and rows past the last local parent stay
 * `<missing>`, which is what every pulled image shows below its top row.
 */
import type { HistoryItem } from '../../api/types/image.ts';
import { parseRfc3339 } from '../../images/rfc3339.ts';
import type { Daemon } from '../daemon.ts';
import type { ImageRecord } from './record.ts';

export function imageHistory(d: Daemon, image: ImageRecord): HistoryItem[] {
  const rows: HistoryItem[] = [];
  let layer = 0;
  for (const h of image.history) {
    let size = 0;
    if (!h.empty_layer) {
      const l = image.layers[layer++];
      if (!l) throw new Error('too many non-empty layers in History section');
      size = l.size;
    }
    rows.unshift({
      Comment: h.comment ?? '',
      Created: h.created ? Math.floor(parseRfc3339(h.created) / 1000) : 0,
      CreatedBy: h.created_by,
      Id: '<missing>',
      Size: size,
      Tags: null,
    });
  }
  let current: ImageRecord | undefined = image;
  for (const row of rows) {
    if (!current) break;
    row.Id = current.id;
    const tags = d.images.repoTags(current.id);
    row.Tags = tags.length > 0 ? tags : null;
    current = current.parent ? d.images.get(current.parent) : undefined;
  }
  return rows;
}
