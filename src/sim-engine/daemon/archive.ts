/**
 * `docker cp` through the archive endpoints (moby daemon/archive.go): a path's stat,
 * a tar of it, and extracting a tar into the container. In process, a "tar" is the
 * list of its entries (the same shape as a layer's), rooted at the copied name.
 */
import type { PathStat } from '../api/types/container.ts';
import { invalidParameter, notFound } from '../errdefs.ts';
import { basename, dirname, normalize } from '../fs/path.ts';
import type { FileSystem } from '../fs/types.ts';
import type { LayerEntry } from '../images/types.ts';
import type { Container } from './container.ts';
import { rfc3339Nano } from './instant.ts';

/** A tarball as the archive endpoints carry it in process. */
export interface TarArchive {
  entries: LayerEntry[];
}

function fileMode(kind: string, mode: number): number {
  // Go's os.FileMode bits: ModeDir = 1<<31, ModeSymlink = 1<<27
  if (kind === 'dir') return (2 ** 31 + mode) >>> 0;
  if (kind === 'symlink') return 2 ** 27 + mode;
  return mode;
}

export function statPath(c: Container, path: string): PathStat {
  const p = normalize(path.startsWith('/') ? path : '/' + path);
  const st = c.fs.lstat(p);
  if (!st) throw notFound(`Could not find the file ${path} in container ${c.name.slice(1)}`);
  return {
    name: basename(p),
    size: st.size,
    mode: fileMode(st.kind, st.mode),
    mtime: rfc3339Nano({ ms: st.mtime, nano: 0 }),
    linkTarget: st.kind === 'symlink' ? (st.target ?? '') : '',
  };
}

/** Read `path` (a file or a whole tree) into a tar whose top entry is its base name. */
export function archiveFrom(fs: FileSystem, path: string, label: string): TarArchive {
  const p = normalize(path);
  const st = fs.lstat(p);
  if (!st) throw notFound(`Could not find the file ${path} in container ${label}`);
  const entries: LayerEntry[] = [];
  const walk = (abs: string, rel: string) => {
    const s = fs.lstat(abs)!;
    if (s.kind === 'dir') {
      entries.push({ path: rel, kind: 'dir', mode: s.mode, uid: s.uid, gid: s.gid, mtime: s.mtime });
      for (const name of fs.readdir(abs)) walk(`${abs === '/' ? '' : abs}/${name}`, `${rel}/${name}`);
    } else if (s.kind === 'symlink') {
      entries.push({ path: rel, kind: 'symlink', target: fs.readlink(abs), mode: s.mode, mtime: s.mtime });
    } else {
      entries.push({
        path: rel,
        kind: 'file',
        data: fs.readFile(abs),
        mode: s.mode,
        uid: s.uid,
        gid: s.gid,
        mtime: s.mtime,
        program: s.program,
        size: s.program ? s.size : undefined,
      });
    }
  };
  walk(p, p === '/' ? '' : basename(p));
  return { entries };
}

/** Extract a tar into directory `dest` of `fs` (PUT /containers/{id}/archive). */
export function extractTo(fs: FileSystem, dest: string, archive: TarArchive, label: string): void {
  const d = normalize(dest);
  const st = fs.stat(d);
  if (!st) throw notFound(`Could not find the file ${dest} in container ${label}`);
  if (st.kind !== 'dir') throw invalidParameter(`extraction point is not a directory`);
  for (const e of archive.entries) {
    const target = normalize(`${d}/${e.path}`);
    if (!fs.stat(dirname(target))) fs.mkdir(dirname(target), { parents: true });
    if (e.kind === 'dir') {
      if (!fs.stat(target)) fs.mkdir(target, { mode: e.mode ?? 0o755 });
    } else if (e.kind === 'symlink') {
      if (fs.lstat(target)) fs.rm(target, { recursive: true, force: true });
      fs.symlink(e.target ?? '', target);
    } else if (e.kind === 'file') {
      if (fs.lstat(target)?.kind === 'dir')
        throw invalidParameter(`cannot overwrite directory "${target}" with non-directory "${e.path}"`);
      fs.writeFile(target, e.data ?? '', { mode: e.mode ?? 0o644, program: e.program, size: e.size });
    }
  }
}
