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

export function contextFs(archive: TarArchive, now: number): FileSystem {
  const fs = new MemFs({ now: () => now });
  applyLayer(
    fs,
    archive.entries.map((e) => ({ ...e, path: '/' + e.path.replace(/^\/+/, '') })),
  );
  return fs;
}

/** The bytes the client transfers for the context (`transferring context: 8.16kB`). */
export function transferSize(archive: TarArchive): number {
  let n = 0;
  for (const e of archive.entries) {
    // fsutil sends a stat record per entry (~ 2 bytes of framing at the least) and each file's bytes
    n += e.kind === 'file' ? (e.size ?? utf8Length(e.data ?? '')) : 0;
  }
  return n;
}
