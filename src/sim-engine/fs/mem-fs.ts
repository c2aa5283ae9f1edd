/**
 * An in-memory file system: a lab host's folder, a volume, a tmpfs, and (as the
 * base of OverlayFs) a container's root. The calls follow the Linux system calls they
 * stand for, errno for errno: `writeFile` is open(O_CREAT|O_TRUNC)+write, `mkdir` is
 * mkdir(2) (or `mkdir -p`), `rm` is unlink(2) for a file and rmdir(2) for a
 * directory (or `rm -r`), `rename` is rename(2).
 *
 * The tree is persistent (see node.ts): `freeze()` hands out the current tree, which
 * stays as it is while this file system goes on changing.
 *
 * Differs from Linux: permissions are recorded, not enforced (the simulation has no
 * credentials in its calls, and containers run as root); there are no hard links,
 * no atime/ctime, and file contents are text.
 */
import { existing, lookup, tryLookup } from './namei.ts';
import type { Found } from './namei.ts';
import { deleteChild, newDir, setChild, utf8Length } from './node.ts';
import type { FileNode, Node } from './node.ts';
import { TreeFs } from './tree-fs.ts';
import { FsError } from './types.ts';
import type { FileSystem, WriteOptions } from './types.ts';

export { CURRENT_ROOT } from './tree-fs.ts';
export type { MemFsOptions, Tree } from './tree-fs.ts';

function stripSlashes(path: string): string {
  const stripped = path.replace(/\/+$/, '');
  return stripped === '' ? '/' : stripped;
}

export class MemFs extends TreeFs implements FileSystem {
  // --- writing ------------------------------------------------------------------

  writeFile(path: string, data: string, options: WriteOptions = {}): void {
    if (path.length > 1 && path.endsWith('/')) {
      // open(O_CREAT) of a name with a trailing slash is EISDIR once its directory is
      // found, whatever the name is (a file, a dangling link, nothing)
      lookup(this.root, stripSlashes(path), false);
      throw new FsError('EISDIR', path);
    }
    const found = lookup(this.root, path, true);
    const old = found.node;
    if (found.dot || old?.kind === 'dir') throw new FsError('EISDIR', path);
    const now = this.now();
    if (old === undefined) {
      const parent = this.parentOf(found);
      const file: FileNode = {
        kind: 'file',
        data,
        bytes: utf8Length(data),
        mode: (options.mode ?? 0o644) & 0o7777,
        uid: options.uid ?? 0,
        gid: options.gid ?? 0,
        mtime: now,
        owner: this.owner,
      };
      if (options.program !== undefined) file.program = options.program;
      if (options.size !== undefined) file.size = options.size;
      parent.children.set(found.name, file);
      parent.mtime = now;
      return;
    }
    const file = this.ownNode(found) as FileNode;
    const added = utf8Length(data);
    if (options.append) {
      file.data += data;
      file.bytes += added;
      if (file.size !== undefined) file.size += added;
    } else {
      file.data = data;
      file.bytes = added;
      // text written over a simulated binary makes it a plain file
      delete file.program;
      delete file.size;
    }
    if (options.program !== undefined) file.program = options.program;
    if (options.size !== undefined) file.size = options.size;
    // Differs from open(2), which keeps an existing file's mode and owner: callers that
    // pass them (the image catalogue, COPY --chmod/--chown) mean them.
    if (options.mode !== undefined) file.mode = options.mode & 0o7777;
    if (options.uid !== undefined) file.uid = options.uid;
    if (options.gid !== undefined) file.gid = options.gid;
    file.mtime = now;
  }

  mkdir(path: string, options: { parents?: boolean; mode?: number; uid?: number; gid?: number } = {}): void {
    const make = (found: Found) => {
      const parent = this.parentOf(found);
      const now = this.now();
      setChild(
        parent,
        found.name,
        newDir(this.owner, (options.mode ?? 0o755) & 0o7777, options.uid ?? 0, options.gid ?? 0, now),
      );
      parent.mtime = now;
    };
    if (!options.parents) {
      const found = lookup(this.root, stripSlashes(path), false);
      if (found.node || found.dot) throw new FsError('EEXIST', path);
      make(found);
      return;
    }
    // mkdir -p: each missing directory in turn, following links to directories; an
    // existing name that is not a directory fails as mkdir then stat would (EEXIST, or
    // the stat's ENOENT for a dangling link)
    const ensure = (sub: string, found: Found, last: boolean) => {
      if (!found.node) {
        make(found);
        return;
      }
      const target = found.node.kind === 'symlink' ? lookup(this.root, sub, true).node : found.node;
      if (target === undefined) throw new FsError('ENOENT', path);
      if (target.kind === 'dir') return;
      throw new FsError(last && !(path.length > 1 && path.endsWith('/')) ? 'EEXIST' : 'ENOTDIR', path);
    };
    // When every directory above the last is there (as for a server's temp
    // directories), one walk finds them all, and only the last is left to do.
    const whole = stripSlashes(path);
    const found = tryLookup(this.root, whole, false);
    if (typeof found !== 'string') {
      ensure(whole, found, true);
      return;
    }
    const parts = path.split('/').filter((p) => p !== '');
    for (let i = 1; i <= parts.length; i++) {
      const sub = '/' + parts.slice(0, i).join('/');
      ensure(sub, lookup(this.root, sub, false), i === parts.length);
    }
  }

