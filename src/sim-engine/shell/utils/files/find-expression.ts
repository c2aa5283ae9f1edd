/**
 * find's expression language, compiled once to a tree and evaluated per file.
 * Precedence: `!` binds tightest, then `-a` (also implied by juxtaposition), then `-o`.
 */
import type { Stat } from '../../../fs/types.ts';
import type { FindState } from './find.ts';

export interface Visit {
  /** the path as find prints it (starting point + relative path) */
  shown: string;
  path: string;
  st: Stat;
  depth: number;
}

export interface Result {
  matched: boolean;
  prune: boolean;
}

type Node = (visit: Visit, state: FindState) => Promise<Result> | Result;

export class FindSyntaxError extends Error {
  readonly gnu: string;
  readonly busybox: string;
  constructor(gnu: string, busybox: string) {
    super(gnu);
    this.gnu = gnu;
    this.busybox = busybox;
  }
}

export interface Helpers {
  fnmatch(pattern: string, name: string, ignoreCase?: boolean): boolean;
  userId(name: string): number | undefined;
  statOf(path: string): Stat | undefined;
}

export interface Compiled {
  evaluate: Node;
  maxDepth: number;
  minDepth: number;
  depthFirst: boolean;
  implicitPrint: boolean;
}

const yes = (matched: boolean): Result => ({ matched, prune: false });

function baseOf(shown: string): string {
  const trimmed = shown.length > 1 ? shown.replace(/\/+$/, '') : shown;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1) || trimmed;
}

function compareNumber(spec: string, value: number, unit = 1): boolean {
  const n = Number(spec.replace(/^[+-]/, '')) * unit;
  if (spec.startsWith('+')) return value > n;
  if (spec.startsWith('-')) return value < n;
  return value === n;
}

