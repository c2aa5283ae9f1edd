/**
 * A binary `go build` wrote (tag `go-app`): it runs the package compiled into it,
 * wherever it was copied (a scratch or alpine stage of a multi-stage build).
 */
import type { Program } from '../../../process/types.ts';
import { resolveExecutable } from '../../../process/resolve.ts';
import { compile, runMain } from './run.ts';
import type { GoSource } from './run.ts';

export const goApp: Program = async (ctx) => {
  const res = resolveExecutable(ctx.fs, ctx.argv[0] ?? '', ctx.env.get('PATH'), ctx.cwd);
  let payload: { sources: GoSource[] } | undefined;
  try {
    const text = res.ok ? ctx.fs.readFile(res.path) : '';
    payload = JSON.parse(text.slice(text.indexOf('\n') + 1)) as { sources: GoSource[] };
  } catch {
    payload = undefined;
  }
  if (!payload) {
    ctx.stderr.write(`${ctx.argv[0] ?? ''}: cannot execute binary file: Exec format error\n`);
    return 126;
  }
  const compiled = compile(ctx, payload.sources);
  if (!compiled.files) return 2;
  return runMain(ctx, payload.sources, compiled.files, [...ctx.argv]);
};
