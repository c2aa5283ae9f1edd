/**
 * POSIX path strings, lexically: nothing here looks at a file system (except the glob
 * expansion re-exported at the end). The file systems themselves resolve `..`
 * physically, as the kernel does, so a tool that wants kernel behaviour for
 * `link/../x` passes `toAbsolute(cwd, p)` to the file system rather than
 * `resolve(cwd, p)`, which folds `..` by text as the shell's `cd` does.
 */

/** The components of a path, without empty ones (`//`) and without `.`; `..` is kept. */
export function split(path: string): string[] {
  const out: string[] = [];
  for (const part of path.split('/')) if (part !== '' && part !== '.') out.push(part);
  return out;
}

/**
 * Collapse `//`, `.` and `..` by text. An absolute path stays absolute (`..` at the
 * root stays at the root); a relative one keeps its leading `..`s; `''` becomes `.`.
 * A trailing slash is kept (`a/b/` → `a/b/`), as Node's path.normalize does, because
 * it changes what the kernel does with the path (`cat file/` fails with ENOTDIR).
 */
export function normalize(path: string): string {
  if (path === '') return '.';
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(part);
  }
  const body = out.join('/');
  const trailing = path.length > 1 && path.endsWith('/') && body !== '' ? '/' : '';
  if (absolute) return '/' + body + trailing;
  return body === '' ? '.' + (path.endsWith('/') && path !== '/' ? '/' : '') : body + trailing;
}

/** Join with `/` and normalise; empty parts are skipped. */
export function join(...parts: string[]): string {
  const nonEmpty = parts.filter((p) => p !== '');
  return nonEmpty.length === 0 ? '.' : normalize(nonEmpty.join('/'));
}

/** `p` against `cwd` (absolute), then normalised by text; a trailing slash is kept. */
export function resolve(cwd: string, path: string): string {
  return normalize(path.startsWith('/') ? path : `${cwd}/${path}`);
}

/**
 * `p` made absolute against `cwd` without folding `..`, so the file system resolves
 * it physically (through symlinks) as the kernel would. `//` and `.` are collapsed.
 */
export function toAbsolute(cwd: string, path: string): string {
  const full = path.startsWith('/') ? path : `${cwd}/${path}`;
  const trailing = full.length > 1 && full.endsWith('/') ? '/' : '';
  const parts = split(full);
  return parts.length === 0 ? '/' : '/' + parts.join('/') + trailing;
}

/** POSIX dirname(1): `/a/b` → `/a`, `/a` → `/`, `a` → `.`, `/a/b/` → `/a`. */
export function dirname(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path.startsWith('/') ? '/' : '.';
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return '.';
  const head = trimmed.slice(0, i).replace(/\/+$/, '');
  return head === '' ? '/' : head;
}

/**
 * POSIX basename(1): `/a/b/` → `b`, `/` → `/`. A `suffix` is removed when the name
 * ends with it and is not the whole name (`basename a.txt .txt` → `a`).
 */
export function basename(path: string, suffix?: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path.startsWith('/') ? '/' : '';
  const name = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  if (suffix && name !== suffix && name.endsWith(suffix)) return name.slice(0, -suffix.length);
  return name;
}

/** Whether `path` is `dir` or lies under it, by text (`/a/bc` is not under `/a/b`). */
export function isWithin(dir: string, path: string): boolean {
  if (dir === '/') return path.startsWith('/');
  return path === dir || path.startsWith(dir + '/');
}

export { expandGlob, hasGlob, matchGlob } from './glob.ts';
