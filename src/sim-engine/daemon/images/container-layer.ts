/**
 * A container's writable layer, for `docker diff` (GET /containers/{id}/changes) and
 * `docker commit`: what its root (an OverlayFs, see daemon/rootfs.ts) has that the
 * lower tree — the image's layers and Docker's init layer — has not.
 *
 * The node trees are persistent, so the comparison skips every directory the
 * container never touched. /etc/hosts, /etc/hostname and /etc/resolv.conf are
 * bind-mounted by dockerd from the container's own directory, so they are never part
 * of the layer, whatever the daemon (or the learner) wrote to them; the simulation
 * writes them into the root, so here they are put back to the lower tree's state
 * before comparing.
 */
import { treeChanges, treeDiff } from '../../fs/changes.ts';
import type { DiffEntry, LayerEntry } from '../../fs/layer.ts';
import { CURRENT_ROOT } from '../../fs/mem-fs.ts';
import type { DirNode, Node } from '../../fs/node.ts';
import type { Container } from '../container.ts';

const BIND_MOUNTED = ['/etc/hosts', '/etc/hostname', '/etc/resolv.conf'];

/** The lower tree and the container's current tree, the bind-mounted files left out. */
function trees(c: Container): { lower: DirNode; upper: DirNode } {
  const lower = c.rootfs.lower.root;
  let upper = c.rootfs[CURRENT_ROOT]();
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
export function containerChanges(c: Container): DiffEntry[] {
  const { lower, upper } = trees(c);
  return treeDiff(lower, upper);
}

/** The writable layer as layer entries (what a commit stores). */
export function containerLayer(c: Container): LayerEntry[] {
  const { lower, upper } = trees(c);
  return treeChanges(lower, upper);
}
