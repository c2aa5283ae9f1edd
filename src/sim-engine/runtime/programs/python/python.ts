/**
 * python3 (the images' /usr/local/bin/python3.X): `--version`, `-c`, `-m` (pip,
 * http.server, flask), a script file, a script on stdin, or the `>>> ` prompt on a
 * terminal — running the honest subset of Python this folder implements:
 *
 * - statements: assignment (tuple unpacking, augmented), if/elif/else, while, for,
 *   def (defaults, *args, **kwargs, decorators), class (methods, inheritance),
 *   try/except/else/finally, raise, with, import/from, return, break, continue, pass,
 *   global, assert, del;
 * - expressions: int (arbitrary precision), float, str (f-strings, %, .format),
 *   bool, None, list/tuple/dict/set with comprehensions, slicing, lambda, the usual
 *   operators; the common builtins and str/list/dict methods;
 * - modules: os, sys, time, datetime, socket, platform, math, random, json, logging;
 *   flask, redis and requests once pip-installed; http.server via -m.
 *
 * Knowingly not: generators (yield), async/await, bytes (b'' is str), decorators with
 * arguments beyond Flask's, most of the standard library. Tracebacks name the file,
 * line and function but show no carets.
 */
import type { Program } from '../../../process/types.ts';
import { LineReader, readAll } from '../../../process/streams.ts';
import { PySyntaxError } from './lexer.ts';
import { parseModule } from './parser.ts';
import { pip } from './pip.ts';
import { flaskCli } from './flask-cli.ts';
import { PythonProcess, pythonVersion } from './runtime.ts';
import { PyError, PyInstance, repr, str } from './values.ts';
import { httpServer } from './web.ts';
import { derive } from '../support/exec.ts';

export const python3: Program = async (ctx) => {
  if (ctx.variant === 'flask') return flaskCli(ctx);
  const version = pythonVersion(ctx);
  const args = ctx.argv.slice(1);
  let unbuffered = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-V' || a === '--version') {
      ctx.stdout.write(`Python ${version}\n`);
      return 0;
    }
    if (a === '-VV') {
      ctx.stdout.write(`Python ${version} (main, Aug  5 2026, 01:10:20) [GCC 14.2.0]\n`);
      return 0;
    }
    if (a === '-u') unbuffered = true;
    else if (['-B', '-E', '-s', '-S', '-O', '-OO', '-q', '-I'].includes(a)) continue;
    else if (a === '-W' || a === '-X') i++;
    else break;
  }
  const rest = args.slice(i);
  const first = rest[0];
  if (first === '-m') {
    const module = rest[1];
    if (module === 'pip') return pip(derive(ctx, { argv: ['pip', ...rest.slice(2)] }));
    if (module === 'flask') return flaskCli(derive(ctx, { argv: ['flask', ...rest.slice(2)] }));
    const proc = new PythonProcess(ctx, {
      unbuffered,
      argv: [module ?? '', ...rest.slice(2)],
      scriptDir: ctx.cwd,
    });
    if (module === 'http.server')
      return finish(proc, () => httpServer(proc.host, rest.slice(2)).then(() => undefined));
    ctx.stderr.write(`/usr/local/bin/python3: No module named ${module}\n`);
    return 1;
  }
  if (first === '-c') {
    const proc = new PythonProcess(ctx, { unbuffered, argv: ['-c', ...rest.slice(2)], scriptDir: ctx.cwd });
    return finish(proc, () => proc.runMain(rest[1] ?? '', '<string>').then(() => undefined));
  }
  if (first !== undefined && first !== '-') {
    const path = first.startsWith('/') ? first : `${ctx.cwd === '/' ? '' : ctx.cwd}/${first}`;
    let source: string;
    try {
      source = ctx.fs.readFile(path);
    } catch {
      ctx.stderr.write(`${ctx.argv[0]}: can't open file '${path}': [Errno 2] No such file or directory\n`);
      return 2;
    }
    const proc = new PythonProcess(ctx, {
      unbuffered,
      argv: rest,
      scriptDir: path.slice(0, path.lastIndexOf('/')) || '/',
    });
    return finish(proc, () => proc.runMain(source, path).then(() => undefined));
  }
  const proc = new PythonProcess(ctx, { unbuffered, argv: [''], scriptDir: ctx.cwd });
  if (ctx.tty && first === undefined) return repl(proc);
  return finish(proc, async () => {
    await proc.runMain(await readAll(ctx.stdin), '<stdin>');
  });
};

/** Run, then report what ended the program as CPython does; flush stdout last. */
async function finish(proc: PythonProcess, run: () => Promise<void>): Promise<number> {
  const { ctx } = proc;
  try {
    await run();
    return 0;
  } catch (error) {
    if (error instanceof PySyntaxError) {
      proc.flush();
      ctx.stderr.write(
        `  File "${proc.interp.file}", line ${error.line}\n    ${error.text.trim()}\nSyntaxError: ${error.message}\n`,
      );
      return 1;
    }
    if (!(error instanceof PyError)) throw error;
    const name = error.exc.cls.name;
    if (name === 'SystemExit') {
      const code = error.exc.attrs.get('code') ?? null;
      if (code === null) return 0;
      if (typeof code === 'bigint') return Number(code);
      proc.flush();
      ctx.stderr.write(`${str(code)}\n`);
      return 1;
    }
    proc.flush();
    ctx.stderr.write(proc.interp.traceback(error));
    return name === 'KeyboardInterrupt' ? 130 : 1;
  } finally {
    proc.flush();
  }
}

async function repl(proc: PythonProcess): Promise<number> {
  const { ctx } = proc;
  ctx.stdout.write(
    `Python ${proc.version} (main, Aug  5 2026, 01:10:20) [GCC 14.2.0] on linux\nType "help", "copyright", "credits" or "license" for more information.\n`,
  );
  const scope = await proc.runMain('', '<stdin>');
  const reader = new LineReader(ctx.stdin);
  for (;;) {
    ctx.stdout.write('>>> ');
    let source = await reader.readLine();
    if (source === null) return 0;
    if (/:\s*$/.test(source)) {
      for (;;) {
        ctx.stdout.write('... ');
        const more = await reader.readLine();
        if (more === null || more.trim() === '') break;
        source += `\n${more}`;
      }
    }
    if (source.trim() === '') continue;
    try {
      const stmts = parseModule(source);
      for (const s of stmts) {
        if (s.k === 'expr') {
          const v = await proc.interp.eval(s.e, scope);
          if (v !== null)
            ctx.stdout.write(`${v instanceof PyInstance ? await proc.interp.str(v) : repr(v)}\n`);
        } else await proc.interp.exec(s, scope);
      }
    } catch (error) {
      if (error instanceof PySyntaxError)
        ctx.stderr.write(
          `  File "<stdin>", line ${error.line}\n    ${error.text.trim()}\nSyntaxError: ${error.message}\n`,
        );
      else if (error instanceof PyError) {
        if (error.exc.cls.name === 'SystemExit') {
          const code = error.exc.attrs.get('code') ?? null;
          return typeof code === 'bigint' ? Number(code) : 0;
        }
        ctx.stderr.write(
          proc.interp
            .traceback(error)
            .replace(/File "[^"]*", line (\d+), in <module>/g, 'File "<stdin>", line $1, in <module>'),
        );
      } else throw error;
    }
  }
}
