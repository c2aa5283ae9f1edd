/**
 * What a push and a pull share with the registries they talk to (moby distribution/,
 * distribution/metadata): the schema2 manifest and the image config as the daemon
 * uploads them, a layer as a blob, the daemon's v2 metadata (which blob digest a layer
 * has in which repository, for `Layer already exists` and `Mounted from`), and the
 * repository interface both the simulated Docker Hub (hub.ts) and a registry container
 * in the lab (lab-registry.ts) answer.
 *
 * Differs from Docker: a layer blob is not a gzipped tarball. A layer of a catalogue
 * image keeps its Hub blob digest and compressed size; another layer's blob digest is
 * derived from its diff ID and its size estimated from the uncompressed size. A
 * registry container stores the layer's files as JSON (a catalogue layer by name).
 */
import { catalogue, layerEntries } from '../../images/index.ts';
import { digestOf } from '../../images/sha256.ts';
import type { LayerEntry } from '../../images/types.ts';
import type { Daemon } from '../daemon.ts';
import type { ImageRecord, LayerRecord } from './record.ts';

export const MEDIA_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
export const MEDIA_CONFIG = 'application/vnd.docker.container.image.v1+json';
export const MEDIA_LAYER = 'application/vnd.docker.image.rootfs.diff.tar.gzip';

export interface Descriptor {
  mediaType: string;
  size: number;
  digest: string;
}

interface CatalogueLayerRef {
  blob: string;
  download: number;
  entries: () => readonly LayerEntry[];
}

let byDiffId: Map<string, CatalogueLayerRef> | undefined;

/** The catalogue's layer with this diff ID, if any (its Hub blob and files). */
export function catalogueLayer(diffId: string): CatalogueLayerRef | undefined {
  if (!byDiffId) {
    byDiffId = new Map();
    for (const image of catalogue()) {
      image.layers.forEach((l, i) => {
        if (!byDiffId!.has(l.diffId))
          byDiffId!.set(l.diffId, {
            blob: l.blob,
            download: l.download,
            entries: () => layerEntries(image, i),
          });
      });
    }
  }
  return byDiffId.get(diffId);
}

/** The blob a layer is pushed as: its digest and compressed size. */
export function layerBlob(layer: LayerRecord): Descriptor {
  const known = catalogueLayer(layer.diffId);
  if (known) return { mediaType: MEDIA_LAYER, digest: known.blob, size: known.download };
  return {
    mediaType: MEDIA_LAYER,
    digest: digestOf(`blob ${layer.diffId}`),
    size: Math.max(32, Math.round(layer.size / 2.6)),
  };
}

/** A layer's blob as a registry container stores it (text): its files, or the catalogue layer it is. */
export function serializeLayer(layer: LayerRecord): string {
  const head = { dockyard: 'layer', diffId: layer.diffId, size: layer.size };
  if (catalogueLayer(layer.diffId)) return JSON.stringify({ ...head, catalogue: true });
  return JSON.stringify({ ...head, entries: layer.entries() });
}

/** A stored layer blob back as a layer, or undefined when the blob is not one. */
export function deserializeLayer(text: string): LayerRecord | undefined {
  let parsed: {
    dockyard?: string;
    diffId?: string;
    size?: number;
    catalogue?: boolean;
    entries?: LayerEntry[];
  };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    return undefined;
  }
  if (parsed.dockyard !== 'layer' || typeof parsed.diffId !== 'string') return undefined;
  const diffId = parsed.diffId;
  const known = parsed.catalogue ? catalogueLayer(diffId) : undefined;
  if (parsed.catalogue && !known) return undefined;
  const entries = Object.freeze(parsed.entries ?? []);
  return { diffId, size: parsed.size ?? 0, entries: known ? known.entries : () => entries };
}

/** Go's json.Marshal escapes <, > and & in strings. */
export function goJson(value: unknown, indent?: string): string {
  return JSON.stringify(value, null, indent)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}

