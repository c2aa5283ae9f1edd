/**
 * `POST /images/create?fromImage=…&tag=…` (docker pull): resolve the reference at
 * the registry, then stream the progress a pull prints — per layer Pulling fs layer,
 * Waiting, Downloading, Verifying Checksum, Download complete, Extracting, Pull
 * complete (or Already exists) — on the virtual clock, and store the image.
 */
import { AsyncQueue } from '../../api/stream.ts';
import { notFound, systemError } from '../../errdefs.ts';
import { familiarString, parseNormalizedNamed, type Reference } from '../../images/reference.ts';
import { parseRfc3339 } from '../../images/rfc3339.ts';
import type { CatalogueImage } from '../../images/types.ts';
import type { Daemon } from '../daemon.ts';
import type { ImageRecord, LayerRecord } from './record.ts';
import { familiarTagged } from './store.ts';

/** Bytes per second of the simulated link (a fast connection: pulls take seconds). */
const DOWNLOAD_RATE = 40_000_000;
const EXTRACT_RATE = 150_000_000;
/** dockerd downloads three layers at a time (max-concurrent-downloads). */
const CONCURRENCY = 3;

type Message = Record<string, unknown>;

function humanSize(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = n;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${Number(v.toPrecision(4))}${units[i]}`;
}

function bar(current: number, total: number): string {
  const pct = Math.floor((current / total) * 50);
  const arrow = pct >= 50 ? '='.repeat(50) : '='.repeat(pct) + '>' + ' '.repeat(49 - pct);
  return `[${arrow}]${humanSize(current).padStart(8)}/${humanSize(total)}`;
}

export interface PullPlan {
  ref: Reference;
  image: CatalogueImage;
  layers: LayerRecord[];
}

/** Resolve `fromImage`/`tag` at the registry; throws the daemon's error when it cannot. */
export function planPull(d: Daemon, fromImage: string, tag: string): PullPlan {
  const raw = tag ? (tag.startsWith('sha256:') ? `${fromImage}@${tag}` : `${fromImage}:${tag}`) : fromImage;
  const parsed = parseNormalizedNamed(raw);
  if (!parsed.ok) throw systemError(parsed.error);
  const ref = parsed.ref.tag || parsed.ref.digest ? parsed.ref : { ...parsed.ref, tag: 'latest' };
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

export function pullImage(d: Daemon, plan: PullPlan): AsyncQueue<Message> {
  const queue = new AsyncQueue<Message>();
  const { ref, image } = plan;
  const label = ref.tag ?? ref.digest!;
  queue.push({ status: `Pulling from ${ref.path}`, id: label });
  const present = new Set(d.images.all().flatMap((i) => i.layers.map((l) => l.diffId)));
  const already = d.images.get(image.id);
  const todo = image.layers.map((l, i) => ({
    layer: l,
    index: i,
    short: l.blob.slice(7, 19),
    have: present.has(l.diffId),
  }));
  for (const t of todo) if (t.have) queue.push({ status: 'Already exists', progressDetail: {}, id: t.short });
  const missing = todo.filter((t) => !t.have);
  for (const t of missing) queue.push({ status: 'Pulling fs layer', progressDetail: {}, id: t.short });
  for (const t of missing.slice(CONCURRENCY))
    queue.push({ status: 'Waiting', progressDetail: {}, id: t.short });

  const clock = d.clock;
  const finish = () => {
    const digest = image.digest;
    queue.push({ status: `Digest: ${digest}` });
    const newer = store(d, plan);
    const name = familiarTagged(ref);
    queue.push({
      status:
        newer || !already
          ? `Status: Downloaded newer image for ${name}`
          : `Status: Image is up to date for ${name}`,
    });
    d.events.log(
      d.instant(),
      'image',
      'pull',
      ref.digest ? `${ref.familiar}@${ref.digest}` : `${ref.familiar}:${ref.tag}`,
      { name: ref.familiar },
    );
    queue.close();
  };
  if (missing.length === 0) {
    clock.after(300, finish);
    return queue;
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
    queue.push({
      status: 'Extracting',
      progressDetail: { current: Math.min(total, 32768), total },
      progress: bar(Math.min(total, 32768), total),
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
  return queue;
}

/** Put the pulled image in the store and tag it; returns whether the tag moved to a new image. */
export function store(d: Daemon, plan: PullPlan): boolean {
  const { image, ref, layers } = plan;
  let record = d.images.get(image.id);
  if (!record) {
    record = fromCatalogue(image, layers);
    d.images.add(record);
  }
  const name = familiarTagged(ref);
  const before = d.images.byReference(name)?.id;
  if (!ref.digest) d.images.tag(name, image.id);
  d.images.addDigest(`${ref.familiar}@${image.digest}`, image.id);
  return before !== image.id;
}

export function fromCatalogue(image: CatalogueImage, layers: LayerRecord[]): ImageRecord {
  return {
    id: image.id,
    repoTags: [],
    repoDigests: [],
    parent: '',
    comment: image.history.length > 0 && image.history[0]!.comment ? image.history[0]!.comment : '',
    created: image.created,
    createdMs: parseRfc3339(image.created),
    dockerVersion: image.dockerVersion,
    author: image.author ?? '',
    config: image.config,
    architecture: image.architecture,
    os: image.os,
    variant: image.variant,
    size: image.size,
    layers,
    history: [...image.history],
    lastTagTime: '',
  };
}
