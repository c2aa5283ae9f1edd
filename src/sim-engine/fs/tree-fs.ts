/**
 * The reading half of the in-memory file systems, and the copy-up machinery the
 * writing half (mem-fs.ts) uses: a tree root, the token of the nodes this file system
 * may change in place, and lookups. See node.ts for the persistent-tree model.
 */
import { existing, lookup, lookupNode } from './namei.ts';
import type { Found } from './namei.ts';
import { copyNode, DISK_DIR_SIZE, newDir, statOf, TMPFS_DIR_SIZE } from './node.ts';
import type { DirNode, DirSize, Node, Owner } from './node.ts';
import { FsError } from './types.ts';
import type { Stat } from './types.ts';

/** A tree handed out by `freeze()`: immutable, and cheap to start a file system from. */
export interface Tree {
  readonly root: DirNode;
}

export interface MemFsOptions {
  /** virtual time for mtimes (the engine's clock); 0 when not given */
  now?: () => number;
  /** start from this tree (shared, copied on write) instead of an empty root */
  tree?: Tree;
  /** how directory sizes read: a disk's 4096, or tmpfs's 40 + 20 per entry */
  dirSize?: 'disk' | 'tmpfs';
}

/** Internal access to a file system's current root, for diffs and snapshots. */
export const CURRENT_ROOT: unique symbol = Symbol('current root');

export abstract class TreeFs {
  #root: DirNode;
  #owner: Owner = {};
  readonly now: () => number;
  /** how directory sizes read, as given to the constructor */
  readonly dirSizeKind: 'disk' | 'tmpfs';
  protected readonly dirSize: DirSize;
  /** whether a copy of another tree's directory counts as merged (overlayfs) */
  protected layered = false;

  constructor(options: MemFsOptions = {}) {
    this.now = options.now ?? (() => 0);
    this.dirSizeKind = options.dirSize ?? 'disk';
    this.dirSize = this.dirSizeKind === 'tmpfs' ? TMPFS_DIR_SIZE : DISK_DIR_SIZE;
    this.#root = options.tree?.root ?? newDir(this.#owner, 0o755, 0, 0, this.now());
  }

  /** The current tree, immutable from now on; later changes here copy what they touch. */
  freeze(): Tree {
    this.#owner = {};
    return { root: this.#root };
  }

  /** The live root, read-only, for code in this folder that walks trees synchronously. */
  [CURRENT_ROOT](): DirNode {
    return this.#root;
  }

  // --- making the walked directories ours (copy-up) ---------------------------

  /** Own the root now rather than at the first write (an overlay's root is always merged). */
  protected adoptRoot(): void {
    if (this.#root.owner !== this.#owner) this.#root = copyNode(this.#root, this.#owner, this.layered);
  }

  /** Copy every directory of the walk we do not own, top down; returns the owned chain. */
  protected own(found: Found): DirNode[] {
    const out: DirNode[] = [];
    for (let i = 0; i < found.chain.length; i++) {
      let dir = found.chain[i]!;
      if (dir.owner !== this.#owner) {
        dir = copyNode(dir, this.#owner, this.layered);
        if (i === 0) this.#root = dir;
        else out[i - 1]!.children.set(found.names[i - 1]!, dir);
      }
      out.push(dir);
    }
    return out;
  }

  protected parentOf(found: Found): DirNode {
    return this.own(found).at(-1)!;
  }

  /** The found entry itself, copied if we do not own it. */
  protected ownNode(found: Found): Node {
    const node = found.node!;
    if (found.chain.length === 0) {
      if (this.#root.owner !== this.#owner) this.#root = copyNode(this.#root, this.#owner, this.layered);
      return this.#root;
    }
    const parent = this.parentOf(found);
    if (node.owner === this.#owner) return node;
    const copy = copyNode(node, this.#owner, this.layered);
    parent.children.set(found.name, copy);
    return copy;
  }

  /** What a rename puts at the destination: the node itself (an overlay may copy it). */
  protected moved(node: Node, _owned: boolean): Node {
    return node;
  }

  /** A token for nodes this file system creates from now on (it may change them in place). */
  protected get owner(): Owner {
    return this.#owner;
  }

  /** The live root, for the writing half's lookups. */
  protected get root(): DirNode {
    return this.#root;
  }

  protected touch(dir: DirNode): void {
    dir.mtime = this.now();
  }

  // --- reading ------------------------------------------------------------------

  #statAt(path: string, follow: boolean): Stat | undefined {
    const node = lookupNode(this.#root, path, follow);
    if (typeof node === 'string') return undefined;
    return statOf(node, this.dirSize);
  }

  /** The entry at `path`, or the errno as an FsError. */
  #node(path: string, follow: boolean): Node {
    const node = lookupNode(this.#root, path, follow);
    if (typeof node === 'string') throw new FsError(node, path);
    return node;
  }

  stat(path: string): Stat | undefined {
    return this.#statAt(path, true);
  }

  lstat(path: string): Stat | undefined {
    return this.#statAt(path, false);
  }

  readFile(path: string): string {
    const node = this.#node(path, true);
    if (node.kind !== 'file') throw new FsError('EISDIR', path);
    return node.data;
  }

  readdir(path: string): string[] {
    const node = this.#node(path, true);
    if (node.kind !== 'dir') throw new FsError('ENOTDIR', path);
    return [...node.children.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  readlink(path: string): string {
    const node = this.#node(path, false);
    if (node.kind !== 'symlink') throw new FsError('EINVAL', path);
    return node.target;
  }

  realpath(path: string): string {
    const found = lookup(this.#root, path, true);
    existing(found, path);
    if (found.chain.length === 0) return '/';
    return '/' + [...found.names, found.name].join('/');
  }
}
