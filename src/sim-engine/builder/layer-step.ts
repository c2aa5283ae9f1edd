/**
 * A step that makes a layer (RUN, COPY, ADD, WORKDIR) as BuildKit's solver runs it:
 * looked up in the build cache by its key and reused when there (`CACHED`), else run on
 * an overlay of the stage's layers, its changes kept as a layer and as a cache record.
 * One place for it so every layer step is cached, traced and told to the classic
 * builder (classic.ts) the same way.
 */
import type { LayerEntry } from '../fs/layer.ts';
import { OverlayFs } from '../fs/overlay-fs.ts';
import type { Builder } from './build.ts';
import { cacheKey, recordDescription, type CacheRecord } from './cache.ts';
import type { ClassicError } from './classic.ts';
import { toLayer, treeOf } from './layers.ts';
import type { Vertex } from './progress/index.ts';
import { useRecord, type StageState } from './stage.ts';

/** What a step's work gives: a failure, the changes it made, or undefined (the overlay's changes). */
export type StepOutcome = { error: string; classic?: ClassicError } | { changes: LayerEntry[] } | undefined;

export async function layerStep(
  b: Builder,
  s: StageState,
  key: string,
  name: string,
  description: string,
  at: { line: number; endLine: number },
  work: (fs: OverlayFs, v: Vertex) => Promise<StepOutcome>,
): Promise<void> {
  // the classic builder's cache finds a step by the image it runs on (classic.ts)
  if (b.classic) key = cacheKey(key, 'classic', b.classic.parentOf(s));
  const hit = b.noCache(s) ? undefined : b.cache.get(key, b.now);
  if (hit) {
    b.trace.cached(name);
    b.classic?.cached();
    useRecord(s, key, hit);
    return;
  }
  const v = b.trace.start(name);
  // COPY and ADD write into the layer directly; RUN and WORKDIR get a container
  b.classic?.running(!/^(COPY|ADD)\b/.test(description));
  const lower = treeOf(s.layers);
  const fs = new OverlayFs(lower, { now: () => b.d.clock.now() });
  await b.sleep(10);
  const out = await work(fs, v);
  if (out && 'error' in out) {
    b.trace.complete(v, out.error);
    b.fail(out.error, at, { vertexName: name, logs: [] }, out.classic);
  }
  const changes = out && 'changes' in out ? out.changes : fs.changes();
  const layer = toLayer(changes);
  const record: CacheRecord = {
    key,
    layer,
    createdMs: b.now,
    lastUsedMs: b.now,
    usageCount: 1,
    description: recordDescription(description, name),
    kind: 'regular',
    parent: s.key,
  };
  b.cache.put(record);
  useRecord(s, key, record);
  b.trace.complete(v);
}
