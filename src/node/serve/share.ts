/**
 * Bind mounts from the real machine. `docker run -v "$(pwd)/html:/usr/share/nginx/html"`
 * names a path on the machine the CLI runs on; the simulated daemon mounts paths of its
 * node's own file system. So when a container is created, the bind sources it names
 * under the shared folder (`--share`, the folder serve was started in by default) are
 * copied from the real disk into every node's file system at the same absolute path,
 * as Docker Desktop shares the user's folders with its VM.
 *
 * Differs from Docker: a copy taken when the container is created, not a live mount —
 * the container does not see later edits on the host, and its writes stay in the lab.
 */
import { lstatSync, readdirSync, readFileSync, readlinkSync, type Stats } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { MemFs } from '../../sim-engine/fs/mem-fs.ts';

/** Most files and bytes copied for one container: a lab folder, not a disk. */
const MAX_FILES = 5000;
const MAX_BYTES = 64 * 1024 * 1024;

interface CreateBody {
  HostConfig?: { Binds?: unknown; Mounts?: unknown };
}

/** The bind sources a container create body names (`-v SRC:DST`, `--mount type=bind`). */
export function bindSources(body: string): string[] {
  let parsed: CreateBody;
  try {
    parsed = JSON.parse(body) as CreateBody;
  } catch {
    // the router answers a body it cannot read
    return [];
  }
  const out: string[] = [];
  const binds = parsed?.HostConfig?.Binds;
  if (Array.isArray(binds)) {
    for (const b of binds) if (typeof b === 'string' && b.startsWith('/')) out.push(b.split(':')[0]!);
  }
  const mounts = parsed?.HostConfig?.Mounts;
  if (Array.isArray(mounts)) {
    for (const m of mounts as { Type?: unknown; Source?: unknown }[])
      if (m && m.Type === 'bind' && typeof m.Source === 'string' && m.Source.startsWith('/'))
        out.push(m.Source);
  }
  return out;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(`..${sep}`));
}

/** Copy `sources` under `root` from the real disk into each file system, at the same paths. */
export function shareSources(sources: readonly string[], root: string, targets: readonly MemFs[]): void {
  let files = 0;
  let bytes = 0;
  const copy = (path: string) => {
    if (files >= MAX_FILES || bytes >= MAX_BYTES) return;
    let st: Stats;
    try {
      st = lstatSync(path);
    } catch {
      return;
    }
    files++;
    const mode = st.mode & 0o7777;
    if (st.isDirectory()) {
      for (const fs of targets) if (!fs.stat(path)) fs.mkdir(path, { parents: true, mode });
      let names: string[];
      try {
        names = readdirSync(path).sort();
      } catch {
        return;
      }
      for (const name of names) copy(join(path, name));
    } else if (st.isSymbolicLink()) {
      const target = readlinkSync(path);
      for (const fs of targets) {
        if (fs.lstat(path)) fs.rm(path, { force: true, recursive: true });
        ensureParent(fs, path);
        fs.symlink(target, path);
      }
    } else if (st.isFile()) {
      bytes += st.size;
      if (bytes > MAX_BYTES) return;
      let data: string;
      try {
        data = readFileSync(path, 'utf8');
      } catch {
        return;
      }
      for (const fs of targets) {
        if (fs.lstat(path)?.kind === 'dir') continue;
        ensureParent(fs, path);
        fs.writeFile(path, data, { mode });
      }
    }
  };
  for (const source of sources) {
    const path = resolve(source);
    if (inside(root, path)) copy(path);
  }
}

function ensureParent(fs: MemFs, path: string): void {
  const parent = path.slice(0, path.lastIndexOf('/')) || '/';
  if (!fs.stat(parent)) fs.mkdir(parent, { parents: true });
}
