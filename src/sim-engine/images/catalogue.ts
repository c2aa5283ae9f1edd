/**
 * The catalogue: every image of the simulated Docker Hub, made from the compact specs in
 * data/ once, on first use. Real values (image IDs, manifest-list digests, blob digests,
 * sizes) are used where data/ has them; the rest is derived deterministically:
 *
 * - a blob digest is the sha256 of `blob <recipe>`, unless another image's layer with the
 *   same recipe carries the real one (so shared base layers share digests and sizes);
 * - a diffID is the sha256 of `diff <blob digest>` (BuildKit's empty layer keeps its real
 *   pair, 4f4fb700… / 5f70bf18…);
 * - an image ID is the sha256 of its config, history and diffIDs; a manifest digest the
 *   sha256 of the repository, first tag and image ID;
 * - an uncompressed size is the download size times a ratio typical of the layer's kind.
 *
 * Differs from Docker: derived digests are well-formed but are not the Hub's, and
 * estimated sizes are within a few percent of the real ones at best.
 */
import { digestOf, sha256 } from './sha256.ts';
import type { CatalogueImage, CatalogueLayer } from './types.ts';
import type { ImageSpec, LayerSpec } from './data/spec.ts';
import { ALPINE, BUSYBOX, DEBIAN, UBUNTU } from './data/bases.ts';
import { GOLANG } from './data/golang.ts';
import { MYSQL } from './data/mysql.ts';
import { NGINX } from './data/nginx.ts';
import { NODE } from './data/node.ts';
import { PYTHON } from './data/python.ts';
import { REGISTRY } from './data/registry.ts';
import { HTTPD, POSTGRES, POSTGRES_ALPINE, REDIS } from './data/servers.ts';
import { HELLO_WORLD, WHOAMI } from './data/small.ts';

/** Every spec, in the order `docker search`-like listings show them. */
export const SPECS: readonly ImageSpec[] = [
  ...HELLO_WORLD,
  ...ALPINE,
  ...BUSYBOX,
  ...UBUNTU,
  ...DEBIAN,
  ...NGINX,
  ...HTTPD,
  ...REDIS,
  ...POSTGRES,
  POSTGRES_ALPINE,
  ...MYSQL,
  ...PYTHON,
  ...NODE,
  ...GOLANG,
  ...REGISTRY,
  ...WHOAMI,
];

/** BuildKit's empty layer (WORKDIR, an empty COPY): a 32-byte gzip of an empty tar. */
export const EMPTY_LAYER = {
  blob: 'sha256:4f4fb700ef54461cfa02571ae0db9a0dc1e0cdb5577484a6d75e68dc38e8acc1',
  diffId: 'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef',
};

/** Uncompressed/compressed ratios by the kind of layer (from images whose both sizes are known). */
function ratio(recipe: string): number {
  if (recipe.startsWith('debian:')) return recipe.includes('-slim') ? 2.645 : 2.44;
  if (recipe.startsWith('ubuntu:')) return 2.63;
  if (recipe.startsWith('alpine:')) return 2.25;
  if (recipe.startsWith('busybox:')) return 2.0;
  if (recipe.startsWith('buildpack-') || recipe.startsWith('oraclelinux')) return 2.8;
  if (/^(go|node|python):/.test(recipe)) return 3.1;
  return 2.6;
}

/** The part of a recipe that says what files it makes (`#…` names the build). */
export const recipeName = (recipe: string): string => recipe.split('#')[0]!;

function buildAll(specs: readonly ImageSpec[]): CatalogueImage[] {
  // real blob digests, by recipe, so that every image sharing a layer shares its digest
  const known = new Map<string, { blob?: string; size?: number }>();
  for (const spec of specs) {
    for (const [recipe, , size, blob] of spec.layers) {
      const k = known.get(recipe) ?? {};
      known.set(recipe, { blob: k.blob ?? blob, size: k.size ?? size });
    }
  }
  return specs.map((spec) => build(spec, known));
}

function layerOf(
  [recipe, download, size, blob]: LayerSpec,
  known: Map<string, { blob?: string; size?: number }>,
): CatalogueLayer {
  if (recipe === 'empty') return { recipe, ...EMPTY_LAYER, download: 32, size: 0 };
  const hex = blob ?? known.get(recipe)?.blob ?? sha256(`blob ${recipe}`);
  return {
    recipe,
    blob: `sha256:${hex}`,
    diffId: digestOf(`diff sha256:${hex}`),
    download,
    size: size ?? known.get(recipe)?.size ?? Math.round(download * ratio(recipe)),
  };
}

function build(spec: ImageSpec, known: Map<string, { blob?: string; size?: number }>): CatalogueImage {
  const layers = spec.layers.map((l) => layerOf(l, known));
  const history = spec.history.map((h) =>
    h.created_by.includes('@file:')
      ? { ...h, created_by: h.created_by.replace(/@file:(\S+)/g, (_, key: string) => `file:${sha256(key)}`) }
      : h,
  );
  const withLayer = history.filter((h) => !h.empty_layer).length;
  if (withLayer !== layers.length) {
    throw new Error(
      `${spec.repo}:${spec.tags[0]}: ${withLayer} history rows make layers but ${layers.length} layers are listed`,
    );
  }
  const diffIds = layers.map((l) => l.diffId);
  const id = spec.id
    ? `sha256:${spec.id}`
    : digestOf(JSON.stringify({ config: spec.config, history, diffIds }));
  const digest = spec.digest
    ? `sha256:${spec.digest}`
    : digestOf(`manifest ${spec.repo}:${spec.tags[0]} ${id}`);
  return {
    repository: spec.repo,
    tags: spec.tags,
    id,
    digest,
    created: history.at(-1)!.created,
    os: 'linux',
    architecture: 'amd64',
    dockerVersion: spec.dockerVersion ?? '',
    config: spec.config,
    history,
    layers,
    size: layers.reduce((sum, l) => sum + l.size, 0),
  };
}

let images: CatalogueImage[] | undefined;
let byRepository: Map<string, CatalogueImage[]> | undefined;

/** Every catalogue image (built on first use). */
export function allImages(): readonly CatalogueImage[] {
  images ??= buildAll(SPECS);
  return images;
}

/** The images of one repository (`library/nginx`), or undefined when the Hub has no such repository. */
export function repositoryImages(repository: string): readonly CatalogueImage[] | undefined {
  if (!byRepository) {
    byRepository = new Map();
    for (const image of allImages()) {
      const list = byRepository.get(image.repository) ?? [];
      list.push(image);
      byRepository.set(image.repository, list);
    }
  }
  return byRepository.get(repository);
}
