/**
 * A container's writable layer, for `docker diff` (GET /containers/{id}/changes) and
 * `docker commit`: what its root has that the image (and the init layer) below it
 * has not.
 *
 * Two ways to get it, whichever the container's root is:
 *
 * - an OverlayFs (fs/overlay-fs.ts) keeps its lower tree — the image's layers and
 *   Docker's init layer — so the upper layer is the difference with that tree;
 * - a MemFs started from the image's frozen tree (daemon/rootfs.ts today) is compared
 *   with that same tree, which is what an upper layer over it would hold.
 *
 * Either way the node trees are persistent, so the comparison skips every directory
 * the container never touched. /etc/hosts, /etc/hostname and /etc/resolv.conf are
 * bind-mounted by dockerd from the container's own directory, so they are never part
 * of the layer, whatever the daemon (or the learner) wrote to them; here they are
 * put back to the image's state before comparing.
 */
import { treeChanges, treeDiff } from '../../fs/changes.ts';
import type { DiffEntry, LayerEntry } from '../../fs/layer.ts';
import { CURRENT_ROOT, MemFs } from '../../fs/mem-fs.ts';
import type { DirNode, Node } from '../../fs/node.ts';
import { OverlayFs } from '../../fs/overlay-fs.ts';
import type { Container } from '../container.ts';
import type { Daemon } from '../daemon.ts';
import { imageTree } from '../rootfs.ts';

const BIND_MOUNTED = ['/etc/hosts', '/etc/hostname', '/etc/resolv.conf'];

/** The lower tree and the container's current tree, the bind-mounted files left out. */
function trees(d: Daemon, c: Container): { lower: DirNode; upper: DirNode } {
  const root: object = c.rootfs;
  let lower: DirNode;
  let upper: DirNode;
  if (root instanceof OverlayFs) {
    lower = root.lower.root;
    upper = root[CURRENT_ROOT]();
  } else if (root instanceof MemFs) {
    const image = d.images.record(c.imageId);
    if (!image) throw new Error(`RWLayer of container ${c.name} is unexpectedly nil`);
    lower = imageTree(image).root;
    upper = root[CURRENT_ROOT]();
  } else {
    throw new Error(`RWLayer of container ${c.name} is unexpectedly nil`);
  }
  for (const path of BIND_MOUNTED) upper = restore(lower, upper, path.split('/').filter(Boolean));
  return { lower, upper };
}

/**
 * `cur` with the node at `parts` made the lower tree's again (or removed when the
 * lower tree has none). A directory that ends up with exactly the lower one's
 * entries and owner/mode becomes the lower directory itself, so nothing is reported
 * for it — as the init layer, not the container, is what touched it.
 */
function restore(lower: Node | undefined, cur: DirNode, parts: readonly string[]): DirNode {
  const [name, ...rest] = parts;
  const lowerDir = lower?.kind === 'dir' ? lower : undefined;
  const curChild = cur.children.get(name!);
  const lowerChild = lowerDir?.children.get(name!);
  let next: Node | undefined;
  if (rest.length === 0) next = lowerChild;
  else if (curChild?.kind === 'dir') next = restore(lowerChild, curChild, rest);
  else return cur;
  if (next === curChild) return cur;
  const children = new Map(cur.children);
  if (next === undefined) children.delete(name!);
  else children.set(name!, next);
  let subdirs = 0;
  for (const n of children.values()) if (n.kind === 'dir') subdirs++;
  const copy: DirNode = { ...cur, children, subdirs };
  if (lowerDir && sameDir(lowerDir, copy)) return lowerDir;
  return copy;
}

function sameDir(a: DirNode, b: DirNode): boolean {
  if (a.mode !== b.mode || a.uid !== b.uid || a.gid !== b.gid) return false;
  if (a.children.size !== b.children.size) return false;
  for (const [k, v] of a.children) if (b.children.get(k) !== v) return false;
  return true;
}

/** `docker diff`: A, C and D entries as dockerd reports them on overlay2. */
export function containerChanges(d: Daemon, c: Container): DiffEntry[] {
  const { lower, upper } = trees(d, c);
  return treeDiff(lower, upper);
}

/** The writable layer as layer entries (what a commit stores). */
export function containerLayer(d: Daemon, c: Container): LayerEntry[] {
  const { lower, upper } = trees(d, c);
  return treeChanges(lower, upper);
}
