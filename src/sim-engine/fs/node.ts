/**
 * The nodes of the in-memory trees, shared by MemFs, OverlayFs and the layer cache.
 *
 * Trees are persistent: a node belongs to the file system that created it (its
 * `owner` token) and only that file system changes it in place. Any other node —
 * an image layer's tree, a snapshot — is copied before a change, along with the
 * directories above it ("path copying", which is what overlayfs's copy-up does for a
 * container). So an image's tree is built once and shared by every container made
 * from it, and a container costs nothing until it writes.
 */
import type { Stat } from './types.ts';

/** Whoever may change a node in place; compared by identity. */
export type Owner = object;

interface Meta {
  /** permission bits (and setuid/setgid/sticky), `0o7777` at most */
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  owner: Owner;
}

export interface FileNode extends Meta {
  kind: 'file';
  data: string;
  /** UTF-8 length of `data`, kept so that stat does not measure the text again */
  bytes: number;
  program?: string;
  /** the size a simulated binary reports instead of `bytes` */
  size?: number;
}

export interface DirNode extends Meta {
  kind: 'dir';
  /**
   * Identity of the directory across copies: a copy keeps it, a new directory gets a
   * new one. Diffs use it to tell "modified" from "deleted and made again" (opaque).
   */
  ino: number;
  /**
   * Whether the directory is assembled from more than one layer (overlayfs reports
   * such merged directories with a link count of 1).
   */
  merged: boolean;
  children: Map<string, Node>;
  /** how many children are directories, kept up to date for the link count */
  subdirs: number;
}

export interface LinkNode extends Meta {
  kind: 'symlink';
  target: string;
}

export type Node = FileNode | DirNode | LinkNode;

// Only identity is taken from this counter, never shown, so the order in which trees
// are built (and cached) cannot change any output.
let nextIno = 1;

export function newDir(owner: Owner, mode: number, uid: number, gid: number, mtime: number): DirNode {
  return {
    kind: 'dir',
    ino: nextIno++,
    merged: false,
    children: new Map(),
    subdirs: 0,
    mode,
    uid,
    gid,
    mtime,
    owner,
  };
}

/** A copy of `node` that `owner` may change; a directory's entries are shared, not copied. */
export function copyNode<T extends Node>(node: T, owner: Owner, layered: boolean): T {
  if (node.kind === 'dir') {
    // forEach: no entry array per child (a copy-up copies /etc's few dozen)
    const children = new Map<string, Node>();
    node.children.forEach((child, name) => children.set(name, child));
    return { ...node, owner, children, merged: node.merged || layered };
  }
  return { ...node, owner };
}

/** A new node with the same contents all the way down, as `cp -a` makes (new directories). */
export function deepCopy(node: Node, owner: Owner): Node {
  if (node.kind !== 'dir') return { ...node, owner };
  const dir = newDir(owner, node.mode, node.uid, node.gid, node.mtime);
  for (const [name, child] of node.children) setChild(dir, name, deepCopy(child, owner));
  return dir;
}

/** Put `node` in `dir` under `name`, replacing what was there, keeping `subdirs` right. */
export function setChild(dir: DirNode, name: string, node: Node): void {
  const old = dir.children.get(name);
  if (old?.kind === 'dir') dir.subdirs--;
  if (node.kind === 'dir') dir.subdirs++;
  dir.children.set(name, node);
}

export function deleteChild(dir: DirNode, name: string): void {
  if (dir.children.get(name)?.kind === 'dir') dir.subdirs--;
  dir.children.delete(name);
}

/** Bytes in the UTF-8 encoding of `text` (the engine has no TextEncoder). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** What a directory's size reads as: a block on a disk, less on a tmpfs. */
export type DirSize = (entries: number) => number;
export const DISK_DIR_SIZE: DirSize = () => 4096;
/** tmpfs (`/dev`, `--tmpfs`): 40 bytes plus 20 per entry, as Linux reports it. */
export const TMPFS_DIR_SIZE: DirSize = (entries) => 40 + 20 * entries;

export function statOf(node: Node, dirSize: DirSize): Stat {
  if (node.kind === 'dir') {
    return {
      kind: 'dir',
      size: dirSize(node.children.size),
      mode: node.mode,
      uid: node.uid,
      gid: node.gid,
      mtime: node.mtime,
      nlink: node.merged ? 1 : 2 + node.subdirs,
    };
  }
  if (node.kind === 'symlink') {
    return {
      kind: 'symlink',
      size: utf8Length(node.target),
      mode: node.mode,
      uid: node.uid,
      gid: node.gid,
      mtime: node.mtime,
      nlink: 1,
      target: node.target,
    };
  }
  const st: Stat = {
    kind: 'file',
    size: node.size ?? node.bytes,
    mode: node.mode,
    uid: node.uid,
    gid: node.gid,
    mtime: node.mtime,
    nlink: 1,
  };
  if (node.program !== undefined) st.program = node.program;
  return st;
}
