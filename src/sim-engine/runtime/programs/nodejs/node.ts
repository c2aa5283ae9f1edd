/**
 * node (the images' /usr/local/bin/node): `--version`, `-e`/`-p`, a script file (with
 * require/import of files, built-ins and installed packages), a script on stdin, or
 * the `> ` REPL on a terminal — running the JavaScript subset of this folder:
 *
 * - syntax: let/const/var, functions, arrows, classes (extends, super, fields),
 *   destructuring, spread, template literals, optional chaining, ??, async/await,
 *   try/catch/finally, for/for…of/for…in/while/switch, require and ES import/export;
 * - globals: console, process, timers, JSON, Math, Object/Array/String/Number
 *   helpers, Map, Set, Promise, Date (on the virtual clock), the Error types;
 * - modules: fs (text only), path, os, util, events, crypto (randomUUID), http
 *   (createServer/listen), and once npm installed them express, body-parser, cors,
 *   dotenv, morgan, redis.
 *
 * Knowingly not: generators, getters/setters defined in scripts, labelled loops,
 * regular-expression lookbehind beyond the host's, Buffers and streams, child
 * processes, most of the standard library. Stacks name the script's line and
 * column once, then node's own frames of the image's major version.
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { LineReader, readAll } from '../../../process/streams.ts';
import { normalize } from './builtins.ts';
import { installGlobals } from './globals.ts';
import { JsInterp, Scope } from './interp.ts';
import { JsSyntaxError } from './lexer.ts';
import { Loader, ModuleSyntaxError } from './loader.ts';
import { parseProgram } from './parser.ts';
import { makeProcess, ProcessExit } from './process.ts';
import { NodeRuntime } from './runtime.ts';
import { framesFor, loaderHeader, notFoundStack } from './stacks.ts';
import { inspect, JsObject, JsThrow } from './values.ts';
import type { JsValue } from './values.ts';

export const nodeVersion = (ctx: ProcessContext) => ctx.env.get('NODE_VERSION') ?? '20.20.2';

const USAGE = `Usage: node [options] [ script.js ] [arguments]
       node inspect [options] [ script.js | host:port ] [arguments]

Options:
  -                           script read from stdin (default if no
                              file name is provided, interactive mode
                              if a tty)
  --                          indicate the end of node options
  -e, --eval=...              evaluate script
  -h, --help                  print node command line options (currently
                              set)
  -i, --interactive           always enter the REPL even if stdin does
                              not appear to be a terminal
  -p, --print [...]           evaluate script and print result
  -v, --version               print Node.js version

Documentation can be found at https://nodejs.org/
`;

const PROMISE_HEADER =
  'node:internal/process/promises:394\n    triggerUncaughtException(err, true /* fromPromise */);\n    ^\n\n';

