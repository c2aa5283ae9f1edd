/**
 * A mount namespace: a root FileSystem with others mounted over paths in it, as a
 * container sees `-v data:/data`, `-v $(pwd)/site:/usr/share/nginx/html:ro`,
 * `--tmpfs /run` and the files Docker binds over /etc/hosts, /etc/hostname and
 * /etc/resolv.conf.
 *
 * Paths are resolved here, across mounts, component by component (a symlink in a bind
 * mount that points at `/etc/x` means the container's /etc/x, as it would in the
 * container); each call then goes to the file system holding the final entry, with a
 * path that has no symlinks left above it. Across mounts the kernel's rules apply:
 * rename is EXDEV (mv then copies), removing or renaming a mount point is EBUSY
 * (`rm -rf /data` empties the volume, then fails on /data itself), and writing
 * through a read-only mount is EROFS.
 */
import { FsError } from './types.ts';
import type { FileSystem, Stat, WriteOptions } from './types.ts';

export interface MountOptions {
  readOnly?: boolean;
  /** the path in the mounted file system that appears at the target (a bind's source) */
  root?: string;
}

export interface Mount {
  /** where it appears, normalised (`/data`) */
  readonly target: string;
  readonly fs: FileSystem;
  /** the path in `fs` that appears at `target` */
  readonly source: string;
  readonly readOnly: boolean;
}

interface Located {
  mount: Mount;
  /** the path inside mount.fs */
  inner: string;
  /** the path in this namespace, without symlinks */
  path: string;
}

interface Resolved extends Located {
  exists: boolean;
  slash: boolean;
}

const MAX_LINKS = 40;

function clean(path: string): string {
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  return '/' + parts.join('/');
}

function within(dir: string, path: string): boolean {
  return dir === '/' || path === dir || path.startsWith(dir + '/');
}

export class MountFs implements FileSystem {
  readonly root: FileSystem;
  /** longest target first, so the first match is the innermost mount */
  #mounts: Mount[];

  constructor(root: FileSystem, options: { readOnly?: boolean } = {}) {
    this.root = root;
    this.#mounts = [{ target: '/', fs: root, source: '/', readOnly: options.readOnly ?? false }];
  }

  /** Mount `fs` at `target`, making the mount point (a directory, or a file for a file) if missing. */
  mount(target: string, fs: FileSystem, options: MountOptions = {}): void {
    const at = clean(target);
    const source = clean(options.root ?? '/');
    if (!this.lstat(at)) this.#makeMountPoint(at, fs.stat(source)?.kind === 'file');
    this.#mounts = this.#mounts.filter((m) => m.target !== at);
    this.#mounts.push({ target: at, fs, source, readOnly: options.readOnly ?? false });
    this.#mounts.sort((a, b) => b.target.length - a.target.length);
  }

