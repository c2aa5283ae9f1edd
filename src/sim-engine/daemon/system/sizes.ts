/**
 * Sizes `docker system df` reports, measured the way dockerd measures them
 * (internal/directory.Size on overlay2's upper dir and on a volume's _data): the bytes
 * of everything that is not a directory — files and symlinks; whiteouts are empty
 * character devices and count nothing.
 */
import type { LayerEntry } from '../../fs/layer.ts';
import type { FileSystem } from '../../fs/types.ts';
import { byteLength } from '../../golang/utf8.ts';
import type { Container } from '../container.ts';
import type { Daemon } from '../daemon.ts';
import { containerLayer } from '../images/container-layer.ts';
import { chainIds } from '../images/layers.ts';

/** The DiffSize of a layer given as entries. */
export function entriesSize(entries: readonly LayerEntry[]): number {
  let n = 0;
  for (const e of entries) {
    if (e.kind === 'file') n += e.size ?? byteLength(e.data ?? '');
    else if (e.kind === 'symlink') n += byteLength(e.target ?? '');
  }
  return n;
}

/**
 * directory.Size of a tree (a volume's files). Differs from Docker: hard links are
 * counted once per name, because the simulated file system has no inode numbers.
 */
export function treeSize(fs: FileSystem, dir = '/'): number {
  let n = 0;
  for (const name of fs.readdir(dir)) {
    const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
    const st = fs.lstat(path);
    if (!st) continue;
    if (st.kind === 'dir') n += treeSize(fs, path);
    else n += st.size;
  }
  return n;
}

/** rwlayer.Size(): the container's writable layer; 0 when it cannot be read. */
export function containerSizeRw(d: Daemon, c: Container): number {
  try {
    return entriesSize(containerLayer(c));
  } catch {
    return 0;
  }
}

/** The image layers under a container (SizeRootFs = these + SizeRw). */
export function imageChainSize(d: Daemon, imageId: string): number {
  const image = d.images.record(imageId);
  if (!image) return 0;
  return image.layers.reduce((n, l) => n + l.size, 0);
}

/**
 * ImageDiskUsage: the layers of every image that is not an untagged intermediate
 * one (no references, but children), each shared layer once.
 */
export function layersSize(d: Daemon): number {
  const sizes = new Map<string, number>();
  for (const image of d.images.all()) {
    if (d.images.references(image.id).length === 0 && d.images.children(image.id).length > 0) continue;
    chainIds(image).forEach((chain, i) => sizes.set(chain, image.layers[i]!.size));
  }
  let total = 0;
  for (const size of sizes.values()) total += size;
  return total;
}