export const node: Program = async (ctx) => {
  const version = nodeVersion(ctx);
  const args = ctx.argv.slice(1);
  let mode: 'script' | 'eval' | 'print' | 'repl' = 'script';
  let code = '';
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-v' || a === '--version') {
      ctx.stdout.write(`v${version}\n`);
      return 0;
    }
    if (a === '-h' || a === '--help') {
      ctx.stdout.write(USAGE);
      return 0;
    }
    if (a === '-e' || a === '--eval' || a === '-p' || a === '--print') {
      mode = a.includes('p') && a !== '--eval' ? 'print' : 'eval';
      code = args[++i] ?? '';
      i++;
      break;
    }
    if (a.startsWith('--eval=') || a.startsWith('--print=')) {
      mode = a.startsWith('--print') ? 'print' : 'eval';
      code = a.slice(a.indexOf('=') + 1);
      i++;
      break;
    }
    if (a === '-i' || a === '--interactive') mode = 'repl';
    else if (a === '--') {
      i++;
      break;
    } else if (a === '-r' || a === '--require') i++;
    else if (!a.startsWith('-') || a === '-') break;
  }
  const script = mode === 'script' ? args[i] : undefined;
  const rest = args.slice(mode === 'script' ? i + 1 : i);
  if (mode === 'script' && script === undefined && ctx.tty) mode = 'repl';

  const rt = new NodeRuntime(ctx, version);
  const write = (text: string, err: boolean) => (err ? ctx.stderr : ctx.stdout).write(text);
  installGlobals(rt, write);
  const loader = new Loader(rt);
  const main =
    script === undefined || script === '-'
      ? undefined
      : normalize(script.startsWith('/') ? script : `${ctx.cwd}/${script}`).replace(/(.)\/$/, '$1');
  const { process, hooks } = makeProcess(
    rt,
    ['/usr/local/bin/node', ...(main ? [main] : []), ...rest],
    write,
  );
  rt.realm.globals.vars.set('process', { v: process, kind: 'var' });

  let finish: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => (finish = resolve));
  let finished = false;
  const end = async (status: number) => {
    if (finished) return;
    finished = true;
    for (const fn of hooks.exitListeners) await rt.invoke(fn, process, [status]);
    finish(status);
  };
  const report = (e: JsThrow, fromPromise = false) => {
    const v = e.value;
    const isError = v instanceof JsObject && typeof v.get('stack') === 'string';
    let head = '';
    if ((e as JsThrow & { fromLoader?: boolean }).fromLoader) head = loaderHeader(version);
    else if (fromPromise && !(isError && e.loc?.file)) head = PROMISE_HEADER;
    else if (e.loc?.file) {
      const source = e.loc.file === '[eval]' ? code : loader.sources.get(e.loc.file);
      const text = source?.split('\n')[e.loc.line - 1];
      if (text !== undefined)
        head = `${e.loc.file}:${e.loc.line}\n${text}\n${' '.repeat(Math.max(0, e.loc.col - 1))}^\n${isError ? '\n' : ''}`;
    }
    if (!isError && fromPromise) {
      const reason = typeof v === 'string' ? v : inspect(v, 1);
      ctx.stderr.write(
        `${PROMISE_HEADER}[UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "${reason}".] {\n  code: 'ERR_UNHANDLED_REJECTION'\n}\n\nNode.js v${version}\n`,
      );
      return;
    }
    const shown = isError
      ? inspect(v)
      : `${inspect(v, 1)}\n(Use \`node --trace-uncaught ...\` to show where the exception was thrown)`;
    ctx.stderr.write(`${head}${shown}\n\nNode.js v${version}\n`);
  };
  const uncaught = (e: JsThrow, fromPromise = false) => {
    if (hooks.uncaughtListeners.length) {
      for (const fn of hooks.uncaughtListeners) void rt.invoke(fn, process, [e.value]);
      return;
    }
    report(e, fromPromise);
    void end(1);
  };
  rt.onUncaught = (e) => uncaught(e);
  rt.onExit = (status) => void end(status);
  rt.realm.unhandled = (p, e) => {
    if (!(e instanceof JsThrow)) return;
    const release = rt.hold();
    void ctx.sleep(1).then(() => {
      if (!p.handled) uncaught(e, true);
      release();
    });
  };

  const run = async (body: () => Promise<void>) => {
    try {
      await body();
    } catch (e) {
      if (e instanceof ProcessExit) return end(e.code);
      if (e instanceof JsThrow) return uncaught(e);
      if (e instanceof ModuleSyntaxError) return syntaxError(e.file, e.source, e.error);
      if (e instanceof JsSyntaxError) return syntaxError('[eval]', code, e);
      throw e;
    }
    await rt.idle();
    await end(Number(process.get('exitCode') ?? 0));
  };
  const syntaxError = (file: string, source: string, e: JsSyntaxError) => {
    const text = source.split('\n')[e.line - 1] ?? '';
    const frames = file === '[eval]' ? framesFor(version).evalString : framesFor(version).main;
    ctx.stderr.write(
      `${file}:${e.line}\n${text}\n${' '.repeat(Math.max(0, e.col - 1))}^\n\nSyntaxError: ${e.message}\n${[
        'wrapSafe (node:internal/modules/cjs/loader:1378:20)',
        ...frames,
      ]
        .slice(0, 10)
        .map((f) => `    at ${f}`)
        .join('\n')}\n\nNode.js v${version}\n`,
    );
    void end(1);
  };

  if (mode === 'eval' || mode === 'print') {
    void run(() => evalString(rt, loader, code, mode === 'print'));
    return done;
  }
  if (mode === 'repl') return repl(rt, loader);
  if (main === undefined) {
    const source = await readAll(ctx.stdin);
    code = source;
    void run(() => evalString(rt, loader, source, false, '[stdin]'));
    return done;
  }
  const resolved = loader.resolve(main, ctx.cwd);
  if (!resolved || resolved.kind !== 'file') {
    ctx.stderr.write(
      `${loaderHeader(version)}${notFoundStack(main, [], version)} {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v${version}\n`,
    );
    return 1;
  }
  void run(async () => {
    await loader.run(resolved.path, [], true);
  });
  return done;
};

