/**
 * `POST /images/create?fromImage=…&tag=…` (docker pull; moby distribution/pull_v2.go,
 * xfer/download.go): resolve the reference at the registry, then stream what a pull
 * prints, on the virtual clock — per layer Pulling fs layer, Waiting, Downloading,
 * Verifying Checksum, Download complete, Extracting, Pull complete, or Already exists
 * for a layer chain the daemon has — and store the image. An image whose config is
 * already here pulls nothing: only its digest and status lines show. With no tag
 * (`docker pull -a`) every tag of the repository is pulled in turn.
 */
import { humanSize } from '../../golang/units.ts';
import { AsyncQueue } from '../../api/stream.ts';
import { DaemonError, forbidden, invalidParameter, notFound, systemError } from '../../errdefs.ts';
import { catalogue } from '../../images/index.ts';
import {
  familiarString,
  isValidTag,
  parseNormalizedNamed,
  validateDigest,
  type Reference,
} from '../../images/reference.ts';
import { parseRfc3339 } from '../../images/rfc3339.ts';
import type { CatalogueImage } from '../../images/types.ts';
import type { Daemon } from '../daemon.ts';
import { addMetadata, parseManifest } from './distribution.ts';
import { Hub, imageFromConfig } from './hub.ts';
import { logImageEvent } from './image-events.ts';
import { labEndpoint, pingLab } from './lab-registry.ts';
import { chainOf, layersInUse } from './layers.ts';
import type { ImageRecord, LayerRecord } from './record.ts';
import { familiarTagged } from './store.ts';

/** Bytes per second of the simulated link (a fast connection: pulls take seconds). */
const DOWNLOAD_RATE = 40_000_000;
const EXTRACT_RATE = 150_000_000;
/** dockerd downloads three layers at a time (max-concurrent-downloads). */
const CONCURRENCY = 3;

type Message = Record<string, unknown>;

export function bar(current: number, total: number): string {
  const pct = Math.floor((current / total) * 50);
  const arrow = pct >= 50 ? '='.repeat(50) : '='.repeat(pct) + '>' + ' '.repeat(49 - pct);
  return `[${arrow}]${humanSize(current).padStart(8)}/${humanSize(total)}`;
}

export interface PullPlan {
  ref: Reference;
  image: CatalogueImage;
  layers: LayerRecord[];
}

/** The route's reading of fromImage and tag (a tag may be a digest); no tag means all tags. */
export function pullReference(fromImage: string, tag: string): Reference {
  const parsed = parseNormalizedNamed(fromImage.replace(/:$/, ''));
  if (!parsed.ok) throw invalidParameter(parsed.error);
  let ref = parsed.ref;
  if (tag !== '') {
    if (validateDigest(tag) === undefined) ref = { ...ref, tag: undefined, digest: tag };
    else if (!isValidTag(tag)) throw invalidParameter('invalid tag format');
    else ref = { ...ref, tag };
  }
  if (ref.familiar === 'scratch') throw forbidden("'scratch' is a reserved name");
  return ref;
}

