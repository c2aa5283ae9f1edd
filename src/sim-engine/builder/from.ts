/**
 * FROM an image, as BuildKit's Dockerfile frontend resolves it: the base name parsed as
 * a reference, the image's metadata loaded (`[internal] load metadata for …`) from the
 * daemon's own store first (moby's resolver) else the registry, and the stage's first
 * step (`[1/4] FROM docker.io/library/alpine:latest@sha256:…`) with its cache record.
 * Apart from build.ts because it is the one instruction that talks to the image store
 * and the registry; FROM another stage or scratch needs none of it (dispatch.ts).
 */
import { fromCatalogue, planRefAsync } from '../daemon/images/pull.ts';
import type { ImageRecord } from '../daemon/images/record.ts';
import { canonicalString, parseNormalizedNamed, type Reference } from '../images/reference.ts';
import type { Builder } from './build.ts';
import { cacheKey } from './cache.ts';
import { prefixCommand, type StageState } from './stage.ts';

/** A reference with neither tag nor digest means `:latest`. */
export function withLatest(ref: Reference): Reference {
  return ref.tag || ref.digest ? ref : { ...ref, tag: 'latest' };
}

export function parseBase(b: Builder, s: StageState): Reference {
  const parsed = parseNormalizedNamed(s.stage.baseName);
  if (!parsed.ok) b.fail(`failed to parse stage name "${s.stage.baseName}": ${parsed.error}`, s.stage);
  return parsed.ref;
}

/** The image a FROM names: the daemon's own first (moby's resolver), else the registry. */
export async function resolveBase(
  b: Builder,
  ref: Reference,
  canonical: string,
  s: StageState,
): Promise<ImageRecord> {
  const v = b.trace.start(`[internal] load metadata for ${canonical}`);
  const local = b.req.pull ? undefined : b.d.images.byRef(withLatest(ref));
  if (local) {
    await b.sleep(20);
    b.trace.complete(v);
    return local;
  }
  await b.sleep(600);
  try {
    const plan = await planRefAsync(b.d, withLatest(ref));
    b.trace.complete(v);
    const image = fromCatalogue(plan.image, plan.layers);
    (image as ImageRecord & { repoDigest?: string }).repoDigest = plan.image.digest;
    return image;
  } catch (err) {
    const why = registryError(err instanceof Error ? err.message : String(err));
    const message = `${s.stage.baseName}: failed to resolve source metadata for ${canonical}: ${why}`;
    b.trace.complete(v, message);
    return b.fail(message, s.stage, { vertexName: `[internal] load metadata for ${canonical}` });
  }
}

/**
 * `[internal] load metadata` for each image a reachable stage starts from, keyed by its
 * canonical name. BuildKit resolves them in parallel; an error fails the build once all
 * have answered. (The classic builder takes each base at its FROM instead, pulling it
 * into the image store: classic.ts.)
 */
export async function loadMetadata(
  b: Builder,
  states: readonly StageState[],
  reachable: ReadonlySet<StageState>,
): Promise<Map<string, Promise<ImageRecord>>> {
  const bases = new Map<string, Promise<ImageRecord>>();
  const metadata: Promise<void>[] = [];
  for (const s of states) {
    if (!reachable.has(s) || b.classic || b.stageByName(s.stage.baseName, s)) continue;
    if (s.stage.baseName === 'scratch') continue;
    const ref = parseBase(b, s);
    const canonical = canonicalString(withLatest(ref));
    if (bases.has(canonical)) continue;
    const resolved = resolveBase(b, ref, canonical, s);
    bases.set(canonical, resolved);
    metadata.push(resolved.then(() => undefined));
  }
  const settled = await Promise.allSettled(metadata);
  const rejected = settled.find((r) => r.status === 'rejected');
  if (rejected) throw (rejected as PromiseRejectedResult).reason;
  return bases;
}

/**
 * The stage's first step, `FROM <canonical>@<digest>`: cached once the image's layers
 * are in BuildKit's store, else resolved and (for an image not in the daemon's store)
 * extracted layer by layer.
 */
export async function fromStep(b: Builder, s: StageState, base: ImageRecord): Promise<void> {
  const digest =
    (base as ImageRecord & { repoDigest?: string }).repoDigest ??
    b.d.images.repoDigests(base.id)[0]?.split('@')[1];
  const ref = parseBase(b, s);
  const canonical = canonicalString(withLatest(ref));
  const pinned = `${canonical}${digest && !ref.digest ? '@' + digest : ''}`;
  const name = prefixCommand(s, `FROM ${pinned}`);
  const hit = b.cache.get(cacheKey('from', base.id), b.now);
  if (hit && !b.noCache(s)) {
    b.trace.cached(name);
    return;
  }
  const v = b.trace.start(name);
  await b.sleep(10);
  b.trace.status(v, `resolve ${pinned}`);
  if (!b.d.images.get(base.id)) {
    // the layers come from the registry into BuildKit's own store (not `docker images`)
    for (const l of base.layers) {
      await b.sleep(40 + Math.round(l.size / 200_000));
      b.trace.status(v, `extracting ${l.diffId}`);
    }
  }
  b.cache.put({
    key: cacheKey('from', base.id),
    createdMs: b.now,
    lastUsedMs: b.now,
    usageCount: 1,
    // moby's puller: an image of the store is taken `from local`, else pulled by digest
    description: b.d.images.get(base.id) ? `from local ${canonical}` : `pulled from ${pinned}`,
    kind: 'regular',
    base: { imageId: base.id, layers: base.layers },
  });
  b.trace.complete(v);
}

/** What the registry said, as the resolver words it. */
function registryError(daemonMessage: string): string {
  if (daemonMessage.startsWith('pull access denied')) {
    return 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
  }
  const m = /^manifest for (.*) not found/.exec(daemonMessage);
  if (m) return `docker.io/${m[1]}: not found`;
  return daemonMessage;
}
