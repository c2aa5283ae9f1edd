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
  const chain: DirNode[] = [root];
  const names: string[] = [];
  const error = walk(path, follow, slash, chain, names);
  if (error !== undefined) return error;
  if (walked.name !== undefined) {
    const found = { chain, names, name: walked.name, node: walked.node, dot: false, slash };
    walked.node = undefined;
    return found;
  }
  // The path ended on a directory reached by walking (`/`, `a/.`, `a/..`, a link to `/`).
  const node = chain.pop()!;
  const name = names.pop() ?? '';
  if (chain.length === 0) return { chain: [], names: [], name: '', node, dot: true, slash };
  return { chain, names, name, node, dot: walked.dot, slash };
}

/**
 * Just the entry `path` names, for the calls that read (stat, readFile, readdir…):
 * the same walk as `tryLookup` without its result. A missing entry is ENOENT, and a
 * path ending in `/` that names no directory ENOTDIR, as `existing` reports them.
 */
export function lookupNode(root: DirNode, path: string, follow: boolean): Node | FsErrorCode {
  const slash = path.length > 1 && path.endsWith('/');
  scratch.length = 0;
  scratch.push(root);
  const error = walk(path, follow, slash, scratch, undefined);
  const node = error === undefined ? (walked.name !== undefined ? walked.node : scratch.at(-1)) : undefined;
  scratch.length = 0;
  walked.node = undefined;
  if (error !== undefined) return error;
  if (node === undefined) return 'ENOENT';
  if (slash && node.kind !== 'dir') return 'ENOTDIR';
  return node;
}

/** The directories `lookupNode` walks through (it never runs inside another walk). */
const scratch: DirNode[] = [];

/**
 * How the last walk ended, when it did not fail: on an entry `name` (undefined if it
 * does not exist) in the last directory of the chain, or, with `name` undefined, on
 * that last directory itself, reached by walking (`dot` as in Found).
 */
const walked: { name: string | undefined; node: Node | undefined; dot: boolean } = {
  name: undefined,
  node: undefined,
  dot: false,
};

/**
 * The walk of `tryLookup` and `lookupNode`: `chain` starts as the root and ends as the
 * directories walked; `names` (when given) gets their names. The end is in `walked`.
 */
function walk(
  path: string,
  follow: boolean,
  slash: boolean,
  chain: DirNode[],
  names: string[] | undefined,
): FsErrorCode | undefined {
  // The components still to walk are those of `rest` from `pos` on: the path, and after
  // a symlink its target followed by what was left. Scanned in place rather than split,
  // as every stat and every PATH search comes through here.
  let rest = path;
  let pos = skipSlashes(rest, 0);
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
        names?.pop();
      }
      dot = true;
      continue;
    }
    dot = false;
    const dir = chain[chain.length - 1]!;
    const child = dir.children.get(part);
    if (child === undefined) {
      if (!last) return 'ENOENT';
      walked.name = part;
      walked.node = undefined;
      return undefined;
    }
    if (child.kind === 'symlink' && (!last || follow || slash)) {
      if (++links > MAX_LINKS) return 'ELOOP';
      if (child.target === '') return 'ENOENT';
      if (child.target.startsWith('/')) {
        chain.length = 1;
        if (names) names.length = 0;
      }
      rest = last ? child.target : `${child.target}/${rest.slice(pos)}`;
      pos = skipSlashes(rest, 0);
      // `/link` where the link points at `/` ends on the root itself
      dot = true;
      continue;
    }
    if (last) {
      walked.name = part;
      walked.node = child;
      return undefined;
    }
    if (child.kind !== 'dir') return 'ENOTDIR';
    chain.push(child);
    names?.push(part);
  }
  walked.name = undefined;
  walked.node = undefined;
  walked.dot = dot;
  return undefined;
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
