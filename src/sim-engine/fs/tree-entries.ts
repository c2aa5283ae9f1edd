/**
 * A whole tree written out as layer entries, parents first and names sorted: for
 * snapshots, for comparing trees in tests, and for bringing a file system of another
 * kind into a MemFs.
 */
import type { LayerEntry } from './layer.ts';
import type { DirNode, Node } from './node.ts';
import type { FileSystem } from './types.ts';

function sortedNames(dir: DirNode): string[] {
  return [...dir.children.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function childPath(parent: string, name: string): string {
  return parent === '/' ? `/${name}` : `${parent}/${name}`;
}

/** The entry for one node at `path`, with all its metadata. */
export function entryOf(path: string, node: Node, kind?: 'opaque'): LayerEntry {
  const meta = { mode: node.mode, uid: node.uid, gid: node.gid, mtime: node.mtime };
  if (node.kind === 'dir') return { path, kind: kind ?? 'dir', ...meta };
  if (node.kind === 'symlink') return { path, kind: 'symlink', target: node.target, ...meta };
  const entry: LayerEntry = { path, kind: 'file', data: node.data, ...meta };
  if (node.program !== undefined) entry.program = node.program;
  if (node.size !== undefined) entry.size = node.size;
  return entry;
}

/** Every node under `dir` (not `dir` itself), pre-order. */
export function pushSubtree(out: LayerEntry[], path: string, dir: DirNode): void {
  for (const name of sortedNames(dir)) {
    const node = dir.children.get(name)!;
    const at = childPath(path, name);
    out.push(entryOf(at, node));
    if (node.kind === 'dir') pushSubtree(out, at, node);
  }
}

/** A tree as entries, its root first (path `/`). */
export function entriesOfTree(root: DirNode): LayerEntry[] {
  const out = [entryOf('/', root)];
  pushSubtree(out, '/', root);
  return out;
}

/** Any FileSystem as entries, through its public calls, root first. */
export function entriesOfFs(fs: FileSystem, path = '/'): LayerEntry[] {
  const out: LayerEntry[] = [];
  const visit = (at: string) => {
    const st = fs.lstat(at);
    if (!st) return;
    const meta = { mode: st.mode, uid: st.uid, gid: st.gid, mtime: st.mtime };
    if (st.kind === 'dir') {
      out.push({ path: at, kind: 'dir', ...meta });
      for (const name of fs.readdir(at)) visit(childPath(at, name));
    } else if (st.kind === 'symlink') {
      out.push({ path: at, kind: 'symlink', target: fs.readlink(at), ...meta });
    } else {
      const entry: LayerEntry = { path: at, kind: 'file', data: fs.readFile(at), ...meta };
      if (st.program !== undefined) {
        entry.program = st.program;
        entry.size = st.size;
      }
      out.push(entry);
    }
  };
  visit(path);
  return out;
}
