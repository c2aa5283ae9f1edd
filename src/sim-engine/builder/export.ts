/**
 * The end of a build: moby's image exporter (builder-next/exporter/mobyexporter)
 * writes the target stage's image to the image store and names it. The image's
 * history rows get their times as the exporter gives them (normalizeLayersAndHistory:
 * a layer's row the time its layer was made, a metadata row the time of the layer
 * around it), and the image's `created` is its last row's, so a rebuild that comes
 * entirely from the cache makes the very same image, ID included.
 */
import type { Daemon } from '../daemon/daemon.ts';
import type { ImageRecord } from '../daemon/images/record.ts';
import { repoTagReference, tagImageId } from '../daemon/images/tag.ts';
import { rfc3339Nano } from '../daemon/instant.ts';
import { parseRfc3339 } from '../images/rfc3339.ts';
import { canonicalString } from '../images/reference.ts';
import { digestOf } from '../images/sha256.ts';
import type { HistoryEntry } from '../images/types.ts';
import type { StageState } from './stage.ts';
import type { Trace } from './trace.ts';

/** History rows with their times filled in, as normalizeLayersAndHistory does. */
export function historyTimes(rows: StageState['history']): HistoryEntry[] {
  const time = (r: StageState['history'][number]): string | undefined =>
    r.created ?? (r.createdMs !== undefined ? rfc3339Nano({ ms: r.createdMs, nano: 0 }) : undefined);
  let created: string | undefined;
  let noCreated = false;
  for (const r of rows) {
    const t = time(r);
    if (t !== undefined) {
      created = t;
      if (noCreated) break;
    } else noCreated = true;
  }
  noCreated = false;
  const out: HistoryEntry[] = [];
  for (const r of rows) {
    const t = time(r);
    const { createdMs: _ms, created: _c, ...rest } = r;
    void _ms;
    void _c;
    if (t !== undefined) {
      if (noCreated) created = t;
      out.push({ ...rest, created: t } as HistoryEntry);
    } else {
      noCreated = true;
      out.push({ ...rest, created: created ?? '' } as HistoryEntry);
    }
  }
  return out;
}

/**
 * The image a stage's state makes: its config, `created`, history and ID, as the
 * exporter writes it. The classic builder's stream prints it after every step (the
 * image the state is at that point), and the last one is the exported image.
 */
export function stageImage(s: StageState, now: () => string) {
  const history = historyTimes(s.history);
  const created = history.length > 0 ? history[history.length - 1]!.created : now();
  const config = { ...s.config };
  if (config.Labels && Object.keys(config.Labels).length === 0) delete config.Labels;
  const rootfs = s.layers.map((l) => l.diffId);
  const id = digestOf(
    JSON.stringify({
      architecture: s.architecture,
      config,
      created,
      history,
      os: s.os,
      rootfs: { type: 'layers', diff_ids: rootfs },
      ...(s.variant ? { variant: s.variant } : {}),
    }),
  );
  return { id, config, created, history };
}

export async function exportImage(
  d: Daemon,
  trace: Trace,
  s: StageState,
  tags: readonly string[],
): Promise<string> {
  const v = trace.start('exporting to image');
  const { id, config, created, history } = stageImage(s, () => rfc3339Nano(d.instant()));
  const layersStatus = trace.status(v, 'exporting layers', { running: true });
  await d.clock.sleep(existing(d, id) ? 0 : 20 * s.layers.length);
  trace.statusDone(layersStatus);
  const image: ImageRecord = {
    id,
    parent: '',
    comment: '',
    created,
    createdMs: parseRfc3339(created),
    dockerVersion: '',
    author: s.author,
    config,
    architecture: s.architecture,
    os: s.os,
    ...(s.variant ? { variant: s.variant } : {}),
    size: s.layers.reduce((n, l) => n + l.size, 0),
    layers: [...s.layers],
    history,
  };
  if (!d.images.get(id)) d.images.add(image);
  trace.status(v, `writing image ${id}`);
  for (const tag of tags) {
    const ref = repoTagReference(tag, '');
    if (!ref) continue;
    trace.status(v, `naming to ${canonicalString(ref)}`);
    tagImageId(d, id, ref);
  }
  trace.complete(v);
  return id;
}

function existing(d: Daemon, id: string): boolean {
  return d.images.get(id) !== undefined;
}
