/**
 * `docker cp` both ways (docker/cli container/cp.go with pkg/archive's CopyTo rules):
 * a file or directory read from one side as a tar and written on the other, the
 * destination name decided as `cp` decides it, then "Successfully copied 2.05kB to …"
 * on stderr (the size is the tar stream's).
 */
import type { PathStat } from '../../../api/types/container.ts';
import { decodePathStat } from '../../../api/path-stat.ts';
import { humanSizeWithPrecision } from '../../../golang/units.ts';
import type { FileSystem } from '../../../fs/types.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import { objectPath } from '../../../api/client.ts';

interface TarEntry {
  path: string;
  kind: 'file' | 'dir' | 'symlink' | 'whiteout' | 'opaque';
  data?: string;
  mode?: number;
  target?: string;
  program?: string;
  size?: number;
}

const TAR_STREAMS = 'docker cp: tar archives on stdin and stdout are not simulated in Dockyard yet';

export function splitCpArg(arg: string): { container?: string; path: string } {
  if (arg.startsWith('/')) return { path: arg };
  const colon = arg.indexOf(':');
  if (colon < 0 || arg.startsWith('.')) return { path: arg };
  return { container: arg.slice(0, colon), path: arg.slice(colon + 1) };
}

/** The byte count of the tar stream that carries `entries` (512-byte blocks, two at the end). */
function tarSize(entries: readonly TarEntry[]): number {
  let n = 1024;
  for (const e of entries) {
    n += 512;
    if (e.kind === 'file') n += Math.ceil((e.size ?? utf8Length(e.data ?? '')) / 512) * 512;
  }
  return n;
}

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

