/**
 * node's module loader for the subset: `require(x)` and `import … from x` resolve a
 * built-in (`fs`, `node:path`…), a relative or absolute file (x, x.js, x.json,
 * x/index.js, a package.json's main) or a package in the node_modules folders from the
 * requiring file's folder up to `/`. An installed package with a native
 * implementation (natives.ts) is that implementation; another package runs its main
 * file. Modules are cached by path; each file runs in its own scope with module,
 * exports, require, __filename and __dirname. A missing module throws node's
 * MODULE_NOT_FOUND error, with the require stack.
 */
import { JsSyntaxError } from './lexer.ts';
import { builtinModule, dirname, normalize } from './builtins.ts';
import { fromHost } from './globals.ts';
import { JsInterp, Scope } from './interp.ts';
import { nativePackage } from './natives.ts';
import { parseProgram } from './parser.ts';
import type { NodeRuntime } from './runtime.ts';
import { framesFor, notFoundStack } from './stacks.ts';
import { JsThrow, toStr } from './values.ts';
import type { JsValue, JsObject } from './values.ts';

const BUILTINS = new Set([
  'fs',
  'fs/promises',
  'path',
  'os',
  'util',
  'events',
  'crypto',
  'http',
  'process',
  'timers',
  'assert',
]);

type Resolved =
  { kind: 'builtin'; name: string } | { kind: 'native'; name: string } | { kind: 'file'; path: string };

/** A syntax error in a file, reported as node does. */
export class ModuleSyntaxError extends Error {
  readonly file: string;
  readonly source: string;
  readonly error: JsSyntaxError;
  constructor(file: string, source: string, error: JsSyntaxError) {
    super(error.message);
    this.file = file;
    this.source = source;
    this.error = error;
  }
}

export class Loader {
  readonly rt: NodeRuntime;
  readonly #cache = new Map<string, JsObject>();
  readonly #natives = new Map<string, JsValue>();
  /** the source of each file run, for the uncaught-exception report */
  readonly sources = new Map<string, string>();

  constructor(rt: NodeRuntime) {
    this.rt = rt;
  }

