/**
 * One Python process: the interpreter with its builtins and modules, stdout's
 * buffering (block-buffered when it is not a terminal, unless -u or
 * PYTHONUNBUFFERED — why `docker logs` of a looping script stays empty), SIGINT as
 * KeyboardInterrupt, imports (the stdlib subset, packages pip installed, and .py
 * files next to the script), and running a file as __main__.
 */
import type { ProcessContext } from '../../../process/types.ts';
import { LineReader } from '../../../process/streams.ts';
import { builtinTypes, exceptionClasses, makeBuiltins } from './builtins.ts';
import type { Runtime } from './builtins.ts';
import { Interp } from './interp.ts';
import { methodOf } from './methods.ts';
import { stdlib } from './modules.ts';
import { parseModule } from './parser.ts';
import { PyError, PyInstance, PyModule, PyTuple } from './values.ts';
import type { Py, Scope } from './values.ts';
import { flaskModule, redisModule, requestsModule } from './web.ts';
import type { WebHost } from './web.ts';

const BUFFER = 8192;

export function pythonVersion(ctx: ProcessContext): string {
  const env = ctx.env.get('PYTHON_VERSION');
  if (env) return env;
  const m = /python(\d+\.\d+)$/.exec(ctx.argv[0] ?? '');
  return m ? `${m[1]}.0` : '3.12.13';
}

export function sitePackages(version: string): string {
  return `/usr/local/lib/python${version.split('.').slice(0, 2).join('.')}/site-packages`;
}

/** Packages pip can install whose modules the simulation provides. */
const NATIVE_PACKAGES: Record<string, (host: WebHost) => PyModule> = {
  flask: flaskModule,
  redis: redisModule,
  requests: requestsModule,
};

export class PythonProcess {
  readonly ctx: ProcessContext;
  readonly version: string;
  readonly exceptions = exceptionClasses();
  interp!: Interp;
  readonly host: WebHost;
  #buffered: boolean;
  #out = '';
  #interrupt: ((e: PyError) => void)[] = [];
  #interrupted = false;
  readonly #modules = new Map<string, PyModule>();
  #scriptDir: string;
  readonly #reader: LineReader;

  constructor(ctx: ProcessContext, o: { unbuffered: boolean; argv: string[]; scriptDir: string }) {
    this.ctx = ctx;
    this.version = pythonVersion(ctx);
    this.#buffered = !ctx.tty && !o.unbuffered && !ctx.env.get('PYTHONUNBUFFERED');
    this.#scriptDir = o.scriptDir;
    this.#reader = new LineReader(ctx.stdin);
    const rt: Runtime = {
      interp: () => this.interp,
      write: (text, toStderr, flush) => this.write(text, toStderr, flush),
      readLine: async (prompt) => {
        this.write(prompt, false, true);
        return this.#reader.readLine();
      },
      readFile: (path) => {
        try {
          return ctx.fs.readFile(this.abs(path));
        } catch {
          return undefined;
        }
      },
      writeFile: (path, text, append) => {
        try {
          ctx.fs.writeFile(this.abs(path), text, { append });
          return true;
        } catch {
          return false;
        }
      },
    };
    const types = builtinTypes(rt);
    const builtins = makeBuiltins(rt, this.exceptions, types);
    this.host = {
      ctx,
      rt,
      version: this.version,
      argv: o.argv,
      exceptions: this.exceptions,
      sleep: (ms) => this.sleep(ms),
      flush: () => this.flush(),
      forever: () => new Promise<never>((_, reject) => this.#interrupt.push(reject)),
      werkzeugVersion: '3.1.3',
    };
    const stdlibModules = stdlib(this.host);
    this.interp = new Interp(
      {
        builtins,
        exception: (name) =>
          this.exceptions.get(name) ?? types.get(name) ?? this.exceptions.get('Exception')!,
        importModule: async (name) => this.#import(name, stdlibModules),
        method: (self, name) => methodOf(() => this.interp, self, name),
      },
      '<string>',
      '',
    );
    ctx.onSignal('SIGINT', () => {
      this.#interrupted = true;
      const exc = new PyInstance(this.exceptions.get('KeyboardInterrupt')!);
      exc.attrs.set('args', new PyTuple([]));
      for (const reject of this.#interrupt.splice(0)) reject(new PyError(exc));
    });
  }

  abs(path: string): string {
    return path.startsWith('/') ? path : `${this.ctx.cwd === '/' ? '' : this.ctx.cwd}/${path}`;
  }

  write(text: string, toStderr: boolean, flush: boolean): void {
    if (toStderr) {
      this.ctx.stderr.write(text);
      return;
    }
    if (!this.#buffered) {
      this.ctx.stdout.write(text);
      return;
    }
    this.#out += text;
    if (flush || this.#out.length >= BUFFER) this.flush();
  }

  flush(): void {
    if (this.#out) this.ctx.stdout.write(this.#out);
    this.#out = '';
  }

  /** time.sleep: the virtual clock, interrupted by SIGINT. */
  sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#interrupt.push(reject);
      void this.ctx.sleep(ms).then(() => {
        this.#interrupt = this.#interrupt.filter((r) => r !== reject);
        resolve();
      });
    });
  }

  get interrupted(): boolean {
    return this.#interrupted;
  }

  async #import(name: string, std: Map<string, () => PyModule>): Promise<PyModule | undefined> {
    const cached = this.#modules.get(name);
    if (cached) return cached;
    let mod: PyModule | undefined;
    const site = sitePackages(this.version);
    const installed = (pkg: string) =>
      this.ctx.fs.stat(`${site}/${pkg}`) !== undefined || this.ctx.fs.stat(`${site}/${pkg}.py`) !== undefined;
    const local = [
      `${this.#scriptDir}/${name.replace(/\./g, '/')}.py`,
      `${this.#scriptDir}/${name.replace(/\./g, '/')}/__init__.py`,
    ].find((p) => this.ctx.fs.stat(p)?.kind === 'file');
    if (std.has(name)) mod = std.get(name)!();
    else if (local) mod = await this.runModule(local, name);
    else {
      const top = name.split('.')[0]!;
      const native = NATIVE_PACKAGES[top];
      if (native && installed(top)) {
        const pkg = this.#modules.get(top) ?? native(this.host);
        this.#modules.set(top, pkg);
        mod = name === top ? pkg : (pkg.attrs.get(name.slice(top.length + 1)) as PyModule | undefined);
      }
    }
    if (mod) this.#modules.set(name, mod);
    return mod;
  }

  /** Execute a file as a module (its globals become the module's attributes). */
  async runModule(path: string, name: string): Promise<PyModule> {
    const source = this.ctx.fs.readFile(path);
    const globals = new Map<string, Py>([
      ['__name__', name],
      ['__file__', path],
    ]);
    const mod = new PyModule(name);
    this.#modules.set(name, mod);
    const sub = new Interp(this.interp.hooks, path, source);
    const scope: Scope = { vars: globals, globals };
    await sub.execBlock(parseModule(source), scope);
    for (const [k, v] of globals) mod.attrs.set(k, v);
    return mod;
  }

  /** Run source as __main__ (a script, -c, stdin). */
  async runMain(source: string, file: string): Promise<Scope> {
    this.interp = new Interp(this.interp.hooks, file, source);
    const globals = new Map<string, Py>([
      ['__name__', '__main__'],
      ['__file__', file],
    ]);
    const scope: Scope = { vars: globals, globals };
    await this.interp.execBlock(parseModule(source), scope);
    return scope;
  }
}
