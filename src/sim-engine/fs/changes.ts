/**
 * What changed between a lower tree and the tree above it, two ways:
 *
 * - `treeChanges`: the upper layer itself, as overlayfs keeps it and `docker commit`
 *   and each build step tar it up: every copied-up directory (with its metadata),
 *   every new or changed file, a whiteout per deleted name, and an opaque directory
 *   where one was removed and made again. Subtrees shared with the lower tree are
 *   skipped without a look, so this costs what changed, not the image's size.
 * - `treeDiff`: the `docker diff` list, by moby's tree comparison
 *   (pkg/archive/changes.go, `addChanges`), which is what a daemon on overlay2 answers:
 *   A for each added path (all the way down), C for a path whose type, mode, owner or —
 *   for non-directories — mtime or size differs, D for a deleted path (not its
 *   contents), and C for every directory with any change below it (except `/`).
 *   Within a directory moby's order is Go's random map order; here it is by name,
 *   additions and changes first, deletions after, which is one of the orders it gives.
 */
import { applyLayer } from './apply-layer.ts';
import type { DiffEntry, Layer, LayerEntry } from './layer.ts';
import { CURRENT_ROOT, MemFs } from './mem-fs.ts';
import type { DirNode, Node } from './node.ts';
import { childPath, entriesOfFs, entryOf, pushSubtree } from './tree-entries.ts';
import type { FileSystem } from './types.ts';

function sortedNames(map: ReadonlyMap<string, Node>): string[] {
  return [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function sizeOf(node: Node): number {
  if (node.kind === 'file') return node.size ?? node.bytes;
  if (node.kind === 'symlink') return node.target.length;
  return 0;
}

/** moby's statDifferent: directories' times and sizes are not a measure of change. */
function statDifferent(a: Node, b: Node): boolean {
  if (a.kind !== b.kind || a.mode !== b.mode || a.uid !== b.uid || a.gid !== b.gid) return true;
  return a.kind !== 'dir' && (a.mtime !== b.mtime || sizeOf(a) !== sizeOf(b));
}

function pushAdded(out: DiffEntry[], path: string, node: Node): void {
  out.push({ kind: 'A', path });
  if (node.kind !== 'dir') return;
  for (const name of sortedNames(node.children))
    pushAdded(out, childPath(path, name), node.children.get(name)!);
}

function diffDir(
  out: DiffEntry[],
  path: string,
  current: Node,
  base: Node | undefined,
  recorded: boolean,
): void {
  if (current === base || current.kind !== 'dir') return;
  const start = out.length;
  const baseChildren = base?.kind === 'dir' ? base.children : undefined;
  for (const name of sortedNames(current.children)) {
    const node = current.children.get(name)!;
    const old = baseChildren?.get(name);
    const at = childPath(path, name);
    if (old === undefined) {
      pushAdded(out, at, node);
      continue;
    }
    const changed = node !== old && statDifferent(old, node);
    if (changed) out.push({ kind: 'C', path: at });
    diffDir(out, at, node, old, changed);
  }
  if (baseChildren) {
    for (const name of sortedNames(baseChildren)) {
      if (!current.children.has(name)) out.push({ kind: 'D', path: childPath(path, name) });
    }
  }
  // a directory with changes inside is listed before them, even if it did not change
  if (out.length > start && !recorded && path !== '/') out.splice(start, 0, { kind: 'C', path });
}

/** `docker diff` of `current` against `base`. */
export function treeDiff(base: DirNode, current: DirNode): DiffEntry[] {
  const out: DiffEntry[] = [];
  diffDir(out, '/', current, base, false);
  return out;
}

function changesOf(out: LayerEntry[], path: string, current: DirNode, base: DirNode): void {
  for (const name of sortedNames(current.children)) {
    const node = current.children.get(name)!;
    const old = base.children.get(name);
    if (node === old) continue;
    const at = childPath(path, name);
    if (node.kind !== 'dir') {
      out.push(entryOf(at, node));
    } else if (old?.kind === 'dir' && old.ino === node.ino) {
      // copied up: the directory's entry, then what changed inside
      out.push(entryOf(at, node));
      changesOf(out, at, node, old);
    } else {
      // new, or made again after being removed (then its lower contents are hidden)
      out.push(entryOf(at, node, old?.kind === 'dir' ? 'opaque' : undefined));
      pushSubtree(out, at, node);
    }
  }
  for (const name of sortedNames(base.children)) {
    if (!current.children.has(name)) out.push({ path: childPath(path, name), kind: 'whiteout' });
  }
}

/** The upper layer: what `current` has that `base` does not, as a layer. */
export function treeChanges(base: DirNode, current: DirNode): LayerEntry[] {
  const out: LayerEntry[] = [];
  if (current === base) return out;
  if (statDifferent(base, current) || base.mtime !== current.mtime) out.push(entryOf('/', current));
  changesOf(out, '/', current, base);
  return out;
}

/**
 * `docker diff` of a container whose writable layer is `changes` over `lower`: the
 * layer is applied to a copy-on-write view of `lower`, and the two trees compared.
 */
export function diffLayer(lower: FileSystem, changes: Layer): DiffEntry[] {
  let base: DirNode;
  if (lower instanceof MemFs) base = lower[CURRENT_ROOT]();
  else {
    const copy = new MemFs();
    applyLayer(copy, entriesOfFs(lower));
    base = copy.freeze().root;
  }
  const upper = new MemFs({ tree: { root: base } });
  applyLayer(upper, changes);
  return treeDiff(base, upper[CURRENT_ROOT]());
}