/** Run `-e`/`-p`/stdin code as the [eval] module; print the last value for -p. */
async function evalString(
  rt: NodeRuntime,
  loader: Loader,
  code: string,
  print: boolean,
  file = '[eval]',
): Promise<void> {
  const body = parseProgram(code);
  const interp = new JsInterp(rt.realm, file);
  interp.internalFrames = framesFor(rt.version).evalString;
  rt.interp = interp;
  const scope = new Scope(rt.realm.globals, true);
  scope.vars.set('require', { v: loader.requireFor(file, []), kind: 'var' });
  const last = body[body.length - 1];
  interp.hoist(body, scope);
  for (const s of print ? body.slice(0, -1) : body) await interp.exec(s, scope);
  if (print && last) {
    const v: JsValue =
      last.k === 'expr' ? await interp.eval(last.e, scope) : (await interp.exec(last, scope), undefined);
    rt.ctx.stdout.write(`${inspect(v)}\n`);
  }
}

const COLORS = (v: JsValue): string => {
  const text = inspect(v, 1);
  if (typeof v === 'number' || typeof v === 'boolean') return `\x1b[33m${text}\x1b[39m`;
  if (typeof v === 'string') return `\x1b[32m${text}\x1b[39m`;
  if (v === undefined) return `\x1b[90m${text}\x1b[39m`;
  if (v === null) return `\x1b[1m${text}\x1b[22m`;
  return text;
};

/** The REPL: `> ` and `... ` prompts, the value of each line, .exit / Ctrl-D. */
async function repl(rt: NodeRuntime, loader: Loader): Promise<number> {
  const { ctx } = rt;
  ctx.stdout.write(`Welcome to Node.js v${rt.version}.\nType ".help" for more information.\n`);
  const interp = new JsInterp(rt.realm, 'REPL1');
  rt.interp = interp;
  const scope = new Scope(rt.realm.globals, true);
  scope.vars.set('require', { v: loader.requireFor(`${ctx.cwd}/[repl]`, []), kind: 'var' });
  const reader = new LineReader(ctx.stdin);
  let exitCode: number | undefined;
  rt.onExit = (code) => (exitCode = code);
  rt.onUncaught = (e) => ctx.stdout.write(`Uncaught ${inspect(e.value, 1)}\n`);
  for (let n = 1; exitCode === undefined; n++) {
    ctx.stdout.write('> ');
    let source = await reader.readLine();
    if (source === null) return 0;
    if (source.trim() === '.exit') return 0;
    if (source.trim() === '.help') {
      ctx.stdout.write(
        '.break    Sometimes you get stuck, this gets you out\n.clear    Alias for .break\n.editor   Enter editor mode\n.exit     Exit the REPL\n.help     Print this help message\n.load     Load JS from a file into the REPL session\n.save     Save all evaluated commands in this REPL session to a file\n\nPress Ctrl+C to abort current expression, Ctrl+D to exit the REPL\n',
      );
      continue;
    }
    let body;
    for (;;) {
      try {
        body = parseProgram(source);
        break;
      } catch (e) {
        if (!(e instanceof JsSyntaxError)) throw e;
        if (!/end of input/.test(e.message)) {
          ctx.stdout.write(`Uncaught SyntaxError: ${e.message}\n`);
          body = undefined;
          break;
        }
        ctx.stdout.write('... ');
        const more = await reader.readLine();
        if (more === null) return 0;
        source += `\n${more}`;
      }
    }
    if (!body) continue;
    try {
      interp.hoist(body, scope);
      let v: JsValue;
      for (const s of body) {
        if (s.k === 'expr') v = await interp.eval(s.e, scope);
        else {
          await interp.exec(s, scope);
          v = undefined;
        }
      }
      ctx.stdout.write(`${COLORS(v)}\n`);
    } catch (e) {
      if (e instanceof ProcessExit) return e.code;
      if (!(e instanceof JsThrow)) throw e;
      const shown =
        e.value instanceof JsObject && typeof e.value.get('stack') === 'string'
          ? (e.value.get('stack') as string).split('\n')[0]!
          : inspect(e.value, 1);
      ctx.stdout.write(`Uncaught ${shown}\n`);
    }
    void n;
  }
  return exitCode;
}
