/**
 * The primaries `test`, `[` and `[[` share: file tests (`-e -f -d -s -r -w -x -L`…),
 * string tests and comparisons, and integer comparisons.
 */
import { toAbsolute } from '../../fs/path.ts';
import type { Interp } from '../interp.ts';

export const UNARY = new Set([
  '-e', '-f', '-d', '-s', '-r', '-w', '-x', '-L', '-h', '-b', '-c', '-p', '-S', '-g', '-u', '-k', '-O', '-G',
  '-N', '-t', '-n', '-z', '-a', '-v', '-o',
]); // prettier-ignore

export const BINARY = new Set([
  '=',
  '==',
  '!=',
  '<',
  '>',
  '-eq',
  '-ne',
  '-lt',
  '-le',
  '-gt',
  '-ge',
  '-nt',
  '-ot',
  '-ef',
]);

/** Whether `op` is a unary primary (`-a` and `-o` only in `[[` and bash's test). */
export function isUnary(op: string): boolean {
  return UNARY.has(op) && op !== '-o' && op !== '-a';
}

export function fileTest(sh: Interp, op: string, arg: string): boolean {
  if (op === '-n') return arg !== '';
  if (op === '-z') return arg === '';
  if (op === '-t') {
    const t = sh.proc.terminal;
    if (!t) return false;
    if (arg === '0') return sh.cur.stdin === t.reader;
    if (arg === '1') return sh.cur.stdout === t.writer;
    if (arg === '2') return sh.cur.stderr === t.writer;
    return false;
  }
  if (op === '-v') return sh.state.vars.has(arg);
  if (arg === '') return false;
  const fs = sh.ctx.fs;
  const path = toAbsolute(sh.state.cwd, arg);
  if (op === '-L' || op === '-h') return fs.lstat(path)?.kind === 'symlink';
  const st = fs.stat(path);
  if (!st) return false;
  const user = sh.ctx.user;
  const bits = (shift: number) => {
    if (user.uid === 0) return shift === 0 ? (st.mode & 0o111) !== 0 || st.kind === 'dir' : true;
    const who = st.uid === user.uid ? 6 : st.gid === user.gid ? 3 : 0;
    return ((st.mode >> who) & (1 << shift)) !== 0;
  };
  switch (op) {
    case '-e':
    case '-a':
      return true;
    case '-f':
      return st.kind === 'file';
    case '-d':
      return st.kind === 'dir';
    case '-s':
      return st.size > 0;
    case '-r':
      return bits(2);
    case '-w':
      return bits(1);
    case '-x':
      return bits(0);
    case '-u':
      return (st.mode & 0o4000) !== 0;
    case '-g':
      return (st.mode & 0o2000) !== 0;
    case '-k':
      return (st.mode & 0o1000) !== 0;
    case '-O':
      return st.uid === user.uid;
    case '-G':
      return st.gid === user.gid;
    default:
      return false;
  }
}

/** A strict integer for test's -eq and friends; undefined when it is not one. */
export function parseInt64(s: string): bigint | undefined {
  const m = /^\s*([+-]?\d+)\s*$/.exec(s);
  return m ? BigInt(m[1]!) : undefined;
}

export function compareInts(op: string, a: bigint, b: bigint): boolean {
  switch (op) {
    case '-eq':
      return a === b;
    case '-ne':
      return a !== b;
    case '-lt':
      return a < b;
    case '-le':
      return a <= b;
    case '-gt':
      return a > b;
    default:
      return a >= b;
  }
}

export function compareFiles(sh: Interp, op: string, a: string, b: string): boolean {
  const fs = sh.ctx.fs;
  const sa = a ? fs.stat(toAbsolute(sh.state.cwd, a)) : undefined;
  const sb = b ? fs.stat(toAbsolute(sh.state.cwd, b)) : undefined;
  if (op === '-nt') return !!sa && (!sb || sa.mtime > sb.mtime);
  if (op === '-ot') return !!sb && (!sa || sa.mtime < sb.mtime);
  if (!sa || !sb) return false;
  try {
    return fs.realpath(toAbsolute(sh.state.cwd, a)) === fs.realpath(toAbsolute(sh.state.cwd, b));
  } catch {
    return false;
  }
}
