/**
 * Finding what to run for a command name, as execvp(3) and execve(2) do it:
 *
 * - a name with a `/` is a path (relative to the cwd), tried alone;
 * - otherwise each PATH entry in order (an empty entry is the cwd); an entry where the
 *   name exists but cannot be executed is remembered as EACCES and the search goes on;
 * - a directory, or a file without any x bit, is EACCES (root needs one x bit too);
 * - a file tagged as a simulated program (Stat.program) runs that program;
 * - a `#!` script runs its interpreter (`#!/bin/sh -e` → `/bin/sh -e script args`),
 *   whose tag is taken from the interpreter's own file, following symlinks and
 *   nested scripts as Linux does (up to 4 levels);
 * - any other file is ENOEXEC: shells then run it as a shell script themselves, while
 *   `docker run` (execve directly) fails with "exec format error".
 */
import type { FileSystem } from '../fs/types.ts';
import type { Resolution } from './types.ts';

/** Docker's default PATH, what a container gets when its image sets none. */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Linux's limit of interpreters behind one another (BINPRM's recursion depth). */
const MAX_INTERPRETERS = 4;

/** Linux reads this much of a script to find its `#!` line (BINPRM_BUF_SIZE). */
const SHEBANG_MAX = 256;

/** `name@variant` → its parts; the variant is '' when the tag has none. */
export function parseTag(tag: string): { name: string; variant: string } {
  const at = tag.indexOf('@');
  return at < 0 ? { name: tag, variant: '' } : { name: tag.slice(0, at), variant: tag.slice(at + 1) };
}

/** The interpreter line of a script: `#!/bin/sh -e` → `{ path: '/bin/sh', arg: '-e' }`. */
export function parseShebang(text: string): { path: string; arg?: string } | undefined {
  if (!text.startsWith('#!')) return undefined;
  const nl = text.indexOf('\n');
  const line = text.slice(2, nl < 0 ? SHEBANG_MAX : Math.min(nl, SHEBANG_MAX)).trim();
  if (line === '') return undefined;
  const space = line.search(/[ \t]/);
  if (space < 0) return { path: line };
  const arg = line.slice(space).trim();
  return arg === '' ? { path: line.slice(0, space) } : { path: line.slice(0, space), arg };
}

function absolute(cwd: string, path: string): string {
  return path.startsWith('/') ? path : `${cwd === '/' ? '' : cwd}/${path}`;
}

/** What one candidate file is: runnable, or the errno execve would give. */
function examine(fs: FileSystem, path: string, cwd: string, depth: number): Resolution {
  const st = fs.stat(absolute(cwd, path));
  if (!st) return { ok: false, error: 'ENOENT', path };
  if (st.kind !== 'file' || (st.mode & 0o111) === 0) return { ok: false, error: 'EACCES', path };
  if (st.program !== undefined) return { ok: true, path, tag: st.program };
  let head: string;
  try {
    head = fs.readFile(absolute(cwd, path)).slice(0, SHEBANG_MAX);
  } catch {
    return { ok: false, error: 'EACCES', path };
  }
  const shebang = parseShebang(head);
  if (!shebang || depth >= MAX_INTERPRETERS) return { ok: false, error: 'ENOEXEC', path };
  const inner = examine(fs, shebang.path, cwd, depth + 1);
  if (!inner.ok) {
    // The kernel reports the interpreter's errno against the script; shells then say
    // "bad interpreter" when the script exists.
    return {
      ok: false,
      error: inner.error === 'EISDIR' ? 'EACCES' : inner.error,
      path,
      interpreter: shebang.path,
    };
  }
  return {
    ok: true,
    path,
    tag: inner.tag,
    interpreters: [shebang, ...(inner.interpreters ?? [])],
  };
}

/**
 * Find `name` as execvp would, with `path` the PATH variable (Docker's default when
 * unset) and `cwd` for relative names and entries.
 */
export function resolveExecutable(
  fs: FileSystem,
  name: string,
  path: string | undefined,
  cwd = '/',
): Resolution {
  if (name === '') return { ok: false, error: 'ENOENT', path: name };
  if (name.includes('/')) return examine(fs, name, cwd, 0);
  let denied: Resolution | undefined;
  for (const dir of (path ?? DEFAULT_PATH).split(':')) {
    const candidate = dir === '' ? name : `${dir.replace(/\/+$/, '')}/${name}`;
    const found = examine(fs, candidate, cwd, 0);
    if (found.ok || found.error === 'ENOEXEC' || found.interpreter !== undefined) return found;
    if (found.error === 'EACCES') denied ??= found;
  }
  return denied ?? { ok: false, error: 'ENOENT', path: name };
}

/**
 * The argv a resolved command really runs with: the name itself for a program, or
 * the interpreters' lines before the script's path for a script
 * (`['/bin/sh', '-e', '/usr/local/bin/entry.sh', 'nginx']`).
 */
export function execArgv(resolution: Resolution & { ok: true }, argv: readonly string[]): string[] {
  let out = [...argv];
  if (!resolution.interpreters) return out;
  out = [resolution.path, ...out.slice(1)];
  for (const interp of resolution.interpreters) {
    out = interp.arg === undefined ? [interp.path, ...out] : [interp.path, interp.arg, ...out];
  }
  return out;
}
