/**
 * Finding a command in PATH as execvp and which(1) do: the first PATH entry holding
 * an executable regular file (any x bit) of that name. A name with a slash is taken
 * as a path.
 */
import type { FileSystem } from '../../../fs/types.ts';
import { resolvePath } from './io.ts';

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export type Lookup = { found: true; path: string } | { found: false; reason: 'ENOENT' | 'EACCES' | 'EISDIR' };

export function isExecutable(fs: FileSystem, path: string): boolean {
  const st = fs.stat(path);
  return st !== undefined && st.kind === 'file' && (st.mode & 0o111) !== 0;
}

export function lookupCommand(fs: FileSystem, name: string, pathVar: string | undefined, cwd = '/'): Lookup {
  if (name.includes('/')) {
    const path = resolvePath(cwd, name);
    const st = fs.stat(path);
    if (!st) return { found: false, reason: 'ENOENT' };
    if (st.kind === 'dir') return { found: false, reason: 'EISDIR' };
    if ((st.mode & 0o111) === 0) return { found: false, reason: 'EACCES' };
    return { found: true, path: name };
  }
  for (const dir of (pathVar ?? DEFAULT_PATH).split(':')) {
    const path = resolvePath(cwd, `${dir || '.'}/${name}`);
    if (isExecutable(fs, path))
      return { found: true, path: dir === '' ? name : `${dir.replace(/\/+$/, '')}/${name}` };
  }
  return { found: false, reason: 'ENOENT' };
}

/** Every match in PATH (which -a). */
export function lookupAll(fs: FileSystem, name: string, pathVar: string | undefined, cwd = '/'): string[] {
  if (name.includes('/')) return isExecutable(fs, resolvePath(cwd, name)) ? [name] : [];
  return (pathVar ?? DEFAULT_PATH)
    .split(':')
    .filter((dir) => isExecutable(fs, resolvePath(cwd, `${dir || '.'}/${name}`)))
    .map((dir) => `${dir.replace(/\/+$/, '')}/${name}`);
}
