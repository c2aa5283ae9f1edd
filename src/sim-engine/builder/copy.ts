/**
 * COPY and ADD as BuildKit's file operation does them (llb.Copy with the Dockerfile
 * frontend's options: follow the source symlink, copy a directory's contents only,
 * wildcards allowed and allowed to match nothing, destination path created). Sources
 * are relative to the context's root (a leading `/` or `../` stays inside it); the
 * destination is relative to the WORKDIR; a destination ending in `/` is a directory.
 * Copied files keep their mode and time; their owner is root unless `--chown` says
 * otherwise.
 */
import { pathMatch } from '../daemon/images/path-match.ts';
import { basename, dirname, join, normalize } from '../fs/path.ts';
import type { FileSystem } from '../fs/types.ts';

export interface CopyOwner {
  uid: number;
  gid: number;
}

export interface CopyOptions {
  owner: CopyOwner;
  /** `--chmod=0755` */
  mode?: number;
  now: number;
}

/** A source that is not there: BuildKit's checksum step names it by its path in the context. */
export class SourceNotFound extends Error {
  readonly path: string;
  constructor(path: string) {
    super(`"${path}": not found`);
    this.path = path;
  }
}

const WILDCARD = /[*?[]/;

/** filepath.Join("/", src): a source can never leave the context. */
export function cleanSource(src: string): string {
  return normalize('/' + src);
}

/** The paths a source names: itself, or what its wildcards match (sorted, as Go's ReadDir is). */
export function expandSource(fs: FileSystem, src: string): string[] {
  const clean = cleanSource(src);
  if (!WILDCARD.test(clean)) {
    if (!fs.lstat(clean)) throw new SourceNotFound(clean);
    return [clean];
  }
  let found = ['/'];
  for (const part of clean.split('/').filter(Boolean)) {
    const next: string[] = [];
    for (const dir of found) {
      if (!WILDCARD.test(part)) {
        const p = join(dir, part);
        if (fs.lstat(p)) next.push(p);
        continue;
      }
      const st = fs.stat(dir);
      if (st?.kind !== 'dir') continue;
      for (const name of fs.readdir(dir).sort()) {
        let ok: boolean;
        try {
          ok = pathMatch(part, name);
        } catch {
          ok = false;
        }
        if (ok) next.push(join(dir, name));
      }
    }
    found = next;
  }
  return found;
}

/**
 * A checksum of what the sources name (paths, kinds, modes, contents, link targets;
 * not times), which is what the cache compares for COPY and ADD.
 */
export function sourcesChecksum(fs: FileSystem, sources: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (p: string, follow: boolean) => {
    const st = follow ? fs.stat(p) : fs.lstat(p);
    if (!st) return;
    if (st.kind === 'dir') {
      out.push(`d ${p} ${st.mode.toString(8)}`);
      for (const name of fs.readdir(p).sort()) walk(join(p, name), false);
    } else if (st.kind === 'symlink') {
      out.push(`l ${p} ${st.target ?? ''}`);
    } else {
      out.push(`f ${p} ${st.mode.toString(8)} ${st.program ?? ''} ${st.size} ${fs.readFile(p)}`);
    }
  };
  for (const src of sources) for (const p of expandSource(fs, src)) walk(p, true);
  return out;
}

/** Make `dir` and its missing parents, owned as the copy's files are. */
function mkdirAll(dst: FileSystem, dir: string, o: CopyOptions): void {
  if (dst.stat(dir)?.kind === 'dir') return;
  if (dir !== '/') mkdirAll(dst, dirname(dir), o);
  if (dst.lstat(dir)) dst.rm(dir, { recursive: true });
  dst.mkdir(dir, { mode: 0o755, uid: o.owner.uid, gid: o.owner.gid });
}

function copyNode(
  src: FileSystem,
  from: string,
  dst: FileSystem,
  to: string,
  o: CopyOptions,
  follow: boolean,
): void {
  const st = follow ? src.stat(from) : src.lstat(from);
  if (!st) return;
  const mode = o.mode ?? st.mode;
  if (st.kind === 'dir') {
    const existing = dst.lstat(to);
    if (existing && existing.kind !== 'dir') dst.rm(to, { recursive: true });
    if (!existing || existing.kind !== 'dir') dst.mkdir(to, { mode, uid: o.owner.uid, gid: o.owner.gid });
    else {
      dst.chmod(to, mode);
      dst.chown(to, o.owner.uid, o.owner.gid);
    }
    for (const name of src.readdir(from).sort())
      copyNode(src, join(from, name), dst, join(to, name), o, false);
    dst.utimes(to, st.mtime);
    return;
  }
  const existing = dst.lstat(to);
  if (existing) dst.rm(to, { recursive: true });
  if (st.kind === 'symlink') {
    dst.symlink(st.target ?? src.readlink(from), to);
    return;
  }
  dst.writeFile(to, src.readFile(from), {
    mode,
    uid: o.owner.uid,
    gid: o.owner.gid,
    ...(st.program ? { program: st.program } : {}),
    ...(st.program ? { size: st.size } : {}),
  });
  dst.utimes(to, st.mtime);
}

/**
 * Copy `sources` (from `src`) to `dest` (absolute, a trailing `/` kept) in `dst`.
 * Throws SourceNotFound for a missing source.
 */
export function copyInto(
  dst: FileSystem,
  src: FileSystem,
  sources: readonly string[],
  dest: string,
  o: CopyOptions,
): void {
  const matched: string[] = [];
  let wildcard = false;
  for (const s of sources) {
    if (WILDCARD.test(cleanSource(s))) wildcard = true;
    matched.push(...expandSource(src, s));
  }
  const destIsDir =
    dest.endsWith('/') || sources.length > 1 || wildcard || dst.stat(normalize(dest))?.kind === 'dir';
  const target = normalize(dest);
  for (const from of matched) {
    const st = src.stat(from);
    if (!st) continue;
    if (st.kind === 'dir') {
      mkdirAll(dst, target, o);
      for (const name of src.readdir(from).sort())
        copyNode(src, join(from, name), dst, join(target, name), o, false);
    } else if (destIsDir) {
      mkdirAll(dst, target, o);
      copyNode(src, from, dst, join(target, basename(from)), o, true);
    } else {
      mkdirAll(dst, dirname(target), o);
      copyNode(src, from, dst, target, o, true);
    }
  }
}

/** A heredoc source (`COPY <<EOF /dst`): a file of that name with the text, mode 0644. */
export function copyText(dst: FileSystem, name: string, text: string, dest: string, o: CopyOptions): void {
  const target =
    dest.endsWith('/') || dst.stat(normalize(dest))?.kind === 'dir'
      ? join(normalize(dest), name)
      : normalize(dest);
  mkdirAll(dst, dirname(target), o);
  if (dst.lstat(target)) dst.rm(target, { recursive: true });
  dst.writeFile(target, text, { mode: o.mode ?? 0o644, uid: o.owner.uid, gid: o.owner.gid });
  dst.utimes(target, o.now);
}
