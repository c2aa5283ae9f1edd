/**
 * `POST /images/{name}/push?tag=…` (moby distribution/push.go, push_v2.go and
 * xfer/upload.go): announce the repository, find the tag(s) to push, then prepare
 * every layer of the image top first (`Preparing`, by the first 12 digits of its diff
 * ID), five uploads at a time (the rest `Waiting`). Each layer then either exists in
 * the repository already (`Layer already exists`, known from the daemon's v2 metadata),
 * is mounted from another repository of the same registry (`Mounted from app`), or is
 * uploaded (`Pushing` progress on a terminal, then `Pushed`). The config and the
 * schema2 manifest follow, and `<tag>: digest: sha256:… size: N`.
 *
 * Where to: the simulated Docker Hub (credentials from X-Registry-Auth; only the
 * logged-in user's own namespace, otherwise the registry's `denied: requested access to
 * the resource is denied`), or a registry container reached through the lab's network
 * (lab-registry.ts).
 */
import { decodeAuthConfig } from '../../api/registry-auth.ts';
import { AsyncQueue } from '../../api/stream.ts';
import { invalidParameter } from '../../errdefs.ts';
import { familiarString, parseNormalizedNamed, type Reference } from '../../images/reference.ts';
import type { Daemon } from '../daemon.ts';
import {
  addMetadata,
  imageConfig,
  layerBlob,
  MEDIA_CONFIG,
  removeMetadata,
  schema2Manifest,
  v2Metadata,
  type Descriptor,
  type RemoteRegistry,
  type V2Metadata,
} from './distribution.ts';
import { DENIED, Hub } from './hub.ts';
import { logImageEvent } from './image-events.ts';
import { labEndpoint, pingLab } from './lab-registry.ts';
import { bar } from './pull.ts';
import type { LayerRecord } from './record.ts';
import { repoTagReference } from './tag.ts';

type Message = Record<string, unknown>;

/** dockerd's max-concurrent-uploads default. */
const CONCURRENCY = 5;
/** Time until the registry answers the first upload (token, then a blob HEAD). */
const ANSWER_MS = 700;
/** Bytes per second of an upload (read, compressed and sent). */
const UPLOAD_RATE = 12_000_000;
const SMALL_LAYER = 100 * 1024;
const MIDDLE_LAYER = 10 * 1024 * 1024;

/** The route's reading of name and tag (RepoTagReference, or the name alone for -a). */
export function planPush(name: string, tag: string): Reference {
  if (tag !== '') return repoTagReference(name, tag)!;
  const parsed = parseNormalizedNamed(name);
  if (!parsed.ok) throw invalidParameter(parsed.error);
  return parsed.ref;
}

export function pushImage(d: Daemon, ref: Reference, authHeader?: string): AsyncQueue<Message> {
  const queue = new AsyncQueue<Message>();
  const fail = (message: string) => {
    queue.push({ errorDetail: { message }, error: message });
    queue.close();
  };
  queue.push({ status: `The push refers to repository [${ref.domain}/${ref.path}]` });
  const associations = d.images.referencesByName(ref.familiar);
  if (associations.length === 0) {
    fail(`An image does not exist locally with the tag: ${ref.familiar}`);
    return queue;
  }
  let remote: RemoteRegistry;
  let denied = false;
  if (ref.domain === 'docker.io' && d.registry instanceof Hub) {
    const hub = d.registry.remote(decodeAuthConfig(authHeader));
    denied = !hub.mayPush(ref.path);
    remote = hub;
  } else {
    const endpoint = labEndpoint(d, ref.domain);
    if (!endpoint.ok) {
      d.clock.after(ANSWER_MS, () => fail(endpoint.message));
      return queue;
    }
    remote = endpoint.registry;
  }
  const tags: { tag: string; id: string }[] = [];
  if (ref.tag !== undefined) {
    const id = d.images.byRef(ref)?.id;
    if (!id) {
      fail(`tag does not exist: ${familiarString(ref)}`);
      return queue;
    }
    tags.push({ tag: ref.tag, id });
  } else {
    for (const a of associations) if (a.tag !== undefined) tags.push({ tag: a.tag, id: a.id });
    if (tags.length === 0) {
      fail(`no tags to push for ${ref.familiar}`);
      return queue;
    }
  }
  const pusher = new Pusher(d, ref, remote, queue);
  void (async () => {
    try {
      for (let i = 0; i < tags.length; i++) {
        await pusher.pushTag(tags[i]!.tag, tags[i]!.id, i === 0, denied);
      }
      logImageEvent(d, familiarString(ref), ref.familiar, 'push');
      queue.close();
    } catch (err) {
      fail(err instanceof Error ? err.message : String(err));
    }
  })();
  return queue;
}

