/**
 * The file-system side of a build's steps: the merged tree a step runs on, a step's
 * changes as a layer (the empty layer when it changed nothing), and the directories and
 * owners WORKDIR and COPY --chown make.
 */
import type { ImageRecord, LayerRecord } from '../daemon/images/record.ts';
import { imageTree } from '../daemon/rootfs.ts';
import { resolveUser } from '../daemon/user.ts';
import type { LayerEntry } from '../fs/layer.ts';
import { utf8Length } from '../fs/node.ts';
import type { LowerTree } from '../fs/overlay-fs.ts';
import type { FileSystem } from '../fs/types.ts';
import { EMPTY_LAYER } from '../images/catalogue.ts';
import { digestOf } from '../images/sha256.ts';

/** The merged tree of a list of layers (shared with the daemon's containers). */
export function treeOf(layers: readonly LayerRecord[]): LowerTree {
  return imageTree({ layers } as ImageRecord);
}

export function toLayer(changes: LayerEntry[]): LayerRecord {
  if (changes.length === 0) return { diffId: EMPTY_LAYER.diffId, size: 0, entries: () => [] };
  let size = 0;
  for (const e of changes) {
    if (e.kind === 'file') size += e.size ?? utf8Length(e.data ?? '');
    else if (e.kind === 'symlink') size += utf8Length(e.target ?? '');
  }
  return { diffId: digestOf(`layer\n${JSON.stringify(changes)}`), size, entries: () => changes };
}

export function mkdirP(fs: FileSystem, dir: string, uid: number, gid: number): void {
  const parts = dir.split('/').filter(Boolean);
  let p = '';
  for (const part of parts) {
    p += '/' + part;
    if (fs.stat(p)?.kind === 'dir') continue;
    if (fs.lstat(p)) fs.rm(p, { recursive: true });
    fs.mkdir(p, { mode: 0o755, uid, gid });
  }
}

/** `--chown=user:group`, looked up in the destination's /etc/passwd and /etc/group. */
export function chownOwner(fs: FileSystem, spec: string): { uid: number; gid: number } | { error: string } {
  const [user = '', group] = spec.split(':');
  const u = resolveUser(fs, group !== undefined ? `${user}:${group}` : user);
  if ('error' in u) return { error: `unable to convert uid/gid chown string to host mapping: ${u.error}` };
  // a user given alone gives its own primary group only when looked up by name; a bare uid keeps gid = uid
  if (group === undefined && /^\d+$/.test(user)) return { uid: u.uid, gid: u.uid };
  return { uid: u.uid, gid: u.gid };
}
