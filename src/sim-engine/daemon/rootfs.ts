/**
 * A container's root file system: its image's layers, shared read-only by every
 * container of that image, plus a writable layer of its own; mounts are added when it
 * starts.
 */
import { MemFs, type Tree } from '../fs/mem-fs.ts';
import type { FileSystem } from '../fs/types.ts';
import type { LayerEntry } from '../images/types.ts';
import type { Daemon } from './daemon.ts';
import type { ImageRecord } from './images/record.ts';

const trees = new WeakMap<ImageRecord, Tree>();

function applyEntries(fs: MemFs, entries: readonly LayerEntry[]): void {
  for (const e of entries) {
    const parent = e.path.slice(0, e.path.lastIndexOf('/')) || '/';
    if (!fs.stat(parent)) fs.mkdir(parent, { parents: true });
    switch (e.kind) {
      case 'dir':
        if (!fs.lstat(e.path)) fs.mkdir(e.path, { mode: e.mode ?? 0o755, uid: e.uid, gid: e.gid });
        else if (e.mode !== undefined) fs.chmod(e.path, e.mode);
        break;
      case 'file':
        if (fs.lstat(e.path)?.kind === 'dir') fs.rm(e.path, { recursive: true });
        fs.writeFile(e.path, e.data ?? '', {
          mode: e.mode ?? 0o644,
          uid: e.uid,
          gid: e.gid,
          program: e.program,
          size: e.size,
        });
        break;
      case 'symlink':
        if (fs.lstat(e.path)) fs.rm(e.path, { recursive: true, force: true });
        fs.symlink(e.target ?? '', e.path);
        break;
      case 'whiteout':
        fs.rm(e.path, { recursive: true, force: true });
        break;
      case 'opaque':
        fs.rm(e.path, { recursive: true, force: true });
        fs.mkdir(e.path, { mode: e.mode ?? 0o755 });
        break;
    }
  }
}

/** The merged, frozen tree of an image's layers, built once. */
export function imageTree(image: ImageRecord): Tree {
  let tree = trees.get(image);
  if (!tree) {
    const fs = new MemFs();
    for (const layer of image.layers) applyEntries(fs, layer.entries());
    tree = fs.freeze();
    trees.set(image, tree);
  }
  return tree;
}

export function assembleContainerFs(d: Daemon, image: ImageRecord): { fs: FileSystem; rootfs: FileSystem } {
  const rootfs = new MemFs({ tree: imageTree(image), now: () => d.clock.now() });
  return { fs: rootfs, rootfs };
}
