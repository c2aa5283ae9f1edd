/**
 * Compiling and running a Go main package of the subset: parse, the compile checks,
 * then main() with Go's default signal handling; a panic prints Go's report
 * (`panic: …`, `goroutine 1 [running]:`, the frames) and ends the program with 2.
 */
import type { ProcessContext } from '../../../process/types.ts';
import { goDefaultSignals } from '../support/go-runtime.ts';
import { GoCompileError } from './ast.ts';
import type { GoFile } from './ast.ts';
import { check } from './check.ts';
import { GoInterp } from './interp.ts';
import { parseFile } from './parser.ts';
import { standardPackage } from './stdlib.ts';
import { GoError, GoExit, GoPanic } from './values.ts';
import type { GoPackage } from './values.ts';

export interface GoSource {
  /** the name errors show (`./main.go`) */
  name: string;
  /** the absolute path panics show */
  path: string;
  source: string;
}

/** The packages the subset implements (others are "not in std" here). */
export const STD = new Set([
  'fmt',
  'os',
  'log',
  'strings',
  'strconv',
  'time',
  'math',
  'math/rand',
  'errors',
  'io',
  'encoding/json',
  'sync',
  'net/http',
]);

/** Parse and check; the compile errors as gc prints them (at most 10), or the files. */
export function compile(
  ctx: ProcessContext,
  sources: GoSource[],
): { files: GoFile[]; errors?: undefined } | { errors: string[]; files?: undefined } {
  const files: GoFile[] = [];
  const errors: GoCompileError[] = [];
  for (const s of sources) {
    try {
      files.push(parseFile(s.source, s.name));
    } catch (e) {
      if (e instanceof GoCompileError) errors.push(e);
      else throw e;
    }
  }
  if (!errors.length) {
    const pkgs = packagesFor(ctx, [], () => {
      throw new Error('no interpreter during checks');
    });
    errors.push(...check(files, pkgs));
  }
  if (!errors.length) return { files };
  const lines = errors
    .slice(0, 10)
    .map((e) => (e.file ? `${e.file}:${e.pos.line}:${e.pos.col}: ${e.message}` : e.message));
  if (errors.length > 10)
    lines.push(`${errors[10]!.file}:${errors[10]!.pos.line}:${errors[10]!.pos.col}: too many errors`);
  return { errors: lines };
}

function packagesFor(
  ctx: ProcessContext,
  args: string[],
  interp: () => GoInterp,
): (path: string) => GoPackage | undefined {
  const cache = new Map<string, GoPackage | undefined>();
  return (path) => {
    if (!cache.has(path)) cache.set(path, standardPackage({ ctx, interp, args }, path));
    return cache.get(path);
  };
}

/** Run a compiled main package; resolves to the exit status. */
export async function runMain(
  ctx: ProcessContext,
  sources: GoSource[],
  files: GoFile[],
  args: string[],
): Promise<number> {
  const holder: { interp?: GoInterp } = {};
  const packages = packagesFor(ctx, args, () => holder.interp!);
  const interp = (holder.interp = new GoInterp(
    files,
    new Map(sources.map((s) => [s.name, s.path])),
    packages,
  ));
  goDefaultSignals(ctx);
  let failed: (e: unknown) => void = () => {};
  const goroutineFailure = new Promise<never>((_, reject) => (failed = reject));
  goroutineFailure.catch(() => undefined);
  interp.onGoroutineError = (e) => failed(e);
  try {
    await Promise.race([
      (async () => {
        await interp.init();
        await interp.callMain();
      })(),
      goroutineFailure,
    ]);
    return 0;
  } catch (e) {
    if (e instanceof GoExit) return e.code;
    if (e instanceof GoPanic) {
      const v =
        e.value instanceof GoError
          ? e.value.Error()
          : typeof e.value === 'string'
            ? e.value
            : String(e.value);
      const frames = e.trace
        .map((f) => `${f.name}(${f.params ? '...' : ''})\n\t${f.file}:${f.line} +0x1d`)
        .join('\n');
      const suffix = v.includes('nil pointer dereference')
        ? '\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x48f2b5]'
        : '';
      ctx.stderr.write(`panic: ${v}${suffix}\n\ngoroutine 1 [running]:\n${frames}\n`);
      return 2;
    }
    throw e;
  }
}
