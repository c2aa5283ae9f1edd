/**
 * Path lookup as the kernel's namei does it: component by component from the root,
 * following symlinks (absolute targets restart at the root, relative ones continue in
 * the link's directory), resolving `..` physically against the directories actually
 * walked (so `/link/..` is the parent of the link's target, not `/`), giving up after
 * 40 links with ELOOP, and failing with ENOTDIR when a non-final component is not a
 * directory.
 */
import type { DirNode, Node } from './node.ts';
import { FsError } from './types.ts';
import type { FsErrorCode } from './types.ts';

/** The kernel's MAXSYMLINKS. */
const MAX_LINKS = 40;

export interface Found {
  /** the directories walked, from the root down to the one holding the final entry */
  chain: DirNode[];
  /** `names[i]` is the name of `chain[i + 1]` in `chain[i]` */
  names: string[];
  /** the final entry's name in the last directory of `chain` (`''` for the root) */
  name: string;
  /** the final entry, undefined when it does not exist */
  node: Node | undefined;
  /**
   * The path ended in `.` or `..` or is `/`: it names a directory reached by walking,
   * which the kernel will not create, remove or rename (EEXIST, EINVAL, EBUSY).
   */
  dot: boolean;
  /** the path ended with `/`: the final entry must be a directory */
  slash: boolean;
}

/**
 * Look `path` up from `root`. A final symlink is followed when `follow` is set or the
 * path ends with a slash. Missing final entries are not an error (`node` is undefined);
 * a missing directory on the way is ENOENT.
 */
export function lookup(root: DirNode, path: string, follow: boolean): Found {
  const found = tryLookup(root, path, follow);
  if (typeof found === 'string') throw new FsError(found, path);
  return found;
}

/**
 * `lookup` returning the errno instead of throwing it: stat and PATH searches miss
 * often, and building an Error (with its stack) costs more than the whole walk.
 */
export function tryLookup(root: DirNode, path: string, follow: boolean): Found | FsErrorCode {
  const slash = path.length > 1 && path.endsWith('/');
  // The components still to walk are those of `rest` from `pos` on: the path, and after
  // a symlink its target followed by what was left. Scanned in place rather than split,
  // as every stat and every PATH search comes through here.
  let rest = path;
  let pos = skipSlashes(rest, 0);
  const chain: DirNode[] = [root];
  const names: string[] = [];
  let links = 0;
  let dot = true;
  while (pos < rest.length) {
    let end = rest.indexOf('/', pos);
    if (end < 0) end = rest.length;
    const part = rest.slice(pos, end);
    pos = skipSlashes(rest, end);
    const last = pos === rest.length;
    if (part === '.' || part === '..') {
      if (part === '..' && chain.length > 1) {
        chain.pop();
        names.pop();
      }
      dot = true;
      continue;
    }
    dot = false;
    const dir = chain[chain.length - 1]!;
    const child = dir.children.get(part);
    if (child === undefined) {
      if (last) return { chain, names, name: part, node: undefined, dot: false, slash };
      return 'ENOENT';
    }
    if (child.kind === 'symlink' && (!last || follow || slash)) {
      if (++links > MAX_LINKS) return 'ELOOP';
      if (child.target === '') return 'ENOENT';
      if (child.target.startsWith('/')) {
        chain.length = 1;
        names.length = 0;
      }
      rest = last ? child.target : `${child.target}/${rest.slice(pos)}`;
      pos = skipSlashes(rest, 0);
      // `/link` where the link points at `/` ends on the root itself
      dot = true;
      continue;
    }
    if (last) return { chain, names, name: part, node: child, dot: false, slash };
    if (child.kind !== 'dir') return 'ENOTDIR';
    chain.push(child);
    names.push(part);
  }
  // The path ended on a directory reached by walking (`/`, `a/.`, `a/..`, a link to `/`).
  const node = chain.pop()!;
  const name = names.pop() ?? '';
  if (chain.length === 0) return { chain: [], names: [], name: '', node, dot: true, slash };
  return { chain, names, name, node, dot, slash };
}

/** The index of the first character at or after `i` that is not a `/`. */
function skipSlashes(s: string, i: number): number {
  while (i < s.length && s.charCodeAt(i) === 47) i++;
  return i;
}

/** The final entry of a lookup, after the checks every reading call makes. */
export function existing(found: Found, path: string): Node {
  const node = found.node;
  if (node === undefined) throw new FsError('ENOENT', path);
  if (found.slash && node.kind !== 'dir') throw new FsError('ENOTDIR', path);
  return node;
}