  #file(path: string): string | undefined {
    const { fs } = this.rt.ctx;
    for (const p of [path, `${path}.js`, `${path}.json`, `${path}.cjs`, `${path}.mjs`])
      if (fs.stat(p)?.kind === 'file') return p;
    if (fs.stat(path)?.kind === 'dir') {
      try {
        const main = JSON.parse(fs.readFile(`${path}/package.json`)) as { main?: string };
        if (main.main) {
          const m = this.#file(normalize(`${path}/${main.main}`));
          if (m) return m;
        }
      } catch {
        // no package.json or no main: index.js
      }
      for (const p of [`${path}/index.js`, `${path}/index.json`]) if (fs.stat(p)?.kind === 'file') return p;
    }
    return undefined;
  }

  resolve(request: string, fromDir: string): Resolved | undefined {
    if (request.startsWith('node:') || BUILTINS.has(request)) {
      const name = request.replace(/^node:/, '');
      return BUILTINS.has(name) ? { kind: 'builtin', name } : undefined;
    }
    if (/^\.{0,2}\//.test(request) || request === '.' || request === '..') {
      const path = this.#file(normalize(request.startsWith('/') ? request : `${fromDir}/${request}`));
      return path ? { kind: 'file', path } : undefined;
    }
    const pkg = request.startsWith('@') ? request.split('/').slice(0, 2).join('/') : request.split('/')[0]!;
    for (let dir = fromDir; ; dir = dirname(dir)) {
      const root = `${dir === '/' ? '' : dir}/node_modules/${pkg}`;
      if (this.rt.ctx.fs.stat(`${root}/package.json`)?.kind === 'file') {
        if (request === pkg && nativePackage(this.rt, pkg) !== undefined)
          return { kind: 'native', name: pkg };
        const path = this.#file(`${root}${request.slice(pkg.length)}`);
        if (path) return { kind: 'file', path };
      }
      if (dir === '/') return undefined;
    }
  }

  /** The `require` function of the module at `file`. */
  requireFor(file: string, parents: string[]): JsValue {
    const fn = this.rt.fn('require', async (_t, [request]) => this.require(toStr(request), file, parents));
    fn.props.set(
      'resolve',
      this.rt.fn('resolve', (_t, [request]) => {
        const r = this.resolve(toStr(request), dirname(file));
        return r?.kind === 'file' ? r.path : toStr(request);
      }),
    );
    return fn;
  }

  async require(request: string, from: string, parents: string[]): Promise<JsValue> {
    const r = this.resolve(request, from.startsWith('/') ? dirname(from) : this.rt.ctx.cwd);
    if (!r)
      throw this.notFound(
        request,
        [from, ...parents].filter((p) => p.startsWith('/')),
      );
    if (r.kind === 'builtin') return builtinModule(this.rt, r.name);
    if (r.kind === 'native') {
      if (!this.#natives.has(r.name)) this.#natives.set(r.name, nativePackage(this.rt, r.name));
      return this.#natives.get(r.name);
    }
    const cached = this.#cache.get(r.path);
    if (cached) return cached.get('exports');
    return this.run(r.path, [from, ...parents]);
  }

  notFound(request: string, requireStack: string[]): JsThrow {
    const e = this.rt.interp.makeError('Error', `Cannot find module '${request}'`);
    const below = requireStack.length
      ? [
          `Object.<anonymous> (${requireStack[0]}:${this.rt.interp.lastLoc.line}:${this.rt.interp.lastLoc.col})`,
          ...framesFor(this.rt.version).main,
        ]
      : [];
    e.props.set('stack', notFoundStack(request, requireStack, this.rt.version, below));
    e.props.set('code', 'MODULE_NOT_FOUND');
    e.props.set('requireStack', this.rt.arr(requireStack));
    const t = new JsThrow(e);
    (t as JsThrow & { fromLoader?: boolean }).fromLoader = true;
    return t;
  }

  /** Run a file as a module; returns its exports. */
  async run(path: string, parents: string[], asMain = false): Promise<JsValue> {
    const source = this.rt.ctx.fs.readFile(path);
    const module = this.rt.obj({ id: asMain ? '.' : path, filename: path, loaded: false }, 'Module');
    const exports = this.rt.obj();
    module.props.set('exports', exports);
    this.#cache.set(path, module);
    if (path.endsWith('.json')) {
      try {
        module.props.set('exports', fromHost(this.rt, JSON.parse(source)));
      } catch (e) {
        this.rt.interp.throwError('SyntaxError', `${path}: ${(e as Error).message}`);
      }
      return module.get('exports');
    }
    this.sources.set(path, source);
    let body;
    try {
      body = parseProgram(source.replace(/^#!.*/, ''));
    } catch (e) {
      if (e instanceof JsSyntaxError) throw new ModuleSyntaxError(path, source, e);
      throw e;
    }
    const interp = new JsInterp(this.rt.realm, path);
    interp.internalFrames = framesFor(this.rt.version).main;
    if (asMain) this.rt.interp = interp;
    const scope = new Scope(this.rt.realm.globals, true, exports);
    scope.vars.set('module', { v: module, kind: 'var' });
    scope.vars.set('exports', { v: exports, kind: 'var' });
    scope.vars.set('\0exports', { v: exports, kind: 'const' });
    scope.vars.set('require', { v: this.requireFor(path, parents), kind: 'var' });
    scope.vars.set('__filename', { v: path, kind: 'var' });
    scope.vars.set('__dirname', { v: dirname(path), kind: 'var' });
    const saved = this.rt.interp;
    this.rt.interp = interp;
    try {
      await interp.block(body, scope);
    } finally {
      if (!asMain) this.rt.interp = saved;
    }
    module.props.set('loaded', true);
    return module.get('exports');
  }
}
