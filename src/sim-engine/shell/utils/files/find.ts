/**
 * find (GNU findutils and BusyBox): starting points, then an expression of tests
 * (-name -iname -path -type -maxdepth -mindepth -empty -newer -size -user -perm),
 * actions (-print -print0 -exec … \; and + -delete -prune -quit) and operators
 * (! -not -a -and -o -or, parentheses). Without an action, -print is implied.
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import type { Stat } from '../../../fs/types.ts';
import { busyboxUsage, progName, variantOf } from '../support/command.ts';
import { complain } from '../support/fail.ts';
import { fnmatch } from '../support/fnmatch.ts';
import { resolvePath } from '../support/io.ts';
import { userByName } from '../support/users.ts';
import { compileExpression, FindSyntaxError } from './find-expression.ts';
import type { Visit } from './find-expression.ts';

export interface FindState {
  ctx: ProcessContext;
  status: number;
  quit: boolean;
  /** batches for `-exec … {} +` */
  batches: Map<number, { argv: string[]; paths: string[] }>;
}

function* walk(
  ctx: ProcessContext,
  shown: string,
  path: string,
  depth: number,
  maxDepth: number,
  prune: Set<string>,
): Generator<Visit> {
  const st = ctx.fs.lstat(path);
  if (!st) return;
  yield { shown, path, st, depth };
  if (st.kind !== 'dir' || depth >= maxDepth || prune.has(path)) return;
  let names: string[];
  try {
    names = ctx.fs.readdir(path);
  } catch {
    return;
  }
  for (const name of names) {
    const child = shown.endsWith('/') ? shown + name : `${shown}/${name}`;
    yield* walk(ctx, child, path === '/' ? `/${name}` : `${path}/${name}`, depth + 1, maxDepth, prune);
  }
}

export const find: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const prog = progName(ctx, 'find');
  const busybox = variantOf(ctx) === 'busybox';
  let i = 0;
  while (i < args.length && (args[i] === '-H' || args[i] === '-L' || args[i] === '-P')) i++;
  const starts: string[] = [];
  while (i < args.length && !/^[-!(]/.test(args[i]!)) starts.push(args[i++]!);
  if (starts.length === 0) starts.push('.');
  let expr;
  try {
    expr = compileExpression(args.slice(i), {
      fnmatch,
      userId: (name) => userByName(ctx.fs, name)?.uid ?? (/^\d+$/.test(name) ? Number(name) : undefined),
      statOf: (p) => ctx.fs.stat(resolvePath(ctx.cwd, p)),
    });
  } catch (error) {
    if (!(error instanceof FindSyntaxError)) throw error;
    ctx.stderr.write(`${prog}: ${busybox ? error.busybox : error.gnu}\n`);
    if (busybox && error.busybox.startsWith('unrecognized')) return busyboxUsage(ctx, 'find');
    return 1;
  }
  const state: FindState = { ctx, status: 0, quit: false, batches: new Map() };
  for (const start of starts) {
    const path = resolvePath(ctx.cwd, start);
    if (!ctx.fs.lstat(path)) {
      complain(ctx, 'find', `'${start}': No such file or directory`, `${start}: No such file or directory`);
      state.status = 1;
      continue;
    }
    const prune = new Set<string>();
    const visits = [...walk(ctx, start, path, 0, expr.maxDepth, prune)];
    // -delete implies -depth: children before their directory
    const ordered = expr.depthFirst
      ? [...visits].sort((a, b) => b.depth - a.depth || (a.path < b.path ? -1 : 1))
      : visits;
    for (const visit of ordered) {
      if (state.quit) break;
      if (visit.depth < expr.minDepth) continue;
      if ([...prune].some((p) => visit.path.startsWith(p + '/'))) continue;
      const result = await expr.evaluate(visit, state);
      if (result.prune && visit.st.kind === 'dir') prune.add(visit.path);
      if (expr.implicitPrint && result.matched) ctx.stdout.write(visit.shown + '\n');
    }
  }
  for (const batch of state.batches.values()) {
    if (batch.paths.length === 0) continue;
    const child = ctx.spawn([...batch.argv, ...batch.paths], {
      stdin: ctx.stdin,
      stdout: ctx.stdout,
      stderr: ctx.stderr,
    });
    if ((await child.wait()) !== 0) state.status = 1;
  }
  return state.status;
};

export type { Stat };
