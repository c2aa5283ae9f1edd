/**
 * A tiny in-memory FileSystem for the utilities' tests, until fs/MemFs is used
 * everywhere. It follows the contract in fs/types.ts closely enough for the tools:
 * symlinks, modes, owners, mtimes and program tags.
 */
import { FsError } from '../../../fs/types.ts';
import type { FileSystem, Stat, WriteOptions } from '../../../fs/types.ts';

interface Node {
  kind: 'file' | 'dir' | 'symlink';
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  data: string;
  size?: number;
  program?: string;
  target?: string;
  children?: Map<string, Node>;
}

export class FakeFs implements FileSystem {
  #root: Node;
  /** the time new files get */
  now: () => number;

  constructor(now: () => number = () => 0) {
    this.now = now;
    this.#root = { kind: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: now(), data: '', children: new Map() };
  }

  #parts(path: string): string[] {
    return path.split('/').filter((p) => p !== '' && p !== '.');
  }

  /** Walk to a node; follow the final symlink when `follow`. */
  #walk(path: string, follow: boolean, depth = 0): { node: Node | undefined; parent?: Node; name?: string } {
    if (depth > 40) throw new FsError('ELOOP', path);
    const parts = this.#parts(path);
    let node: Node = this.#root;
    const stack: Node[] = [];
    let parent: Node | undefined;
    for (let i = 0; i < parts.length; i++) {
      const name = parts[i]!;
      if (name === '..') {
        node = stack.pop() ?? this.#root;
        continue;
      }
      if (node.kind !== 'dir') throw new FsError('ENOTDIR', path);
      const child = node.children!.get(name);
      const last = i === parts.length - 1;
      if (!child) {
        if (last) return { node: undefined, parent: node, name };
        throw new FsError('ENOENT', path);
      }
      if (child.kind === 'symlink' && (!last || follow)) {
        const base = '/' + parts.slice(0, i).join('/');
        const target = child.target!.startsWith('/') ? child.target! : `${base}/${child.target}`;
        const rest = parts.slice(i + 1).join('/');
        return this.#walk(rest ? `${target}/${rest}` : target, follow, depth + 1);
      }
      stack.push(node);
      parent = node;
      node = child;
      if (last) return { node, parent, name };
    }
    return { node, parent, name: parts.at(-1) };
  }

  #stat(node: Node): Stat {
    const st: Stat = {
      kind: node.kind,
      size:
        node.kind === 'dir'
          ? 4096
          : node.kind === 'symlink'
            ? node.target!.length
            : (node.size ?? node.data.length),
      mode: node.mode,
      uid: node.uid,
      gid: node.gid,
      mtime: node.mtime,
    };
    if (node.target !== undefined) st.target = node.target;
    if (node.program !== undefined) st.program = node.program;
    return st;
  }

  stat(path: string): Stat | undefined {
    try {
      const { node } = this.#walk(path, true);
      return node && this.#stat(node);
    } catch {
      return undefined;
    }
  }
  lstat(path: string): Stat | undefined {
    try {
      const { node } = this.#walk(path, false);
      return node && this.#stat(node);
    } catch {
      return undefined;
    }
  }
  readFile(path: string): string {
    const { node } = this.#walk(path, true);
    if (!node) throw new FsError('ENOENT', path);
    if (node.kind === 'dir') throw new FsError('EISDIR', path);
    return node.data;
  }
  writeFile(path: string, data: string, options: WriteOptions = {}): void {
    const { node, parent, name } = this.#walk(path, true);
    if (node) {
      if (node.kind === 'dir') throw new FsError('EISDIR', path);
      node.data = options.append ? node.data + data : data;
      node.mtime = this.now();
      if (options.program !== undefined) node.program = options.program;
      if (options.size !== undefined) node.size = options.size;
      if (options.mode !== undefined) node.mode = options.mode;
      return;
    }
    if (!parent || !name) throw new FsError('ENOENT', path);
    const file: Node = {
      kind: 'file',
      mode: options.mode ?? 0o644,
      uid: options.uid ?? 0,
      gid: options.gid ?? 0,
      mtime: this.now(),
      data,
    };
    if (options.program !== undefined) file.program = options.program;
    if (options.size !== undefined) file.size = options.size;
    parent.children!.set(name, file);
    parent.mtime = this.now();
  }
  readdir(path: string): string[] {
    const { node } = this.#walk(path, true);
    if (!node) throw new FsError('ENOENT', path);
    if (node.kind !== 'dir') throw new FsError('ENOTDIR', path);
    return [...node.children!.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
  mkdir(path: string, options: { parents?: boolean; mode?: number; uid?: number; gid?: number } = {}): void {
    const parts = this.#parts(path);
    for (let i = 1; i <= parts.length; i++) {
      const sub = '/' + parts.slice(0, i).join('/');
      const { node, parent, name } = this.#walk(sub, true);
      if (node) {
        if (i === parts.length && !options.parents) throw new FsError('EEXIST', path);
        if (node.kind !== 'dir') throw new FsError(i === parts.length ? 'EEXIST' : 'ENOTDIR', path);
        continue;
      }
      if (i < parts.length && !options.parents) throw new FsError('ENOENT', path);
      parent!.children!.set(name!, {
        kind: 'dir',
        mode: options.mode ?? 0o755,
        uid: options.uid ?? 0,
        gid: options.gid ?? 0,
        mtime: this.now(),
        data: '',
        children: new Map(),
      });
      parent!.mtime = this.now();
    }
  }
  rm(path: string, options: { recursive?: boolean; force?: boolean } = {}): void {
    const { node, parent, name } = this.#walk(path, false);
    if (!node) {
      if (options.force) return;
      throw new FsError('ENOENT', path);
    }
    if (node.kind === 'dir' && node.children!.size > 0 && !options.recursive)
      throw new FsError('ENOTEMPTY', path);
    parent!.children!.delete(name!);
    parent!.mtime = this.now();
  }
  rename(from: string, to: string): void {
    const src = this.#walk(from, false);
    if (!src.node) throw new FsError('ENOENT', from);
    const dst = this.#walk(to, false);
    if (!dst.parent || !dst.name) throw new FsError('ENOENT', to);
    if (dst.node?.kind === 'dir' && src.node.kind !== 'dir') throw new FsError('EISDIR', to);
    src.parent!.children!.delete(src.name!);
    dst.parent.children!.set(dst.name, src.node);
  }
  symlink(target: string, path: string): void {
    const { node, parent, name } = this.#walk(path, false);
    if (node) throw new FsError('EEXIST', path);
    if (!parent || !name) throw new FsError('ENOENT', path);
    parent.children!.set(name, {
      kind: 'symlink',
      mode: 0o777,
      uid: 0,
      gid: 0,
      mtime: this.now(),
      data: '',
      target,
    });
  }
  readlink(path: string): string {
    const { node } = this.#walk(path, false);
    if (!node) throw new FsError('ENOENT', path);
    if (node.kind !== 'symlink') throw new FsError('EINVAL', path);
    return node.target!;
  }
  chmod(path: string, mode: number): void {
    const { node } = this.#walk(path, true);
    if (!node) throw new FsError('ENOENT', path);
    node.mode = mode & 0o7777;
  }
  chown(path: string, uid: number, gid: number): void {
    const { node } = this.#walk(path, true);
    if (!node) throw new FsError('ENOENT', path);
    node.uid = uid;
    node.gid = gid;
  }
  realpath(path: string): string {
    const parts = this.#parts(path);
    const out: string[] = [];
    let depth = 0;
    for (let i = 0; i < parts.length; i++) {
      const name = parts[i]!;
      if (name === '..') {
        out.pop();
        continue;
      }
      const cur = '/' + [...out, name].join('/');
      const st = this.lstat(cur);
      if (!st) throw new FsError('ENOENT', path);
      if (st.kind === 'symlink') {
        depth += 1;
        if (depth > 40) throw new FsError('ELOOP', path);
        const t = st.target!;
        const rest = parts.slice(i + 1);
        const resolved = this.realpath(t.startsWith('/') ? t : '/' + [...out, t].join('/'));
        return rest.length ? this.realpath(`${resolved}/${rest.join('/')}`) : resolved;
      }
      out.push(name);
    }
    return '/' + out.join('/');
  }
  utimes(path: string, mtime: number): void {
    const { node } = this.#walk(path, true);
    if (!node) throw new FsError('ENOENT', path);
    node.mtime = mtime;
  }
}
