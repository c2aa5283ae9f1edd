/**
 * The build context as the docker CLI sends it: the files of the context directory
 * that the .dockerignore patterns do not exclude, as the entries of the tar the
 * request carries (buildx's and the legacy `docker build`'s alike), and the tar's size.
 */
import { dockerignoreMatcher } from '../../../builder/dockerignore/index.ts';
import { join } from '../../../fs/path.ts';
import type { FileSystem } from '../../../fs/types.ts';
import { StatusError } from '../../errors.ts';

/** The build context as the request carries it: the entries of the tar the client sends. */
export interface TarArchive {
  entries: {
    path: string;
    kind: 'file' | 'dir' | 'symlink';
    data?: string;
    mode?: number;
    uid?: number;
    gid?: number;
    mtime?: number;
    target?: string;
    program?: string;
    size?: number;
  }[];
}

/**
 * The contexts both builders' clients take and the lab cannot give: stdin (`-`, or `-f -`)
 * and a remote one (a URL or a Git repository: the lab has no internet).
 */
export function refuseUnsimulatedContext(contextArg: string, file: string): void {
  if (contextArg === '-' || file === '-')
    throw new StatusError('a build context or Dockerfile from stdin (-) is not simulated in Dockyard', 1);
  if (/^(https?:\/\/|git@|github\.com\/)/.test(contextArg))
    throw new StatusError(
      'a remote build context (URL or Git repository) is not simulated in Dockyard: the lab has no internet',
      1,
    );
}

/** UTF-8 length of a text (what the client transfers). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** The context's files, as the client sends them: every path the .dockerignore does not exclude. */
export function readContext(fs: FileSystem, dir: string, patterns: string[]): TarArchive['entries'] {
  const matcher = dockerignoreMatcher(patterns);
  const out: TarArchive['entries'] = [];
  const walk = (abs: string, rel: string) => {
    for (const name of fs.readdir(abs).sort()) {
      const p = join(abs, name);
      const r = rel ? `${rel}/${name}` : name;
      const st = fs.lstat(p);
      if (!st) continue;
      const excluded = patterns.length > 0 && matcher.matches(r);
      if (st.kind === 'dir') {
        if (excluded && matcher.excludesDirectoryEntirely?.(r)) continue;
        if (!excluded)
          out.push({ path: r, kind: 'dir', mode: st.mode, uid: st.uid, gid: st.gid, mtime: st.mtime });
        walk(p, r);
        continue;
      }
      if (excluded) continue;
      if (st.kind === 'symlink') {
        out.push({ path: r, kind: 'symlink', target: st.target ?? fs.readlink(p), mtime: st.mtime });
        continue;
      }
      out.push({
        path: r,
        kind: 'file',
        data: fs.readFile(p),
        mode: st.mode,
        uid: st.uid,
        gid: st.gid,
        mtime: st.mtime,
        ...(st.program ? { program: st.program, size: st.size } : {}),
      });
    }
  };
  walk(dir, '');
  return out;
}

/**
 * The bytes of the context's tar as go-archive writes it (USTAR headers, a 512-byte
 * header per entry, file data padded to 512, two zero blocks at the end): what
 * "Sending build context to Docker daemon" counts.
 */
export function tarSize(entries: TarArchive['entries']): number {
  let n = 1024;
  for (const e of entries) {
    n += 512;
    if (e.kind === 'file') n += Math.ceil((e.size ?? utf8Bytes(e.data ?? '')) / 512) * 512;
  }
  return n;
}
