/**
 * The build context as the builder sees it: the files the client sent (already
 * filtered by .dockerignore on the client's side, as buildx's file sync does), as a
 * read-only file system rooted at `/`, and the checksums COPY and ADD are cached by.
 */
import type { TarArchive } from '../daemon/archive.ts';
import { applyLayer } from '../fs/layer.ts';
import { MemFs } from '../fs/mem-fs.ts';
import type { FileSystem } from '../fs/types.ts';
import { utf8Length } from '../fs/node.ts';
import { pathMatch } from '../daemon/images/path-match.ts';
import { cleanSource } from './copy.ts';

export function contextFs(archive: TarArchive, now: number): FileSystem {
  const fs = new MemFs({ now: () => now });
  applyLayer(
    fs,
    archive.entries.map((e) => ({ ...e, path: '/' + e.path.replace(/^\/+/, '') })),
  );
  return fs;
}

/**
 * The bytes the client transfers for the context (`transferring context: 8.16kB`):
 * only the paths the Dockerfile's COPY and ADD name (BuildKit's FollowPaths), a
 * directory with all it holds.
 */
export function transferSize(archive: TarArchive, sources: readonly string[]): number {
  const patterns = sources.map((src) => cleanSource(src).split('/').filter(Boolean));
  const wanted = (path: string): boolean => {
    const parts = path.split('/').filter(Boolean);
    return patterns.some((pat) => {
      if (pat.length > parts.length) return false;
      return pat.every((seg, i) => {
        try {
          return pathMatch(seg, parts[i]!);
        } catch {
          return seg === parts[i];
        }
      });
    });
  };
  let n = 0;
  for (const e of archive.entries) {
    if (e.kind === 'file' && wanted(e.path)) n += e.size ?? utf8Length(e.data ?? '');
  }
  return n;
}
