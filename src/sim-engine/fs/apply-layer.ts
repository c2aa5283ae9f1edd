/**
 * Applying a layer (see layer.ts for the format) to any FileSystem: what extracting a
 * layer tarball onto the layers below does.
 */
import type { Layer, LayerEntry } from './layer.ts';
import { dirname } from './path.ts';
import { FsError } from './types.ts';
import type { FileSystem } from './types.ts';

/** MemFs's extras for what the FileSystem contract cannot do to a symlink itself. */
export interface LinkAware {
  lchown?(path: string, uid: number, gid: number): void;
  lutimes?(path: string, mtime: number): void;
}

function depth(path: string): number {
  let n = 0;
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) === 47) n++;
  return path === '/' ? 0 : n;
}

/** Parents before children, then by path, so a layer applies the same in any order. */
function byPath(a: LayerEntry, b: LayerEntry): number {
  return depth(a.path) - depth(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

function ensureParent(fs: FileSystem, path: string): void {
  const parent = dirname(path);
  if (!fs.stat(parent)) fs.mkdir(parent, { parents: true });
}

/** Apply a layer to a file system, as extracting its tarball onto the layers below. */
export function applyLayer(fs: FileSystem & LinkAware, layer: Layer): void {
  const hiding = layer.filter((e) => e.kind === 'whiteout' || e.kind === 'opaque').sort(byPath);
  const content = layer.filter((e) => e.kind !== 'whiteout').sort(byPath);
  for (const entry of hiding) {
    if (entry.path === '/') continue;
    try {
      fs.rm(entry.path, { recursive: true, force: true });
    } catch (error) {
      // nothing below to hide (a parent is a file): the entry has no effect
      if (!(error instanceof FsError)) throw error;
    }
  }
  for (const entry of content) {
    const path = entry.path;
    const old = fs.lstat(path);
    if (entry.kind === 'dir' || entry.kind === 'opaque') {
      if (old && old.kind !== 'dir') fs.rm(path, { recursive: true });
      if (!old || old.kind !== 'dir') {
        ensureParent(fs, path);
        fs.mkdir(path, { mode: entry.mode ?? 0o755, uid: entry.uid ?? 0, gid: entry.gid ?? 0 });
      } else {
        if (entry.mode !== undefined) fs.chmod(path, entry.mode);
        if (entry.uid !== undefined || entry.gid !== undefined) {
          fs.chown(path, entry.uid ?? old.uid, entry.gid ?? old.gid);
        }
      }
      continue;
    }
    if (old && (old.kind !== 'file' || entry.kind === 'symlink')) fs.rm(path, { recursive: true });
    else if (!old) ensureParent(fs, path);
    if (entry.kind === 'symlink') {
      fs.symlink(entry.target ?? '', path);
      if ((entry.uid || entry.gid) && fs.lchown) fs.lchown(path, entry.uid ?? 0, entry.gid ?? 0);
      continue;
    }
    fs.writeFile(path, entry.data ?? '', {
      mode: entry.mode ?? 0o644,
      uid: entry.uid ?? 0,
      gid: entry.gid ?? 0,
      ...(entry.program !== undefined ? { program: entry.program } : {}),
      ...(entry.size !== undefined ? { size: entry.size } : {}),
    });
  }
  // Times last, deepest first: making a child would bump its directory's time.
  for (let i = content.length - 1; i >= 0; i--) {
    const entry = content[i]!;
    if (entry.mtime === undefined) continue;
    if (entry.kind === 'symlink') fs.lutimes?.(entry.path, entry.mtime);
    else fs.utimes(entry.path, entry.mtime);
  }
}