function clean(cwd: string, p: string): string {
  const joined = p.startsWith('/') ? p : `${cwd}/${p}`;
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

/** go-archive PreserveTrailingDotOrSeparator: the cleaned path keeps what the user's ended with */
function preserveTrailing(cleaned: string, original: string): string {
  if (original.endsWith('/.') && !cleaned.endsWith('/.')) return `${cleaned === '/' ? '' : cleaned}/.`;
  if (original.endsWith('/') && !cleaned.endsWith('/')) return `${cleaned}/`;
  return cleaned;
}

function basename(p: string): string {
  const parts = p.split('/').filter(Boolean);
  return parts[parts.length - 1] ?? '/';
}

/** Write `entries` (rooted at `srcBase`) to `dst` on the local file system. */
function writeLocal(
  fs: FileSystem,
  entries: readonly TarEntry[],
  dst: string,
  srcIsDir: boolean,
  contentsOnly: boolean,
): void {
  const st = fs.stat(dst);
  let target: string;
  let root = entries[0]?.path ?? '';
  if (st?.kind === 'dir') target = contentsOnly ? dst : `${dst === '/' ? '' : dst}/${basename(root)}`;
  else {
    if (!fs.stat(dst.slice(0, dst.lastIndexOf('/')) || '/')) {
      throw new CliError(`lstat ${dst.slice(0, dst.lastIndexOf('/')) || '/'}: no such file or directory`);
    }
    if (st && srcIsDir) throw new CliError(`cannot copy directory to file: ${dst}`);
    target = dst;
  }
  if (contentsOnly) root = entries[0]?.path ?? '';
  for (const e of entries) {
    const rel = e.path === root ? '' : e.path.slice(root.length);
    const path = contentsOnly ? `${target}${rel}` : `${target}${rel}`;
    if (e.kind === 'dir') {
      if (!fs.stat(path)) fs.mkdir(path, { parents: true, mode: e.mode ?? 0o755 });
    } else if (e.kind === 'symlink') {
      if (fs.lstat(path)) fs.rm(path, { force: true, recursive: true });
      fs.symlink(e.target ?? '', path);
    } else if (e.kind === 'file') {
      fs.writeFile(path, e.data ?? '', { mode: e.mode ?? 0o644, program: e.program, size: e.size });
    }
  }
}

export async function copyFromContainer(
  cli: DockerCli,
  container: string,
  srcPath: string,
  dstArg: string,
  quiet: boolean,
): Promise<void> {
  const res = await cli.client.request('GET', objectPath('container', container, '/archive'), {
    query: { path: srcPath },
  });
  const archive = res.body as { entries: TarEntry[] };
  const stat = decodePathStat(res.headers['X-Docker-Container-Path-Stat']) ?? ({} as PathStat);
  const isDir = (stat.mode & 0x80000000) !== 0;
  // Differs from Docker: no tar archive is written to stdout (nothing in a lab reads one)
  if (dstArg === '-') throw new CliError(TAR_STREAMS);
  const dst = clean(cli.cwd, dstArg);
  const contentsOnly = isDir && /\/\.$/.test(srcPath);
  writeLocal(cli.fs, archive.entries, dst, isDir, contentsOnly);
  if (!quiet)
    cli.err.write(
      `Successfully copied ${humanSizeWithPrecision(tarSize(archive.entries), 3)} to ${preserveTrailing(dst, dstArg)}\n`,
    );
}

export async function copyToContainer(
  cli: DockerCli,
  srcArg: string,
  container: string,
  dstPath: string,
  quiet: boolean,
): Promise<void> {
  if (srcArg === '-') throw new CliError(TAR_STREAMS);
  const src = clean(cli.cwd, srcArg);
  const st = cli.fs.lstat(src);
  if (!st) throw new CliError(`lstat ${src}: no such file or directory`);
  const entries: TarEntry[] = [];
  const walk = (abs: string, rel: string) => {
    const s = cli.fs.lstat(abs)!;
    if (s.kind === 'dir') {
      entries.push({ path: rel, kind: 'dir', mode: s.mode });
      for (const name of cli.fs.readdir(abs)) walk(`${abs === '/' ? '' : abs}/${name}`, `${rel}/${name}`);
    } else if (s.kind === 'symlink')
      entries.push({ path: rel, kind: 'symlink', target: cli.fs.readlink(abs) });
    else
      entries.push({
        path: rel,
        kind: 'file',
        data: cli.fs.readFile(abs),
        mode: s.mode,
        program: s.program,
        size: s.program ? s.size : undefined,
      });
  };
  walk(src, basename(src));
  // where does it go: into an existing directory, or under a new name
  let dirStat: PathStat | undefined;
  try {
    const head = await cli.client.request('HEAD', objectPath('container', container, '/archive'), {
      query: { path: dstPath },
    });
    dirStat = decodePathStat(head.headers['X-Docker-Container-Path-Stat']) ?? ({} as PathStat);
  } catch {
    dirStat = undefined;
  }
  let extractDir = dstPath;
  let archiveEntries = entries;
  const contentsOnly = st.kind === 'dir' && /\/\.$/.test(srcArg);
  if (dirStat && (dirStat.mode & 0x80000000) !== 0) {
    if (contentsOnly)
      archiveEntries = entries
        .slice(1)
        .map((e) => ({ ...e, path: e.path.slice(entries[0]!.path.length + 1) }));
  } else {
    // go-archive's PrepareArchiveCopy: a directory cannot replace a file, and a path that
    // asserts a directory (`dir/`, `dir/.`) must exist unless the source is one
    if (dirStat && st.kind === 'dir') throw new CliError('cannot copy directory');
    if (!dirStat && st.kind !== 'dir' && /\/\.?$/.test(dstPath)) throw new CliError('no such directory');
    const slash = dstPath.lastIndexOf('/');
    extractDir = slash <= 0 ? '/' : dstPath.slice(0, slash);
    const newName = dstPath.slice(slash + 1);
    const root = entries[0]!.path;
    archiveEntries = entries.map((e) => ({ ...e, path: newName + e.path.slice(root.length) }));
  }
  await cli.client.request('PUT', objectPath('container', container, '/archive'), {
    query: { path: extractDir, noOverwriteDirNonDir: 'true' },
    body: { entries: archiveEntries },
  });
  if (!quiet)
    cli.err.write(
      `Successfully copied ${humanSizeWithPrecision(tarSize(entries), 3)} to ${container}:${dstPath}\n`,
    );
}
