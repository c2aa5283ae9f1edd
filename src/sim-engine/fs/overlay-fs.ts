/**
 * A container's root file system: an image's layers, read-only and shared, under a
 * writable layer of the container's own, as overlay2 mounts them.
 *
 * The image's layers are merged once into an immutable tree (LayerCache, keyed by the
 * chain of layer ids, so images that share base layers share those trees too). An
 * OverlayFs starts from that tree without copying anything: creating one costs a
 * handful of allocations. Writing copies up only what it touches — the file, and the
 * directories on its path (not their contents) — which is overlayfs's copy-up; a
 * deletion simply drops the name from the copied-up directory, and `changes()`
 * reports it as the whiteout overlayfs would have written; a directory removed and made
 * again is a new directory, reported opaque.
 *
 * Directories that exist in more than one layer (the container's included) report a
 * link count of 1, as overlayfs's merged directories do.
 */
import { applyLayer } from './apply-layer.ts';
import { treeChanges, treeDiff } from './changes.ts';
import { dockerInitLayer } from './init-layer.ts';
import type { DiffEntry, Layer, LayerEntry } from './layer.ts';
import { CURRENT_ROOT, MemFs } from './mem-fs.ts';
import type { Tree } from './mem-fs.ts';
import { deepCopy } from './node.ts';
import type { Node } from './node.ts';

/** The merged, immutable tree of a chain of layers. */
export interface LowerTree extends Tree {
  /** the layer ids, bottom first */
  readonly layerIds: readonly string[];
  /** set when the tree has a container's init layer on top: the container's creation time */
  readonly initCreated?: number;
}

/** A layer as the cache is given it: its id and its entries (made on first use). */
export interface LayerSource {
  id: string;
  entries: Layer | (() => Layer);
}

/** A MemFs whose copies of lower directories count as merged (for link counts). */
class LayeredMemFs extends MemFs {
  constructor(tree: Tree, now: () => number) {
    super({ tree, now });
    this.layered = true;
  }
}

/**
 * Merged trees of layer chains, built once. Ids are content digests (diff IDs), so a
 * tree can be shared by every image, container and lab that uses the same chain.
 */
export class LayerCache {
  #trees = new Map<string, LowerTree>();
  readonly #mtime: number;

  /** @param mtime the time of entries that give none (the catalogue's build date) */
  constructor(options: { mtime?: number } = {}) {
    this.#mtime = options.mtime ?? 0;
  }

  /** The merged tree of `layers` (bottom first); the empty chain is an empty root. */
  tree(layers: readonly LayerSource[]): LowerTree {
    let key = '';
    let tree: LowerTree | undefined = this.#trees.get(key);
    if (!tree) {
      const empty = new MemFs({ now: () => this.#mtime });
      tree = { root: empty.freeze().root, layerIds: [] };
      this.#trees.set(key, tree);
    }
    for (const layer of layers) {
      key = key === '' ? layer.id : `${key}\n${layer.id}`;
      let next = this.#trees.get(key);
      if (!next) {
        const fs: MemFs = new LayeredMemFs(tree, () => this.#mtime);
        applyLayer(fs, typeof layer.entries === 'function' ? layer.entries() : layer.entries);
        next = { root: fs.freeze().root, layerIds: [...tree.layerIds, layer.id] };
        this.#trees.set(key, next);
      }
      tree = next;
    }
    return tree;
  }

  /** Forget every tree (trees in use stay valid: they are immutable). */
  clear(): void {
    this.#trees.clear();
  }

  get size(): number {
    return this.#trees.size;
  }
}

/**
 * A container's lower tree: its image's tree with the init layer of a container made
 * at `created` on top (see init-layer.ts). It copies only the few directories the init
 * layer touches. It depends on nothing but the image's tree and the time, and is
 * immutable like the image's own tree, so containers of an image created in the same
 * millisecond (a script's, where virtual time stands still) share one, as they share
 * the image's layers.
 */
export function containerLower(image: LowerTree, created: number): LowerTree {
  let byTime = lowers.get(image);
  const cached = byTime?.get(created);
  if (cached) return cached;
  const fs: MemFs = new LayeredMemFs(image, () => created);
  applyLayer(fs, dockerInitLayer(created));
  const tree: LowerTree = { root: fs.freeze().root, layerIds: image.layerIds, initCreated: created };
  if (!byTime) lowers.set(image, (byTime = new Map()));
  if (byTime.size >= 4) byTime.delete(byTime.keys().next().value!);
  byTime.set(created, tree);
  return tree;
}

/** The last few lower trees made from each image's tree, by creation time. */
const lowers = new WeakMap<LowerTree, Map<number, LowerTree>>();

export class OverlayFs extends MemFs {
  readonly lower: LowerTree;

  constructor(lower: LowerTree, options: { now?: () => number } = {}) {
    super({ tree: lower, ...(options.now ? { now: options.now } : {}) });
    this.layered = true;
    this.lower = lower;
    // The root of an overlay mount is always merged (upper and lower).
    this.adoptRoot();
  }

  /**
   * Renaming a directory that has lower layers is EXDEV on overlay2 (Docker mounts it
   * without redirect_dir), and `mv` then copies the tree and deletes the old one; the
   * rename does the same here, so the result (fresh directories, link counts, diffs) is
   * what a container shows.
   */
  protected override moved(node: Node, owned: boolean): Node {
    if (node.kind !== 'dir' || (owned && !node.merged)) return node;
    return deepCopy(node, this.owner);
  }

  /** The writable layer as a layer: `docker commit`, each RUN step of a build. */
  changes(): LayerEntry[] {
    return treeChanges(this.lower.root, this[CURRENT_ROOT]());
  }

  /** What `docker diff` lists. */
  diff(): DiffEntry[] {
    return treeDiff(this.lower.root, this[CURRENT_ROOT]());
  }
}