export function compileExpression(tokens: string[], helpers: Helpers): Compiled {
  let pos = 0;
  const compiled: Compiled = {
    evaluate: () => yes(true),
    maxDepth: Infinity,
    minDepth: 0,
    depthFirst: false,
    implicitPrint: true,
  };
  const need = (name: string): string => {
    const value = tokens[pos++];
    if (value === undefined)
      throw new FindSyntaxError(`missing argument to \`${name}'`, `${name} requires an argument`);
    return value;
  };

  const primary = (): Node => {
    const tok = tokens[pos++]!;
    switch (tok) {
      case '(': {
        const inner = or();
        if (tokens[pos++] !== ')')
          throw new FindSyntaxError(
            "invalid expression; I was expecting to find a ')' somewhere but did not see one.",
            'unrecognized: (',
          );
        return inner;
      }
      case '-name':
      case '-iname': {
        const pattern = need(tok);
        return (v) => yes(helpers.fnmatch(pattern, baseOf(v.shown), tok === '-iname'));
      }
      case '-path':
      case '-wholename':
      case '-ipath': {
        const pattern = need(tok);
        return (v) => yes(helpers.fnmatch(pattern, v.shown, tok === '-ipath'));
      }
      case '-type': {
        const type = need(tok);
        if (!/^[fdlbcsp](,[fdlbcsp])*$/.test(type))
          throw new FindSyntaxError(
            `invalid argument '${type}' to '-type'`,
            `Unknown argument to -type: ${type}`,
          );
        return (v) =>
          yes(type.split(',').includes(v.st.kind === 'dir' ? 'd' : v.st.kind === 'symlink' ? 'l' : 'f'));
      }
      case '-maxdepth':
      case '-mindepth': {
        const value = need(tok);
        if (!/^\d+$/.test(value))
          throw new FindSyntaxError(
            `Expected a positive decimal integer argument to ${tok}, but got '${value}'`,
            `invalid number '${value}'`,
          );
        if (tok === '-maxdepth') compiled.maxDepth = Number(value);
        else compiled.minDepth = Number(value);
        return () => yes(true);
      }
      case '-depth':
        compiled.depthFirst = true;
        return () => yes(true);
      case '-empty':
        return (v, s) =>
          yes(
            v.st.kind === 'dir'
              ? s.ctx.fs.readdir(v.path).length === 0
              : v.st.kind === 'file' && v.st.size === 0,
          );
      case '-executable':
        return (v) => yes(v.st.kind !== 'symlink' && (v.st.mode & 0o111) !== 0);
      case '-newer': {
        const ref = need(tok);
        const st = helpers.statOf(ref);
        if (!st)
          throw new FindSyntaxError(
            `'${ref}': No such file or directory`,
            `${ref}: No such file or directory`,
          );
        return (v) => yes(v.st.mtime > st.mtime);
      }
      case '-size': {
        const spec = need(tok);
        const m = /^([+-]?\d+)([bckwMG]?)$/.exec(spec);
        if (!m) throw new FindSyntaxError(`invalid -size type '${spec}'`, `invalid number '${spec}'`);
        const unit = { '': 512, b: 512, c: 1, w: 2, k: 1024, M: 1048576, G: 1073741824 }[m[2]!]!;
        // sizes round up to whole units, as find compares them
        return (v) => yes(compareNumber(m[1]!, Math.ceil(v.st.size / unit)));
      }
      case '-mtime':
      case '-mmin': {
        const spec = need(tok);
        const unit = tok === '-mtime' ? 86400000 : 60000;
        return (v, s) => yes(compareNumber(spec, Math.floor((s.ctx.now() - v.st.mtime) / unit)));
      }
      case '-user':
      case '-uid': {
        const name = need(tok);
        const uid = helpers.userId(name);
        if (uid === undefined)
          throw new FindSyntaxError(`'${name}' is not the name of a known user`, `unknown user '${name}'`);
        return (v) => yes(v.st.uid === uid);
      }
      case '-perm': {
        const spec = need(tok);
        const mode = parseInt(spec.replace(/^[-/+]/, ''), 8);
        if (Number.isNaN(mode)) throw new FindSyntaxError(`invalid mode '${spec}'`, `invalid mode '${spec}'`);
        return (v) => {
          const m = v.st.mode & 0o7777;
          if (spec.startsWith('-')) return yes((m & mode) === mode);
          if (spec.startsWith('/') || spec.startsWith('+')) return yes(mode === 0 || (m & mode) !== 0);
          return yes(m === mode);
        };
      }
      case '-true':
        return () => yes(true);
      case '-false':
        return () => yes(false);
      case '-print':
      case '-print0': {
        compiled.implicitPrint = false;
        const end = tok === '-print' ? '\n' : '\0';
        return (v, s) => {
          s.ctx.stdout.write(v.shown + end);
          return yes(true);
        };
      }
      case '-prune':
        return () => ({ matched: true, prune: true });
      case '-quit':
        return (_v, s) => {
          s.quit = true;
          return yes(true);
        };
      case '-delete':
        compiled.implicitPrint = false;
        compiled.depthFirst = true;
        return (v, s) => {
          try {
            s.ctx.fs.rm(v.path);
            return yes(true);
          } catch {
            s.ctx.stderr.write(`find: cannot delete '${v.shown}': Directory not empty\n`);
            s.status = 1;
            return yes(false);
          }
        };
      case '-exec':
      case '-ok': {
        compiled.implicitPrint = false;
        const argv: string[] = [];
        let terminator: string | undefined;
        while (pos < tokens.length) {
          const t = tokens[pos++]!;
          if (t === ';' || (t === '+' && argv.at(-1) === '{}')) {
            terminator = t;
            break;
          }
          argv.push(t);
        }
        if (terminator === undefined || argv.length === 0)
          throw new FindSyntaxError(`missing argument to \`${tok}'`, `${tok} requires an argument`);
        if (terminator === '+') {
          const id = pos;
          const fixed = argv.slice(0, -1);
          return (v, s) => {
            const batch = s.batches.get(id) ?? { argv: fixed, paths: [] };
            batch.paths.push(v.shown);
            s.batches.set(id, batch);
            return yes(true);
          };
        }
        return async (v, s) => {
          const child = s.ctx.spawn(
            argv.map((a) => a.replaceAll('{}', v.shown)),
            { stdin: s.ctx.stdin, stdout: s.ctx.stdout, stderr: s.ctx.stderr },
          );
          return yes((await child.wait()) === 0);
        };
      }
      default:
        if (tok.startsWith('-'))
          throw new FindSyntaxError(`unknown predicate \`${tok}'`, `unrecognized: ${tok}`);
        throw new FindSyntaxError(`paths must precede expression: \`${tok}'`, `unrecognized: ${tok}`);
    }
  };

  const unary = (): Node => {
    const tok = tokens[pos];
    if (tok === '!' || tok === '-not') {
      pos++;
      const inner = unary();
      return async (v, s) => {
        const r = await inner(v, s);
        return { matched: !r.matched, prune: r.prune };
      };
    }
    return primary();
  };

  const and = (): Node => {
    let left = unary();
    while (
      pos < tokens.length &&
      tokens[pos] !== '-o' &&
      tokens[pos] !== '-or' &&
      tokens[pos] !== ')' &&
      tokens[pos] !== ','
    ) {
      if (tokens[pos] === '-a' || tokens[pos] === '-and') pos++;
      const l = left;
      const right = unary();
      left = async (v, s) => {
        const a = await l(v, s);
        if (!a.matched) return a;
        const b = await right(v, s);
        return { matched: b.matched, prune: a.prune || b.prune };
      };
    }
    return left;
  };

  const or = (): Node => {
    let left = and();
    while (tokens[pos] === '-o' || tokens[pos] === '-or') {
      pos++;
      const l = left;
      const right = and();
      left = async (v, s) => {
        const a = await l(v, s);
        if (a.matched) return a;
        const b = await right(v, s);
        return { matched: b.matched, prune: a.prune || b.prune };
      };
    }
    return left;
  };

  if (tokens.length > 0) {
    compiled.evaluate = or();
    if (pos < tokens.length) {
      throw new FindSyntaxError(
        `unexpected extra predicate '${tokens[pos]}'`,
        `unrecognized: ${tokens[pos]}`,
      );
    }
  }
  return compiled;
}
