/**
 * File systems as plain JSON and back, for saving a lab (IndexedDB) and restoring it
 * on reload. The format reuses layer entries:
 *
 * - a MemFs (or any other FileSystem) is all of its entries, root first;
 * - an OverlayFs is the ids of its image layers and its writable layer (`changes()`),
 *   so a saved container costs what it changed, and the image's tree comes back from
 *   the LayerCache on restore;
 * - a MountFs is its root and its mounts; a mounted file system saved elsewhere (a
 *   volume shared by several containers, the lab host's folder) is written as a
 *   reference, so that restoring does not split one volume into copies.
 */
import { applyLayer } from './apply-layer.ts';
import type { LayerEntry } from './layer.ts';
import { CURRENT_ROOT, MemFs } from './mem-fs.ts';
import { MountFs } from './mounts.ts';
import { OverlayFs } from './overlay-fs.ts';
import type { LowerTree } from './overlay-fs.ts';
import { entriesOfFs, entriesOfTree } from './tree-entries.ts';
import type { FileSystem } from './types.ts';

export interface MountSnapshot {
  target: string;
  source: string;
  readOnly: boolean;
  fs: FsSnapshot;
}

export type FsSnapshot =
  | { type: 'mem'; dirSize: 'disk' | 'tmpfs'; entries: LayerEntry[] }
  | { type: 'overlay'; layerIds: string[]; initCreated?: number; changes: LayerEntry[] }
  | { type: 'mount'; readOnly: boolean; root: FsSnapshot; mounts: MountSnapshot[] }
  | { type: 'ref'; ref: string };

export interface SnapshotOptions {
  /** a name for a file system saved on its own (a volume, the host); undefined to embed it */
  ref?: (fs: FileSystem) => string | undefined;
}

export interface RestoreOptions {
  /** the clock for the restored file systems' new mtimes */
  now?: () => number;
  /**
   * The lower tree an overlay had: the merged tree of these image layers
   * (LayerCache.tree), with `containerLower(tree, initCreated)` on top when given.
   */
  lower?: (layerIds: readonly string[], initCreated: number | undefined) => LowerTree;
  /** the file system a reference names */
  deref?: (ref: string) => FileSystem;
}

export function snapshotFs(fs: FileSystem, options: SnapshotOptions = {}, nested = false): FsSnapshot {
  const ref = nested ? options.ref?.(fs) : undefined;
  if (ref !== undefined) return { type: 'ref', ref };
  if (fs instanceof OverlayFs) {
    const { layerIds, initCreated } = fs.lower;
    return {
      type: 'overlay',
      layerIds: [...layerIds],
      ...(initCreated !== undefined ? { initCreated } : {}),
      changes: fs.changes(),
    };
  }
  if (fs instanceof MemFs)
    return { type: 'mem', dirSize: fs.dirSizeKind, entries: entriesOfTree(fs[CURRENT_ROOT]()) };
  if (fs instanceof MountFs) {
    const [root, ...mounts] = fs.mounts();
    return {
      type: 'mount',
      readOnly: root!.readOnly,
      root: snapshotFs(fs.root, options, true),
      mounts: mounts.map((m) => ({
        target: m.target,
        source: m.source,
        readOnly: m.readOnly,
        fs: snapshotFs(m.fs, options, true),
      })),
    };
  }
  return { type: 'mem', dirSize: 'disk', entries: entriesOfFs(fs) };
}

export function restoreFs(snapshot: FsSnapshot, options: RestoreOptions = {}): FileSystem {
  const now = options.now ? { now: options.now } : {};
  switch (snapshot.type) {
    case 'ref': {
      if (!options.deref) throw new Error(`restoreFs: no deref for file system '${snapshot.ref}'`);
      return options.deref(snapshot.ref);
    }
    case 'mem': {
      const fs = new MemFs({ ...now, dirSize: snapshot.dirSize });
      applyLayer(fs, snapshot.entries);
      return fs;
    }
    case 'overlay': {
      if (!options.lower) throw new Error('restoreFs: an overlay needs the lower trees');
      const fs = new OverlayFs(options.lower(snapshot.layerIds, snapshot.initCreated), now);
      applyLayer(fs, snapshot.changes);
      return fs;
    }
    case 'mount': {
      const fs = new MountFs(restoreFs(snapshot.root, options), { readOnly: snapshot.readOnly });
      for (const m of snapshot.mounts) {
        fs.mount(m.target, restoreFs(m.fs, options), { readOnly: m.readOnly, root: m.source });
      }
      return fs;
    }
  }
}
