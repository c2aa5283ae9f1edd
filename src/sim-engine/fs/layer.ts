/**
 * The layer format shared by the image catalogue, the builder and the container's
 * writable layer: a list of entries, as a layer tarball is, with OCI semantics.
 *
 * - `file`, `dir`, `symlink`: the path as it is in this layer. A directory already
 *   below is kept and takes the entry's metadata; anything else already there is
 *   replaced (a file over a directory removes the directory and its contents).
 * - `whiteout`: the path is deleted from the layers below (the tarball's
 *   `dir/.wh.name`). It only hides what is below: an entry of the same layer at the
 *   same path is applied after it.
 * - `opaque`: a directory whose contents in the layers below are hidden (the
 *   tarball's `dir/.wh..wh..opq` plus the directory's own entry); it carries the
 *   directory's metadata and its new contents follow as ordinary entries.
 *
 * Paths are absolute. Entry order does not matter: whiteouts and opaque directories
 * go first, then the rest parents before children, and the mtimes last, so creating a
 * file in a directory does not leave the directory with the wrong time.
 */
import { basename, dirname } from './path.ts';

export interface LayerEntry {
  path: string;
  kind: 'file' | 'dir' | 'symlink' | 'whiteout' | 'opaque';
  data?: string;
  mode?: number;
  uid?: number;
  gid?: number;
  mtime?: number;
  target?: string;
  /** the simulated executable this file is: `ls@gnu`, `sh@busybox`, `nginx`… */
  program?: string;
  /** the size to report instead of the data's length (binaries) */
  size?: number;
}

export type Layer = readonly LayerEntry[];

/** A `docker diff` line: Added, Changed or Deleted. */
export interface DiffEntry {
  kind: 'A' | 'C' | 'D';
  path: string;
}

/** The Engine API's numbers for a change kind (`GET /containers/{id}/changes`). */
export const DIFF_KIND_NUMBER: Record<DiffEntry['kind'], number> = { C: 0, A: 1, D: 2 };

export { applyLayer } from './apply-layer.ts';

/**
 * A layer as its tarball names things: whiteouts become `dir/.wh.name` files and an
 * opaque directory gets a `dir/.wh..wh..opq` file after its own entry (`docker save`).
 */
export function toTarNames(layer: Layer): LayerEntry[] {
  const out: LayerEntry[] = [];
  for (const entry of layer) {
    if (entry.kind === 'whiteout') {
      const dir = dirname(entry.path);
      out.push({ path: `${dir === '/' ? '' : dir}/.wh.${basename(entry.path)}`, kind: 'file', data: '' });
    } else if (entry.kind === 'opaque') {
      out.push({ ...entry, kind: 'dir' });
      out.push({ path: `${entry.path === '/' ? '' : entry.path}/.wh..wh..opq`, kind: 'file', data: '' });
    } else out.push(entry);
  }
  return out;
}

/** The inverse of toTarNames: `.wh.` files back to whiteout and opaque entries. */
export function fromTarNames(layer: Layer): LayerEntry[] {
  const opaque = new Set<string>();
  const out: LayerEntry[] = [];
  for (const entry of layer) {
    const name = basename(entry.path);
    if (name === '.wh..wh..opq') opaque.add(dirname(entry.path));
    else if (name.startsWith('.wh.')) {
      const dir = dirname(entry.path);
      out.push({ path: `${dir === '/' ? '' : dir}/${name.slice(4)}`, kind: 'whiteout' });
    } else out.push(entry);
  }
  for (const dir of opaque) {
    const i = out.findIndex((e) => e.path === dir && e.kind === 'dir');
    if (i >= 0) out[i] = { ...out[i]!, kind: 'opaque' };
    else out.push({ path: dir, kind: 'opaque' });
  }
  return out;
}

export { diffLayer } from './changes.ts';
