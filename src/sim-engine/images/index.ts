/**
 * The simulated Docker Hub, as the daemon sees it: resolve a reference the way Docker
 * does, look an image up by repository and tag or digest (with the registry's own error
 * texts when it is not there), and get what a pull needs — the layers in order with
 * their digests and sizes, and each layer's files, built on first use and cached.
 *
 * Only docker.io is served from here; other registries (a `registry:2` container on
 * localhost:5000) belong to the daemon and the network.
 */
import { allImages, repositoryImages } from './catalogue.ts';
import { buildLayer } from './fs/index.ts';
import { parseRfc3339 } from './rfc3339.ts';
import { DEFAULT_DOMAIN, familiarString, type Reference } from './reference.ts';
import type { CatalogueImage, CatalogueLayer, LayerEntry } from './types.ts';

export type { CatalogueImage, CatalogueLayer, HistoryEntry, ImageConfig, LayerEntry } from './types.ts';
export type { ParseResult, Reference } from './reference.ts';
export {
  canonicalString,
  familiarString,
  isValidTag,
  parse,
  parseNormalizedNamed,
  resolveReference,
  validateDigest,
} from './reference.ts';
export { randomName } from './names.ts';
export { digestOf, sha256 } from './sha256.ts';
export { EMPTY_LAYER } from './catalogue.ts';

/** Every image of the catalogue, one per distinct image (tags listed on each). */
export function catalogue(): readonly CatalogueImage[] {
  return allImages();
}

/** Whether Docker Hub has the repository (`library/nginx`, `traefik/whoami`). */
export function hasRepository(repository: string): boolean {
  return repositoryImages(repository) !== undefined;
}

/** The image a tag or a digest (`sha256:…`, the manifest digest) names, or undefined. */
export function lookup(repository: string, tagOrDigest: string): CatalogueImage | undefined {
  const images = repositoryImages(repository);
  if (!images) return undefined;
  if (tagOrDigest.startsWith('sha256:')) return images.find((i) => i.digest === tagOrDigest);
  return images.find((i) => i.tags.includes(tagOrDigest));
}

export type Resolution = { ok: true; image: CatalogueImage } | { ok: false; status: 404; message: string };

/**
 * What the registry answers for a normalised reference (see resolveReference), with the
 * daemon's messages: `pull access denied for foo, repository does not exist or may
 * require 'docker login'` (graphdriver store: `: denied: requested access to the
 * resource is denied` follows) and `manifest for nginx:nosuchtag not found: manifest
 * unknown: manifest unknown`.
 */
export function resolve(ref: Reference): Resolution {
  const images = ref.domain === DEFAULT_DOMAIN ? repositoryImages(ref.path) : undefined;
  if (!images) {
    return {
      ok: false,
      status: 404,
      message: `pull access denied for ${ref.familiar}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
    };
  }
  const image = lookup(ref.path, ref.digest ?? ref.tag ?? 'latest');
  if (!image) {
    return {
      ok: false,
      status: 404,
      message: `manifest for ${familiarString(ref)} not found: manifest unknown: manifest unknown`,
    };
  }
  return { ok: true, image };
}

/** A layer as `docker pull` reports it: `e756f3fdd6a3: Pull complete`. */
export interface PullLayer extends CatalogueLayer {
  /** the 12 hex digits pull progress prints */
  shortId: string;
}

/** The layers a pull downloads, bottom first. */
export function pullLayers(image: CatalogueImage): PullLayer[] {
  return image.layers.map((l) => ({ ...l, shortId: l.blob.slice(7, 19) }));
}

const layerCache = new Map<string, readonly LayerEntry[]>();

/** The files of one layer of an image (built once per distinct layer, then shared). */
export function layerEntries(image: CatalogueImage, index: number): readonly LayerEntry[] {
  const layer = image.layers[index];
  if (!layer) throw new RangeError(`${image.repository} has no layer ${index}`);
  let entries = layerCache.get(layer.diffId);
  if (!entries) {
    const row = image.history.filter((h) => !h.empty_layer)[index]!;
    entries = Object.freeze(buildLayer(layer.recipe, parseRfc3339(row.created)));
    layerCache.set(layer.diffId, entries);
  }
  return entries;
}

/** Every layer's entries, bottom first. */
export function catalogueLayers(image: CatalogueImage): (readonly LayerEntry[])[] {
  return image.layers.map((_, i) => layerEntries(image, i));
}

/**
 * The image config as the registry serves it and `docker image inspect` reads it
 * (architecture, config, created, history, os, rootfs).
 */
export function imageConfigDocument(image: CatalogueImage) {
  return {
    architecture: image.architecture,
    config: image.config,
    created: image.created,
    history: image.history,
    os: image.os,
    rootfs: { type: 'layers' as const, diff_ids: image.layers.map((l) => l.diffId) },
  };
}
