/**
 * A container's root file system: its image's layers — merged once per chain of
 * layers and shared read-only by every container and every lab — under Docker's init
 * layer (/.dockerenv, the /etc/hosts placeholders) and a writable layer of its own.
 * Mounts go on top when it starts (mount-setup.ts).
 */
import { LayerCache, OverlayFs, containerLower } from '../fs/overlay-fs.ts';
import type { Daemon } from './daemon.ts';
import type { ImageRecord } from './images/record.ts';

/** Layer ids are content digests, so one cache serves every daemon. */
const cache = new LayerCache();

export function assembleContainerFs(d: Daemon, image: ImageRecord): { fs: OverlayFs; rootfs: OverlayFs } {
  const rootfs = new OverlayFs(containerLower(imageTree(image), d.clock.now()), { now: () => d.clock.now() });
  return { fs: rootfs, rootfs };
}

/** The merged, read-only tree of an image's layers (shared; never changes). */
export function imageTree(image: ImageRecord): ReturnType<LayerCache['tree']> {
  return cache.tree(image.layers.map((l) => ({ id: l.diffId, entries: () => [...l.entries()] })));
}