/** The image config the daemon uploads (its ID is the config's digest). */
export function imageConfig(image: ImageRecord): string {
  return goJson({
    architecture: image.architecture,
    ...(image.author ? { author: image.author } : {}),
    ...(image.comment ? { comment: image.comment } : {}),
    config: image.config,
    created: image.created,
    ...(image.dockerVersion ? { docker_version: image.dockerVersion } : {}),
    history: image.history,
    os: image.os,
    rootfs: { type: 'layers', diff_ids: image.layers.map((l) => l.diffId) },
    ...(image.variant ? { variant: image.variant } : {}),
  });
}

/** schema2's canonical manifest: json.MarshalIndent with three spaces. */
export function schema2Manifest(config: Descriptor, layers: Descriptor[]): string {
  return goJson({ schemaVersion: 2, mediaType: MEDIA_MANIFEST, config, layers }, '   ');
}

export interface ParsedManifest {
  config: Descriptor;
  layers: Descriptor[];
}

export function parseManifest(text: string): ParsedManifest | undefined {
  try {
    const m = JSON.parse(text) as Partial<ParsedManifest>;
    if (!m.config || !Array.isArray(m.layers)) return undefined;
    return { config: m.config, layers: m.layers };
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------
// The daemon's v2 metadata (distribution/metadata/v2_metadata_service.go): for each
// diff ID, the blob digests it is known by and the repository each was seen in,
// oldest first.

export interface V2Metadata {
  digest: string;
  /** the repository's full name: `docker.io/library/alpine`, `localhost:5000/app` */
  sourceRepository: string;
}

const metadataByDaemon = new WeakMap<Daemon, Map<string, V2Metadata[]>>();

export function v2Metadata(d: Daemon): Map<string, V2Metadata[]> {
  let m = metadataByDaemon.get(d);
  if (!m) metadataByDaemon.set(d, (m = new Map()));
  return m;
}

/** TagAndAdd: remember (again, as the newest) that a layer is this blob in this repository. */
export function addMetadata(d: Daemon, diffId: string, meta: V2Metadata): void {
  const list = (v2Metadata(d).get(diffId) ?? []).filter(
    (m) => m.digest !== meta.digest || m.sourceRepository !== meta.sourceRepository,
  );
  list.push(meta);
  v2Metadata(d).set(diffId, list);
}

export function removeMetadata(d: Daemon, diffId: string, meta: V2Metadata): void {
  const list = v2Metadata(d).get(diffId);
  if (!list) return;
  v2Metadata(d).set(
    diffId,
    list.filter((m) => m.digest !== meta.digest || m.sourceRepository !== meta.sourceRepository),
  );
}

// ---------------------------------------------------------------------------

/** A blob to upload: a layer (the registry decides how it keeps it) or the image config. */
export type Blob = { kind: 'layer'; layer: LayerRecord } | { kind: 'config'; text: string };

/** What a registry answers a pull for one manifest. */
export type ManifestAnswer =
  { ok: true; digest: string; content: string } | { ok: false; reason: 'no-repository' | 'no-manifest' };

/**
 * One repository of a registry, as the daemon pushes to and pulls from it. Names are
 * the path in the registry (`app`, `learner/app`). Errors are thrown as the message
 * the daemon prints.
 */
export interface RemoteRegistry {
  /** `docker.io`, `localhost:5000`: for metadata and messages */
  domain: string;
  statBlob(repo: string, digest: string): Promise<boolean>;
  /** Cross-repository mount; false when `from` does not have the blob. */
  mountBlob(repo: string, digest: string, from: string): Promise<boolean>;
  putBlob(repo: string, digest: string, blob: Blob): Promise<void>;
  /** Store a manifest under a tag; returns its digest. */
  putManifest(repo: string, tag: string, content: string): Promise<string>;
  getManifest(repo: string, reference: string): Promise<ManifestAnswer>;
  getConfig(repo: string, digest: string): Promise<string | undefined>;
  getLayer(repo: string, digest: string): Promise<LayerRecord | undefined>;
  tags(repo: string): Promise<string[]>;
}