  /**
   * Make a missing mount point, as runc does before it remounts the root read-only: so
   * past any read-only flag, through the mounts already in place.
   */
  #makeMountPoint(at: string, isFile: boolean): void {
    const parts = at.split('/').filter((p) => p !== '');
    for (let i = 1; i <= parts.length; i++) {
      const sub = '/' + parts.slice(0, i).join('/');
      const last = i === parts.length;
      if (this.stat(sub)) continue;
      const r = this.#resolve(sub, true);
      if (last && isFile) r.mount.fs.writeFile(r.inner, '');
      else r.mount.fs.mkdir(r.inner);
    }
  }

  unmount(target: string): void {
    const at = clean(target);
    if (at === '/') throw new FsError('EBUSY', target);
    this.#mounts = this.#mounts.filter((m) => m.target !== at);
  }

  /** The mounts, outermost (the root) first. */
  mounts(): readonly Mount[] {
    return [...this.#mounts].reverse();
  }

  #locate(path: string): Located {
    const mount = this.#mounts.find((m) => within(m.target, path))!;
    const rest = mount.target === '/' ? path : path.slice(mount.target.length);
    const inner = mount.source === '/' ? rest || '/' : mount.source + (rest === '/' ? '' : rest);
    return { mount, inner: inner || '/', path };
  }

  /**
   * Resolve `path` across mounts, following symlinks on the way and, when `follow`
   * (or a trailing slash) says so, at the end. A missing final entry is not an error.
   */
  #resolve(path: string, follow: boolean): Resolved {
    const slash = path.length > 1 && path.endsWith('/');
    let queue = path.split('/').filter((p) => p !== '' && p !== '.');
    const done: string[] = [];
    let links = 0;
    while (queue.length > 0) {
      const part = queue.shift()!;
      if (part === '..') {
        done.pop();
        continue;
      }
      if (part === '.') continue;
      const last = queue.length === 0;
      const here = '/' + [...done, part].join('/');
      const loc = this.#locate(here);
      const st = loc.mount.fs.lstat(loc.inner);
      if (!st) {
        if (last) return { ...loc, exists: false, slash };
        throw new FsError('ENOENT', path);
      }
      if (st.kind === 'symlink' && (!last || follow || slash)) {
        if (++links > MAX_LINKS) throw new FsError('ELOOP', path);
        const target = st.target ?? loc.mount.fs.readlink(loc.inner);
        if (target === '') throw new FsError('ENOENT', path);
        if (target.startsWith('/')) done.length = 0;
        queue = [...target.split('/').filter((p) => p !== ''), ...queue];
        continue;
      }
      if (!last && st.kind !== 'dir') throw new FsError('ENOTDIR', path);
      done.push(part);
    }
    const loc = this.#locate('/' + done.join('/'));
    return { ...loc, exists: true, slash };
  }

  #isMountPoint(path: string): boolean {
    return this.#mounts.some((m) => m.target === path);
  }

  #writable(loc: Located, path: string): void {
    if (loc.mount.readOnly) throw new FsError('EROFS', path);
  }

  /** The inner path, with the caller's trailing slash kept for the inner checks. */
  #inner(r: Resolved): string {
    return r.slash && r.inner !== '/' ? r.inner + '/' : r.inner;
  }

  #statAt(path: string, follow: boolean): Stat | undefined {
    try {
      const r = this.#resolve(path, follow);
      if (!r.exists) return undefined;
      const st = r.mount.fs.lstat(r.inner);
      return st && r.slash && st.kind !== 'dir' ? undefined : st;
    } catch (error) {
      if (error instanceof FsError) return undefined;
      throw error;
    }
  }

  stat(path: string): Stat | undefined {
    return this.#statAt(path, true);
  }

  lstat(path: string): Stat | undefined {
    return this.#statAt(path, false);
  }

  readFile(path: string): string {
    const r = this.#resolve(path, true);
    if (!r.exists) throw new FsError('ENOENT', path);
    return r.mount.fs.readFile(this.#inner(r));
  }

  writeFile(path: string, data: string, options?: WriteOptions): void {
    const r = this.#resolve(path, true);
    this.#writable(r, path);
    r.mount.fs.writeFile(this.#inner(r), data, options);
  }

  readdir(path: string): string[] {
    const r = this.#resolve(path, true);
    if (!r.exists) throw new FsError('ENOENT', path);
    const names = new Set(r.mount.fs.readdir(this.#inner(r)));
    // mount points show in their directory even where the directory below has none
    for (const m of this.#mounts) {
      if (m.target === '/' || m.target === r.path) continue;
      const parent = m.target.slice(0, m.target.lastIndexOf('/')) || '/';
      if (parent === r.path) names.add(m.target.slice(m.target.lastIndexOf('/') + 1));
    }
    return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  mkdir(path: string, options: { parents?: boolean; mode?: number; uid?: number; gid?: number } = {}): void {
    if (options.parents) {
      const parts = path.split('/').filter((p) => p !== '' && p !== '.');
      for (let i = 1; i <= parts.length; i++) {
        const sub = '/' + parts.slice(0, i).join('/');
        const st = this.stat(sub);
        if (st?.kind === 'dir') continue;
        if (st) throw new FsError(i === parts.length ? 'EEXIST' : 'ENOTDIR', path);
        this.mkdir(sub, { ...options, parents: false });
      }
      return;
    }
    const r = this.#resolve(path.replace(/\/+$/, '') || '/', false);
    if (r.exists) throw new FsError('EEXIST', path);
    this.#writable(r, path);
    r.mount.fs.mkdir(r.inner, options);
  }

  rm(path: string, options: { recursive?: boolean; force?: boolean } = {}): void {
    let r: Resolved;
    try {
      r = this.#resolve(path, false);
    } catch (error) {
      if (options.force && error instanceof FsError && error.code === 'ENOENT') return;
      throw error;
    }
    if (!r.exists) {
      if (options.force) return;
      throw new FsError('ENOENT', path);
    }
    const st = r.mount.fs.lstat(r.inner);
    const holdsMounts = this.#mounts.some((m) => m.target !== r.path && within(r.path, m.target));
    if (options.recursive && st?.kind === 'dir' && holdsMounts) {
      // empty what can be emptied, mounts included, then fail on what is mounted
      let busy: FsError | undefined;
      for (const name of this.readdir(r.path)) {
        try {
          this.rm(`${r.path === '/' ? '' : r.path}/${name}`, options);
        } catch (error) {
          if (!(error instanceof FsError)) throw error;
          busy ??= error;
        }
      }
      if (busy) throw busy;
    }
    if (this.#isMountPoint(r.path)) {
      if (options.recursive && st?.kind === 'dir' && !holdsMounts) {
        for (const name of this.readdir(r.path)) this.rm(`${r.path === '/' ? '' : r.path}/${name}`, options);
      }
      throw new FsError('EBUSY', path);
    }
    this.#writable(r, path);
    r.mount.fs.rm(this.#inner(r), options);
  }

  rename(from: string, to: string): void {
    const src = this.#resolve(from.replace(/\/+$/, '') || '/', false);
    if (!src.exists) throw new FsError('ENOENT', from);
    const dst = this.#resolve(to.replace(/\/+$/, '') || '/', false);
    if (this.#isMountPoint(src.path)) throw new FsError('EBUSY', from);
    if (this.#isMountPoint(dst.path)) throw new FsError('EBUSY', to);
    if (src.mount !== dst.mount) throw new FsError('EXDEV', to);
    this.#writable(src, from);
    src.mount.fs.rename(
      from.endsWith('/') ? src.inner + '/' : src.inner,
      to.endsWith('/') ? dst.inner + '/' : dst.inner,
    );
  }

  symlink(target: string, path: string): void {
    const r = this.#resolve(path.replace(/\/+$/, '') || '/', false);
    if (r.exists) throw new FsError('EEXIST', path);
    this.#writable(r, path);
    r.mount.fs.symlink(target, r.inner);
  }

  readlink(path: string): string {
    const r = this.#resolve(path, false);
    if (!r.exists) throw new FsError('ENOENT', path);
    return r.mount.fs.readlink(this.#inner(r));
  }

  #change(path: string, apply: (fs: FileSystem, inner: string) => void): void {
    const r = this.#resolve(path, true);
    if (!r.exists) throw new FsError('ENOENT', path);
    this.#writable(r, path);
    apply(r.mount.fs, r.inner);
  }

  chmod(path: string, mode: number): void {
    this.#change(path, (fs, inner) => fs.chmod(inner, mode));
  }

  chown(path: string, uid: number, gid: number): void {
    this.#change(path, (fs, inner) => fs.chown(inner, uid, gid));
  }

  utimes(path: string, mtime: number): void {
    this.#change(path, (fs, inner) => fs.utimes(inner, mtime));
  }

  realpath(path: string): string {
    const r = this.#resolve(path, true);
    if (!r.exists) throw new FsError('ENOENT', path);
    if (r.slash && r.mount.fs.lstat(r.inner)?.kind !== 'dir') throw new FsError('ENOTDIR', path);
    return r.path;
  }
}
