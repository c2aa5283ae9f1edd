/**
 * test and [ as external programs (/usr/bin/test, BusyBox's applets): the shells have
 * their own builtins; these run when invoked by path, from env, find -exec or xargs.
 * POSIX's rules by argument count, file tests, string and integer comparisons, !,
 * -a, -o and parentheses.
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { progName, variantOf } from '../support/command.ts';
import { resolvePath } from '../support/io.ts';

class TestError extends Error {}

function evaluate(ctx: ProcessContext, args: string[]): boolean {
  const busybox = variantOf(ctx) === 'busybox';
  const int = (s: string): number => {
    if (!/^\s*[+-]?\d+\s*$/.test(s))
      throw new TestError(busybox ? `${s}: bad number` : `invalid integer '${s}'`);
    return Number(s);
  };
  const file = (op: string, name: string): boolean => {
    const path = resolvePath(ctx.cwd, name);
    const st = op === '-L' || op === '-h' ? ctx.fs.lstat(path) : ctx.fs.stat(path);
    if (!st) return false;
    switch (op) {
      case '-e':
        return true;
      case '-f':
        return st.kind === 'file';
      case '-d':
        return st.kind === 'dir';
      case '-L':
      case '-h':
        return st.kind === 'symlink';
      case '-s':
        return st.size > 0;
      case '-r':
        return ctx.user.uid === 0 || (st.mode & 0o444) !== 0;
      case '-w':
        return ctx.user.uid === 0 || (st.mode & 0o222) !== 0;
      case '-x':
        return (st.mode & 0o111) !== 0 || (ctx.user.uid === 0 && st.kind === 'dir');
      default:
        return false;
    }
  };
  const UNARY = new Set([
    '-e',
    '-f',
    '-d',
    '-L',
    '-h',
    '-s',
    '-r',
    '-w',
    '-x',
    '-z',
    '-n',
    '-b',
    '-c',
    '-p',
    '-S',
    '-t',
    '-g',
    '-u',
    '-k',
    '-O',
    '-G',
  ]);
  const BINARY = new Set([
    '=',
    '==',
    '!=',
    '-eq',
    '-ne',
    '-lt',
    '-le',
    '-gt',
    '-ge',
    '<',
    '>',
    '-nt',
    '-ot',
    '-ef',
  ]);
  const binary = (a: string, op: string, b: string): boolean => {
    switch (op) {
      case '=':
      case '==':
        return a === b;
      case '!=':
        return a !== b;
      case '<':
        return a < b;
      case '>':
        return a > b;
      case '-eq':
        return int(a) === int(b);
      case '-ne':
        return int(a) !== int(b);
      case '-lt':
        return int(a) < int(b);
      case '-le':
        return int(a) <= int(b);
      case '-gt':
        return int(a) > int(b);
      case '-ge':
        return int(a) >= int(b);
      case '-nt':
      case '-ot': {
        const x = ctx.fs.stat(resolvePath(ctx.cwd, a))?.mtime ?? -Infinity;
        const y = ctx.fs.stat(resolvePath(ctx.cwd, b))?.mtime ?? -Infinity;
        return op === '-nt' ? x > y : x < y;
      }
      default:
        return resolvePath(ctx.cwd, a) === resolvePath(ctx.cwd, b);
    }
  };
  const unary = (op: string, a: string): boolean =>
    op === '-z' ? a === '' : op === '-n' ? a !== '' : op === '-t' ? ctx.tty : file(op, a);
  // POSIX: decide by the number of arguments
  const byCount = (a: string[]): boolean | undefined => {
    if (a.length === 0) return false;
    if (a.length === 1) return a[0] !== '';
    if (a.length === 2) {
      if (a[0] === '!') return a[1] === '';
      if (UNARY.has(a[0]!)) return unary(a[0]!, a[1]!);
      throw new TestError(busybox ? `${a[0]}: unknown operand` : `'${a[0]}': unary operator expected`);
    }
    if (a.length === 3) {
      if (BINARY.has(a[1]!)) return binary(a[0]!, a[1]!, a[2]!);
      if (a[0] === '!') return !byCount(a.slice(1))!;
      if (a[0] === '(' && a[2] === ')') return a[1] !== '';
      if (a[1] === '-a' || a[1] === '-o') return undefined;
      throw new TestError(busybox ? `${a[1]}: unknown operand` : `'${a[1]}': binary operator expected`);
    }
    if (a.length === 4 && a[0] === '!') return !byCount(a.slice(1))!;
    if (a.length === 4 && a[0] === '(' && a[3] === ')') return byCount(a.slice(1, 3));
    return undefined;
  };
  const direct = byCount(args);
  if (direct !== undefined) return direct;
  // longer expressions: -o binds looser than -a
  const orAt = args.indexOf('-o', 1);
  if (orAt > 0) return evaluate(ctx, args.slice(0, orAt)) || evaluate(ctx, args.slice(orAt + 1));
  const andAt = args.indexOf('-a', 1);
  if (andAt > 0) return evaluate(ctx, args.slice(0, andAt)) && evaluate(ctx, args.slice(andAt + 1));
  if (args[0] === '!') return !evaluate(ctx, args.slice(1));
  if (args[0] === '(' && args.at(-1) === ')') return evaluate(ctx, args.slice(1, -1));
  throw new TestError(busybox ? 'syntax error' : 'too many arguments');
}

export const test: Program = async (ctx) => {
  const name = progName(ctx, 'test');
  let args = ctx.argv.slice(1);
  const bracket = /(^|\/)\[$/.test(ctx.argv[0] ?? '');
  if (bracket) {
    if (args.at(-1) !== ']') {
      ctx.stderr.write(`${name}: missing ']'\n`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluate(ctx, args) ? 0 : 1;
  } catch (error) {
    if (!(error instanceof TestError)) throw error;
    ctx.stderr.write(`${name}: ${error.message}\n`);
    return 2;
  }
};