/** Resolve one tag or digest at the registry; throws the daemon's error when it cannot. */
export function planRef(d: Daemon, ref: Reference): PullPlan {
  const found = d.registry.lookup(ref);
  if (!found.ok) {
    if (found.reason === 'no-repository') {
      throw notFound(
        `pull access denied for ${ref.familiar}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
      );
    }
    if (found.reason === 'no-manifest')
      throw notFound(`manifest for ${familiarString(ref)} not found: manifest unknown: manifest unknown`);
    throw systemError(found.message);
  }
  return { ref, image: found.image, layers: found.layers };
}

/** One tag (`latest` when none is given): what the engine's image preloading uses. */
export function planPull(d: Daemon, fromImage: string, tag: string): PullPlan {
  const ref = pullReference(fromImage, tag);
  return planRef(d, ref.tag || ref.digest ? ref : { ...ref, tag: 'latest' });
}

/**
 * Resolve one tag or digest at whichever registry the reference names: the simulated
 * Docker Hub, or a registry in the lab reached over the network (lab-registry.ts).
 */
export async function planRefAsync(d: Daemon, ref: Reference): Promise<PullPlan> {
  if (ref.domain === 'docker.io') return planRef(d, ref);
  const endpoint = labEndpoint(d, ref.domain);
  if (!endpoint.ok) throw systemError(endpoint.message);
  const registry = endpoint.registry;
  const unknown = () =>
    notFound(`manifest for ${familiarString(ref)} not found: manifest unknown: manifest unknown`);
  try {
    await pingLab(registry);
    const answer = await registry.getManifest(ref.path, ref.digest ?? ref.tag ?? 'latest');
    if (!answer.ok) throw unknown();
    const manifest = parseManifest(answer.content);
    if (!manifest) throw systemError(`unsupported manifest format`);
    const configText = await registry.getConfig(ref.path, manifest.config.digest);
    if (configText === undefined) throw unknown();
    const layers: LayerRecord[] = [];
    for (const l of manifest.layers) {
      const layer = await registry.getLayer(ref.path, l.digest);
      if (!layer) throw notFound(`blob unknown: blob unknown to registry`);
      layers.push(layer);
    }
    const image = imageFromConfig(
      ref.path,
      manifest.config.digest,
      answer.digest,
      configText,
      manifest.layers,
      layers,
    );
    return { ref, image, layers };
  } catch (err) {
    if (err instanceof DaemonError) throw err;
    throw systemError(err instanceof Error ? err.message : String(err));
  }
}

/** The tags `docker pull -a` pulls, sorted as the registry lists them. */
async function allTags(d: Daemon, ref: Reference): Promise<string[]> {
  if (ref.domain !== 'docker.io') {
    const endpoint = labEndpoint(d, ref.domain);
    if (!endpoint.ok) throw systemError(endpoint.message);
    return endpoint.registry.tags(ref.path);
  }
  const pushed = d.registry instanceof Hub ? d.registry.pushedTags(ref.path) : [];
  if (pushed.length > 0) return pushed;
  return catalogue()
    .filter((i) => i.repository === ref.path)
    .flatMap((i) => i.tags)
    .sort();
}

/**
 * The pull a request asks for: one tag, or (no tag) every tag the registry has,
 * sorted as the registry lists them. Errors before any output are HTTP errors.
 */
export async function pullRequest(d: Daemon, fromImage: string, tag: string): Promise<AsyncQueue<Message>> {
  const ref = pullReference(fromImage, tag);
  if (ref.tag || ref.digest) return pullImage(d, await planRefAsync(d, ref));
  const tags = await allTags(d, ref);
  // a repository the registry does not have fails as its `latest` would
  if (tags.length === 0) await planRefAsync(d, { ...ref, tag: 'latest' });
  const plans: PullPlan[] = [];
  for (const t of tags) plans.push(await planRefAsync(d, { ...ref, tag: t }));
  const queue = new AsyncQueue<Message>();
  let updated = false;
  const next = (i: number) => {
    if (i === plans.length) {
      queue.push({
        status: `Status: ${updated ? 'Downloaded newer image for' : 'Image is up to date for'} ${ref.familiar}`,
      });
      logImageEvent(d, ref.familiar, ref.familiar, 'pull');
      queue.close();
      return;
    }
    streamTag(d, plans[i]!, queue, (tagUpdated) => {
      updated ||= tagUpdated;
      next(i + 1);
    });
  };
  next(0);
  return queue;
}

/** A single-tag pull's whole stream, ending with its Status line. */
export function pullImage(d: Daemon, plan: PullPlan): AsyncQueue<Message> {
  const queue = new AsyncQueue<Message>();
  streamTag(d, plan, queue, (tagUpdated) => {
    const name = familiarTagged(plan.ref);
    queue.push({
      status: tagUpdated
        ? `Status: Downloaded newer image for ${name}`
        : `Status: Image is up to date for ${name}`,
    });
    logImageEvent(d, familiarString(plan.ref), plan.ref.familiar, 'pull');
    queue.close();
  });
  return queue;
}

/** pullTag: the layer lines and `Digest:` of one tag; `done(tagUpdated)` once stored. */
function streamTag(
  d: Daemon,
  plan: PullPlan,
  queue: AsyncQueue<Message>,
  done: (updated: boolean) => void,
): void {
  const { ref, image } = plan;
  queue.push({ status: `Pulling from ${ref.path}`, id: ref.tag ?? ref.digest! });
  const clock = d.clock;
  const finish = () => {
    queue.push({ status: `Digest: ${image.digest}` });
    done(store(d, plan));
  };
  // the image's config is here already: nothing to download (pullSchema2)
  if (d.images.get(image.id)) {
    clock.after(300, finish);
    return;
  }
  const present = layersInUse(d);
  const chain = chainOf(image.layers.map((l) => l.diffId));
  const todo = image.layers.map((l, i) => ({
    layer: l,
    short: l.blob.slice(7, 19),
    have: present.has(chain[i]!),
  }));
  for (const t of todo) if (t.have) queue.push({ status: 'Already exists', progressDetail: {}, id: t.short });
  const missing = todo.filter((t) => !t.have);
  for (const t of missing) queue.push({ status: 'Pulling fs layer', progressDetail: {}, id: t.short });
  for (const t of missing.slice(CONCURRENCY))
    queue.push({ status: 'Waiting', progressDetail: {}, id: t.short });
  if (missing.length === 0) {
    clock.after(300, finish);
    return;
  }
  // Layers download CONCURRENCY at a time; each extracts in order once the ones below it have.
  let next = 0;
  let extracted = 0;
  const downloaded = new Set<number>();
  const startDownload = () => {
    const t = missing[next++];
    if (!t) return;
    const total = t.layer.download;
    const steps = Math.max(1, Math.min(10, Math.ceil(total / 2_000_000)));
    const stepMs = Math.max(50, Math.round((total / DOWNLOAD_RATE) * 1000) / steps);
    let step = 0;
    const tick = () => {
      step++;
      const current = Math.min(total, Math.round((total * step) / steps));
      if (step < steps) {
        queue.push({
          status: 'Downloading',
          progressDetail: { current, total },
          progress: bar(current, total),
          id: t.short,
        });
        clock.after(stepMs, tick);
        return;
      }
      queue.push({ status: 'Verifying Checksum', progressDetail: {}, id: t.short });
      queue.push({ status: 'Download complete', progressDetail: {}, id: t.short });
      downloaded.add(missing.indexOf(t));
      startDownload();
      extractReady();
    };
    clock.after(stepMs, tick);
  };
  let extracting = false;
  const extractReady = () => {
    if (extracting || !downloaded.has(extracted)) return;
    extracting = true;
    const t = missing[extracted]!;
    const total = t.layer.size || 1;
    const ms = Math.max(30, Math.round((total / EXTRACT_RATE) * 1000));
    const first = Math.min(total, 32768);
    queue.push({
      status: 'Extracting',
      progressDetail: { current: first, total },
      progress: bar(first, total),
      id: t.short,
    });
    clock.after(ms, () => {
      queue.push({
        status: 'Extracting',
        progressDetail: { current: total, total },
        progress: bar(total, total),
        id: t.short,
      });
      queue.push({ status: 'Pull complete', progressDetail: {}, id: t.short });
      extracted++;
      extracting = false;
      if (extracted === missing.length) finish();
      else extractReady();
    });
  };
  for (let i = 0; i < CONCURRENCY; i++) startDownload();
}

/**
 * Put the pulled image in the store and name it (pull_v2.go): returns false when the
 * reference already named this very image ("Image is up to date"), true otherwise.
 */
export function store(d: Daemon, plan: PullPlan, options: { digest?: boolean } = {}): boolean {
  const { image, ref, layers } = plan;
  // `docker load` leaves no repo digest; a pull does
  const withDigest = options.digest ?? true;
  if (!d.images.get(image.id)) d.images.add(fromCatalogue(image, layers));
  // the daemon remembers which blob each layer is in this repository (v2 metadata)
  if (withDigest)
    image.layers.forEach((l) =>
      addMetadata(d, l.diffId, { digest: l.blob, sourceRepository: `${ref.domain}/${ref.path}` }),
    );
  const name = familiarTagged(ref);
  if (d.images.byReference(name)?.id === image.id) {
    if (withDigest) addDigestReference(d, ref, image);
    return false;
  }
  if (withDigest) addDigestReference(d, ref, image);
  if (!ref.digest) d.images.tag(name, image.id);
  return true;
}

/** The repository's digest reference (`nginx@sha256:…`), unless it names another image already. */
function addDigestReference(d: Daemon, ref: Reference, image: CatalogueImage): void {
  const digestRef = `${ref.familiar}@${image.digest}`;
  if (!d.images.byReference(digestRef)) d.images.addDigest(digestRef, image.id);
}

export function fromCatalogue(image: CatalogueImage, layers: LayerRecord[]): ImageRecord {
  return {
    id: image.id,
    parent: '',
    // a Hub image's config has no comment of its own; inspect falls back to the history's
    comment: (image as { comment?: string }).comment ?? '',
    created: image.created,
    createdMs: parseRfc3339(image.created),
    dockerVersion: image.dockerVersion,
    author: image.author ?? '',
    config: image.config,
    architecture: image.architecture,
    os: image.os,
    ...(image.variant ? { variant: image.variant } : {}),
    size: image.size,
    layers,
    history: [...image.history],
  };
}