  rm(path: string, options: { recursive?: boolean; force?: boolean } = {}): void {
    let found: Found;
    try {
      // as rm does: lstat first (which follows a link named with a trailing slash),
      // then unlink or rmdir, which never follow the final name
      const seen = lookup(this.root, path, false);
      if (seen.node === undefined) throw new FsError('ENOENT', path);
      found = path.length > 1 && path.endsWith('/') ? lookup(this.root, stripSlashes(path), false) : seen;
    } catch (error) {
      if (options.force && error instanceof FsError && error.code === 'ENOENT') return;
      throw error;
    }
    const node = found.node!;
    if (found.dot) {
      // rmdir(2) looks at the last component's text: `..`, `.`, then `/`
      const last = stripSlashes(path).split('/').pop();
      throw new FsError(last === '..' ? 'ENOTEMPTY' : last === '.' ? 'EINVAL' : 'EBUSY', path);
    }
    if (path.length > 1 && path.endsWith('/') && node.kind !== 'dir') throw new FsError('ENOTDIR', path);
    if (node.kind === 'dir' && node.children.size > 0 && !options.recursive)
      throw new FsError('ENOTEMPTY', path);
    const parent = this.parentOf(found);
    deleteChild(parent, found.name);
    this.touch(parent);
  }

  rename(from: string, to: string): void {
    // as renameat2: both parents first, then `.`/`..`/`/` finals, then the entries
    const src = lookup(this.root, stripSlashes(from), false);
    const dst = lookup(this.root, stripSlashes(to), false);
    if (src.dot) throw new FsError('EBUSY', from);
    if (dst.dot) throw new FsError('EBUSY', to);
    const node = src.node;
    if (node === undefined) throw new FsError('ENOENT', from);
    const mustBeDir = from.length > 1 && from.endsWith('/');
    if (mustBeDir && node.kind !== 'dir') throw new FsError('ENOTDIR', from);
    if (to.length > 1 && to.endsWith('/') && node.kind !== 'dir') throw new FsError('ENOTDIR', to);
    if (dst.node === node) return;
    if (node.kind === 'dir' && dst.chain.includes(node)) throw new FsError('EINVAL', to);
    if (dst.node) {
      if (node.kind === 'dir') {
        if (dst.node.kind !== 'dir') throw new FsError('ENOTDIR', to);
        if (dst.node.children.size > 0) throw new FsError('ENOTEMPTY', to);
      } else if (dst.node.kind === 'dir') throw new FsError('EISDIR', to);
    }
    const srcParent = this.parentOf(src);
    deleteChild(srcParent, src.name);
    this.touch(srcParent);
    // look the destination up again, by the physical path found before (`to` may
    // have gone through the source): copying the source's directories may have
    // replaced some of the ones it walked
    const again = lookup(this.root, '/' + [...dst.names, dst.name].join('/'), false);
    const dstParent = this.parentOf(again);
    setChild(dstParent, again.name, this.moved(node, node.owner === this.owner));
    this.touch(dstParent);
  }

  symlink(target: string, path: string): void {
    const found = lookup(this.root, stripSlashes(path), false);
    if (found.node || found.dot) throw new FsError('EEXIST', path);
    // only mkdir may name a new entry with a trailing slash
    if (path.length > 1 && path.endsWith('/')) throw new FsError('ENOENT', path);
    const parent = this.parentOf(found);
    const now = this.now();
    parent.children.set(found.name, {
      kind: 'symlink',
      target,
      mode: 0o777,
      uid: 0,
      gid: 0,
      mtime: now,
      owner: this.owner,
    });
    parent.mtime = now;
  }

  #change(path: string, follow: boolean, apply: (node: Node) => void): void {
    const found = lookup(this.root, path, follow);
    existing(found, path);
    apply(this.ownNode(found));
  }

  chmod(path: string, mode: number): void {
    this.#change(path, true, (node) => (node.mode = mode & 0o7777));
  }

  chown(path: string, uid: number, gid: number): void {
    this.#change(path, true, (node) => {
      node.uid = uid;
      node.gid = gid;
    });
  }

  /** chown(2) without following a final symlink (`chown -h`, layers' symlink owners). */
  lchown(path: string, uid: number, gid: number): void {
    this.#change(path, false, (node) => {
      node.uid = uid;
      node.gid = gid;
    });
  }

  utimes(path: string, mtime: number): void {
    this.#change(path, true, (node) => (node.mtime = mtime));
  }

  /** utimes without following a final symlink (`touch -h`, layers' symlink times). */
  lutimes(path: string, mtime: number): void {
    this.#change(path, false, (node) => (node.mtime = mtime));
  }
}
