/**
 * The layer store's view of images: every image stands on a chain of layers, named
 * by chain IDs (ChainID(L0) = DiffID(L0), ChainID(Ln) = sha256(ChainID(Ln-1) + " " +
 * DiffID(Ln))), and a layer lives while an image or a container's writable layer
 * stands on it. Deleting an image reports the layers that went with it (`Deleted:
 * sha256:<chain id>`, top first), which is what `docker rmi` prints and what
 * `image prune` counts as reclaimed space.
 */
import { digestOf, sha256 } from '../../images/sha256.ts';
import type { Daemon } from '../daemon.ts';
import type { ImageRecord, LayerRecord } from './record.ts';

const chains = new WeakMap<ImageRecord, string[]>();

/** The chain ID of each layer of an image, bottom first. */
export function chainIds(image: ImageRecord): string[] {
  let ids = chains.get(image);
  if (!ids) {
    ids = [];
    for (const layer of image.layers) {
      const below = ids.at(-1);
      ids.push(below === undefined ? layer.diffId : digestOf(`${below} ${layer.diffId}`));
    }
    chains.set(image, ids);
  }
  return ids;
}

/** Chain IDs of diff IDs (an image about to be pulled). */
export function chainOf(diffIds: readonly string[]): string[] {
  const out: string[] = [];
  for (const d of diffIds) out.push(out.length === 0 ? d : digestOf(`${out.at(-1)!} ${d}`));
  return out;
}

/**
 * Every chain ID some image or container stands on. Images deleted while a
 * container used them are kept in the store's `deleted()` list until no container
 * does, so their layers stay here too.
 */
export function layersInUse(d: Daemon, except?: ImageRecord): Set<string> {
  const used = new Set<string>();
  const containerImages = new Set([...d.containers.values()].map((c) => c.imageId));
  d.images.forget((id) => containerImages.has(id));
  for (const image of d.images.all()) {
    if (image === except) continue;
    for (const id of chainIds(image)) used.add(id);
  }
  for (const id of containerImages) {
    const image = d.images.record(id);
    if (image) for (const chain of chainIds(image)) used.add(chain);
  }
  return used;
}

/** The layers an image's deletion frees, top first (layerStore.Release), with their sizes. */
export function releasedLayers(d: Daemon, image: ImageRecord): { chainId: string; size: number }[] {
  const used = layersInUse(d, image);
  const ids = chainIds(image);
  const out: { chainId: string; size: number }[] = [];
  for (let i = ids.length - 1; i >= 0; i--) {
    if (used.has(ids[i]!)) break;
    out.push({ chainId: ids[i]!, size: image.layers[i]!.size });
  }
  return out;
}

/** The overlay2 cache ID of a layer: random in dockerd, derived from the chain here. */
export function cacheId(chainId: string): string {
  return sha256(`overlay2 ${chainId}`);
}

/** GraphDriver.Data of an image: the top layer's dirs and the ones below it, top first. */
export function graphDriverData(image: ImageRecord): Record<string, string> | null {
  const ids = chainIds(image);
  if (ids.length === 0) return null;
  const dir = (chain: string) => `/var/lib/docker/overlay2/${cacheId(chain)}`;
  const top = dir(ids.at(-1)!);
  const data: Record<string, string> = {};
  if (ids.length > 1) {
    data['LowerDir'] = ids
      .slice(0, -1)
      .reverse()
      .map((c) => `${dir(c)}/diff`)
      .join(':');
  }
  data['MergedDir'] = `${top}/merged`;
  data['UpperDir'] = `${top}/diff`;
  data['WorkDir'] = `${top}/work`;
  return data;
}

/** Total size of a list of layers (an image's Size). */
export function sizeOf(layers: readonly LayerRecord[]): number {
  return layers.reduce((n, l) => n + l.size, 0);
}