class Pusher {
  /** pushState.remoteLayers: layers known to be in the repository during this push */
  readonly #remote = new Map<string, Descriptor>();
  readonly #d: Daemon;
  readonly #ref: Reference;
  readonly #registry: RemoteRegistry;
  readonly #queue: AsyncQueue<Message>;
  /** the repository's full name, as v2 metadata records it */
  readonly #repoName: string;

  constructor(d: Daemon, ref: Reference, registry: RemoteRegistry, queue: AsyncQueue<Message>) {
    this.#d = d;
    this.#ref = ref;
    this.#registry = registry;
    this.#queue = queue;
    this.#repoName = `${ref.domain}/${ref.path}`;
  }

  #update(id: string, status: string, extra: Message = {}): void {
    this.#queue.push({ status, progressDetail: {}, ...extra, id });
  }

  async pushTag(tag: string, imageId: string, first: boolean, denied: boolean): Promise<void> {
    const d = this.#d;
    const image = d.images.get(imageId)!;
    const layers = [...image.layers].reverse();
    for (const l of layers) this.#update(short(l.diffId), 'Preparing');
    const unique = [...new Map(layers.map((l) => [l.diffId, l])).values()];
    for (const l of unique.slice(CONCURRENCY)) this.#update(short(l.diffId), 'Waiting');
    if (first) {
      await d.clock.sleep(ANSWER_MS);
      await pingLab(this.#registry);
    }
    if (denied) throw new Error(DENIED);
    // five at a time, in order, each starting when one before it is done
    let next = 0;
    const worker = async () => {
      while (next < unique.length) {
        const layer = unique[next++]!;
        await this.#upload(layer);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, unique.length) }, worker));
    // the manifest builder puts the config blob, then the manifest goes up by tag
    const configText = imageConfig(image);
    const config: Descriptor = { mediaType: MEDIA_CONFIG, size: byteLength(configText), digest: image.id };
    if (!(await this.#registry.statBlob(this.#ref.path, config.digest)))
      await this.#registry.putBlob(this.#ref.path, config.digest, { kind: 'config', text: configText });
    const descriptors = image.layers.map((l) => this.#remote.get(l.diffId) ?? layerBlob(l));
    const manifest = schema2Manifest(config, descriptors);
    const digest = await this.#registry.putManifest(this.#ref.path, tag, manifest);
    const size = byteLength(manifest);
    this.#queue.push({ status: `${tag}: digest: ${digest} size: ${size}` });
    const digestRef = `${this.#ref.familiar}@${digest}`;
    if (!d.images.byReference(digestRef)) d.images.addDigest(digestRef, imageId);
    this.#queue.push({ progressDetail: {}, aux: { Tag: tag, Digest: digest, Size: size } });
  }

  /** pushDescriptor.Upload */
  async #upload(layer: LayerRecord): Promise<void> {
    const id = short(layer.diffId);
    const known = this.#remote.get(layer.diffId);
    if (known) {
      this.#update(id, 'Layer already exists');
      return;
    }
    const blob = layerBlob(layer);
    const [maxMount, maxExist, checkOther] =
      layer.size > MIDDLE_LAYER ? [4, 3, true] : layer.size > SMALL_LAYER ? [3, 1, false] : [1, 1, false];
    const checked = new Set<string>();
    const metadata = [...(v2Metadata(this.#d).get(layer.diffId) ?? [])];
    if (metadata.length > 0 && (await this.#alreadyExists(layer, true, 1, metadata, checked))) return;
    for (const candidate of this.#mountCandidates(metadata, maxMount)) {
      const from = candidate.sourceRepository.slice(candidate.sourceRepository.indexOf('/') + 1);
      if (await this.#registry.mountBlob(this.#ref.path, candidate.digest, from)) {
        this.#update(id, `Mounted from ${from}`);
        this.#done(layer, { ...blob, digest: candidate.digest });
        return;
      }
      removeMetadata(this.#d, layer.diffId, candidate);
    }
    if (
      maxExist - checked.size > 0 &&
      (await this.#alreadyExists(layer, checkOther, maxExist - checked.size, metadata, checked))
    )
      return;
    // upload: the layer is read (its uncompressed size is the progress' total) and sent
    const total = layer.size;
    const steps = Math.max(1, Math.min(10, Math.ceil(total / 1_000_000)));
    const stepMs = Math.max(40, Math.round(((total / UPLOAD_RATE) * 1000) / steps));
    for (let step = 1; step <= steps; step++) {
      await this.#d.clock.sleep(stepMs);
      const current = Math.min(total, Math.round((total * step) / steps));
      if (step < steps || steps === 1)
        this.#update(id, 'Pushing', {
          progressDetail: { current, total },
          progress: bar(current, total || 1),
        });
    }
    await this.#registry.putBlob(this.#ref.path, blob.digest, { kind: 'layer', layer });
    this.#update(id, 'Pushed');
    this.#done(layer, blob);
  }

  #done(layer: LayerRecord, blob: Descriptor): void {
    addMetadata(this.#d, layer.diffId, { digest: blob.digest, sourceRepository: this.#repoName });
    this.#remote.set(layer.diffId, blob);
  }

  /** layerAlreadyExists: HEAD the best known digests in the target repository. */
  async #alreadyExists(
    layer: LayerRecord,
    checkOther: boolean,
    max: number,
    metadata: V2Metadata[],
    checked: Set<string>,
  ): Promise<boolean> {
    const candidates = this.#byLikeness(
      metadata.filter((m) => checkOther || m.sourceRepository === this.#repoName),
    );
    const digests: V2Metadata[] = [];
    for (const m of candidates) {
      if (digests.length >= max) break;
      if (digests.some((x) => x.digest === m.digest) || checked.has(m.digest)) continue;
      digests.push(m);
    }
    for (const m of digests) {
      checked.add(m.digest);
      if (await this.#registry.statBlob(this.#ref.path, m.digest)) {
        this.#update(short(layer.diffId), 'Layer already exists');
        this.#done(layer, { ...layerBlob(layer), digest: m.digest });
        return true;
      }
      if (m.sourceRepository === this.#repoName) removeMetadata(this.#d, layer.diffId, m);
    }
    return false;
  }

  /** getRepositoryMountCandidates: the same registry, another repository, youngest and likest first. */
  #mountCandidates(metadata: V2Metadata[], max: number): V2Metadata[] {
    const domain = this.#ref.domain;
    const same = metadata.filter(
      (m) => m.sourceRepository.startsWith(`${domain}/`) && m.sourceRepository !== this.#repoName,
    );
    return this.#byLikeness(same).slice(0, max);
  }

  /** sortV2MetadataByLikenessAndAge: newest first, then most path components in common. */
  #byLikeness(list: V2Metadata[]): V2Metadata[] {
    const target = this.#ref.path.split('/');
    const matching = (repo: string) => {
      const parts = repo.slice(repo.indexOf('/') + 1).split('/');
      let i = 0;
      while (i < parts.length && i < target.length && parts[i] === target[i]) i++;
      return i;
    };
    return [...list].reverse().sort((a, b) => matching(b.sourceRepository) - matching(a.sourceRepository));
  }
}

const short = (diffId: string) => diffId.slice(7, 19);

function byteLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}
