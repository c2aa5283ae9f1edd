/**
 * The standard library modules the subset has: os (environ, getenv, getcwd,
 * listdir, path), sys (argv, version, exit, stdout/stderr), time, socket
 * (gethostname), platform, math, random, json, datetime and logging (basicConfig,
 * getLogger, info… on stderr as logging formats them).
 */
import type { ProcessContext } from '../../../process/types.ts';
import { strftime } from '../../../shell/utils/support/time.ts';
import type { Runtime } from './builtins.ts';
import { iterOf } from './builtins.ts';
import {
  PyBuiltin,
  PyClass,
  PyDict,
  PyError,
  PyInstance,
  PyList,
  PyModule,
  PyTuple,
  repr,
  str,
  truthy,
} from './values.ts';
import type { NativeFn, Py } from './values.ts';

export interface ModuleHost {
  ctx: ProcessContext;
  rt: Runtime;
  version: string;
  argv: string[];
  exceptions: Map<string, PyClass>;
  /** wait on the virtual clock; rejects with KeyboardInterrupt on SIGINT */
  sleep(ms: number): Promise<void>;
  flush(): void;
}

const f = (name: string, fn: NativeFn) => new PyBuiltin(name, fn);

function stream(name: 'stdout' | 'stderr', host: ModuleHost): PyInstance {
  const cls = new PyClass('TextIOWrapper', [], new Map(), '_io');
  const s = new PyInstance(cls);
  s.native = name;
  cls.attrs.set(
    'write',
    f('write', ([, t]) => (host.rt.write(str(t!), name === 'stderr', false), BigInt(str(t!).length))),
  );
  cls.attrs.set(
    'flush',
    f('flush', () => (host.flush(), null)),
  );
  return s;
}

function os(host: ModuleHost): PyModule {
  const { ctx } = host;
  const environ = new PyDict([...ctx.env].map(([k, v]) => [k, v]));
  const abs = (p: string) => (p.startsWith('/') ? p : `${ctx.cwd === '/' ? '' : ctx.cwd}/${p}`);
  const path = new PyModule('posixpath', {
    exists: f('exists', ([p]) => ctx.fs.stat(abs(str(p!))) !== undefined),
    isfile: f('isfile', ([p]) => ctx.fs.stat(abs(str(p!)))?.kind === 'file'),
    isdir: f('isdir', ([p]) => ctx.fs.stat(abs(str(p!)))?.kind === 'dir'),
    join: f('join', (args) =>
      args
        .map(str)
        .reduce((a, b) => (b.startsWith('/') ? b : a.endsWith('/') || a === '' ? a + b : `${a}/${b}`), ''),
    ),
    basename: f('basename', ([p]) => str(p!).slice(str(p!).lastIndexOf('/') + 1)),
    dirname: f('dirname', ([p]) => str(p!).slice(0, Math.max(0, str(p!).lastIndexOf('/')))),
    abspath: f('abspath', ([p]) => abs(str(p!))),
    getsize: f('getsize', ([p]) => BigInt(ctx.fs.stat(abs(str(p!)))?.size ?? 0)),
  });
  return new PyModule('os', {
    environ,
    name: 'posix',
    sep: '/',
    linesep: '\n',
    path,
    getenv: f('getenv', ([k, d = null]) => environ.get(k!) ?? d),
    getcwd: f('getcwd', () => ctx.cwd),
    getpid: f('getpid', () => BigInt(ctx.pid)),
    getuid: f('getuid', () => BigInt(ctx.user.uid)),
    cpu_count: f('cpu_count', () => 2n),
    listdir: f('listdir', ([p = '.']) => {
      try {
        return new PyList(ctx.fs.readdir(abs(str(p))));
      } catch {
        return host.rt.interp().raise('FileNotFoundError', `[Errno 2] No such file or directory: ${repr(p)}`);
      }
    }),
    makedirs: f('makedirs', ([p]) => (ctx.fs.mkdir(abs(str(p!)), { parents: true }), null)),
    mkdir: f('mkdir', ([p]) => (ctx.fs.mkdir(abs(str(p!))), null)),
    remove: f('remove', ([p]) => (ctx.fs.rm(abs(str(p!))), null)),
    system: f('system', () => 0n),
  });
}

function sys(host: ModuleHost): PyModule {
  const v = host.version;
  return new PyModule('sys', {
    argv: new PyList(host.argv),
    version: `${v} (main, Aug  5 2026, 01:10:20) [GCC 14.2.0]`,
    version_info: new PyTuple(
      v
        .split('.')
        .map((n) => BigInt(n))
        .concat([]) as Py[],
    ),
    platform: 'linux',
    executable: '/usr/local/bin/python3',
    path: new PyList(['', `/usr/local/lib/python${v.split('.').slice(0, 2).join('.')}`]),
    stdout: stream('stdout', host),
    stderr: stream('stderr', host),
    maxsize: 9223372036854775807n,
    exit: host.rt.interp().hooks.builtins.get('exit')!,
  });
}

function time(host: ModuleHost): PyModule {
  return new PyModule('time', {
    sleep: f('sleep', async ([s]) => (await host.sleep(Number(s) * 1000), null)),
    time: f('time', () => host.ctx.now() / 1000),
    monotonic: f('monotonic', () => host.ctx.now() / 1000),
    perf_counter: f('perf_counter', () => host.ctx.now() / 1000),
    strftime: f('strftime', ([fmt]) => strftime(str(fmt!), host.ctx.now())),
    ctime: f('ctime', () => strftime('%a %b %e %H:%M:%S %Y', host.ctx.now())),
  });
}

function datetime(host: ModuleHost): PyModule {
  const cls = new PyClass('datetime', [], new Map(), 'datetime');
  const make = (ms: number) => {
    const d = new PyInstance(cls);
    d.native = ms;
    return d;
  };
  cls.attrs.set(
    '__str__',
    f('__str__', ([self]) =>
      strftime('%Y-%m-%d %H:%M:%S.%N', (self as PyInstance).native as number).slice(0, 26),
    ),
  );
  cls.attrs.set(
    'isoformat',
    f('isoformat', ([self]) =>
      strftime('%Y-%m-%dT%H:%M:%S.%N', (self as PyInstance).native as number).slice(0, 26),
    ),
  );
  cls.attrs.set(
    'strftime',
    f('strftime', ([self, fmt]) => strftime(str(fmt!), (self as PyInstance).native as number)),
  );
  cls.attrs.set(
    'now',
    f('now', () => make(host.ctx.now())),
  );
  cls.attrs.set(
    'utcnow',
    f('utcnow', () => make(host.ctx.now())),
  );
  return new PyModule('datetime', { datetime: cls });
}

function logging(host: ModuleHost): PyModule {
  const LEVELS: Record<string, number> = { DEBUG: 10, INFO: 20, WARNING: 30, ERROR: 40, CRITICAL: 50 };
  const config = { level: 30, format: '%(levelname)s:%(name)s:%(message)s' };
  const loggers = new Map<string, PyInstance>();
  const cls = new PyClass('Logger', [], new Map(), 'logging');
  const emit = (name: string, level: string, args: Py[]) => {
    if (LEVELS[level]! < config.level) return;
    const [msg, ...rest] = args;
    const message = rest.length ? str(msg!).replace(/%[sd]/g, () => str(rest.shift() ?? '')) : str(msg ?? '');
    const line = config.format
      .replace('%(levelname)s', level)
      .replace('%(name)s', name)
      .replace('%(message)s', message)
      .replace(
        /%\(asctime\)s/,
        `${strftime('%Y-%m-%d %H:%M:%S', host.ctx.now())},${String(host.ctx.now() % 1000).padStart(3, '0')}`,
      );
    host.rt.write(`${line}\n`, true, true);
  };
  const logger = (name: string) => {
    if (!loggers.has(name)) {
      const l = new PyInstance(cls);
      l.native = name;
      loggers.set(name, l);
    }
    return loggers.get(name)!;
  };
  for (const level of Object.keys(LEVELS)) {
    cls.attrs.set(
      level.toLowerCase(),
      f(
        level.toLowerCase(),
        ([self, ...args]) => (emit((self as PyInstance).native as string, level, args), null),
      ),
    );
  }
  cls.attrs.set('warn', cls.attrs.get('warning')!);
  cls.attrs.set(
    'setLevel',
    f('setLevel', () => null),
  );
  const mod = new PyModule('logging', {
    ...Object.fromEntries(Object.entries(LEVELS).map(([k, v]) => [k, BigInt(v)])),
    basicConfig: f('basicConfig', (_, kw) => {
      if (kw.has('level')) config.level = Number(kw.get('level'));
      if (kw.has('format')) config.format = str(kw.get('format')!);
      return null;
    }),
    getLogger: f('getLogger', ([name]) => logger(name === undefined || name === null ? 'root' : str(name))),
  });
  for (const level of Object.keys(LEVELS))
    mod.attrs.set(
      level.toLowerCase(),
      f(level.toLowerCase(), (args) => (emit('root', level, args), null)),
    );
  return mod;
}

function json(host: ModuleHost): PyModule {
  const dump = (v: Py, indent?: number, level = 0): string => {
    const pad = (n: number) => (indent === undefined ? '' : `\n${' '.repeat(indent * n)}`);
    if (v === null) return 'null';
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'bigint' || typeof v === 'number') return String(v);
    if (typeof v === 'string')
      return JSON.stringify(v).replace(
        /[\u007f-\uffff]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
    if (v instanceof PyList || v instanceof PyTuple)
      return v.items.length
        ? `[${pad(level + 1)}${v.items.map((x) => dump(x, indent, level + 1)).join(`,${indent === undefined ? ' ' : pad(level + 1)}`)}${pad(level)}]`
        : '[]';
    if (v instanceof PyDict) {
      const e = v.entries();
      return e.length
        ? `{${pad(level + 1)}${e.map(([k, x]) => `${JSON.stringify(str(k))}: ${dump(x, indent, level + 1)}`).join(`,${indent === undefined ? ' ' : pad(level + 1)}`)}${pad(level)}}`
        : '{}';
    }
    return host.rt
      .interp()
      .raise('TypeError', `Object of type ${v.constructor.name} is not JSON serializable`);
  };
  const load = (x: unknown): Py => {
    if (x === null) return null;
    if (typeof x === 'number') return Number.isInteger(x) ? BigInt(x) : x;
    if (typeof x === 'string' || typeof x === 'boolean') return x;
    if (Array.isArray(x)) return new PyList(x.map(load));
    return new PyDict(Object.entries(x as object).map(([k, v]) => [k, load(v)]));
  };
  return new PyModule('json', {
    dumps: f('dumps', ([v], kw) =>
      dump(
        v!,
        kw.get('indent') === undefined || kw.get('indent') === null ? undefined : Number(kw.get('indent')),
      ),
    ),
    loads: f('loads', ([s]) => {
      try {
        return load(JSON.parse(str(s!)));
      } catch {
        return host.rt.interp().raise('ValueError', 'Expecting value: line 1 column 1 (char 0)');
      }
    }),
  });
}

export function stdlib(host: ModuleHost): Map<string, () => PyModule> {
  const random = () => host.ctx.random();
  return new Map<string, () => PyModule>([
    ['os', () => os(host)],
    ['os.path', () => os(host).attrs.get('path') as PyModule],
    ['sys', () => sys(host)],
    ['time', () => time(host)],
    ['datetime', () => datetime(host)],
    ['logging', () => logging(host)],
    ['json', () => json(host)],
    [
      'socket',
      () =>
        new PyModule('socket', {
          gethostname: f('gethostname', () => host.ctx.hostname),
          gethostbyname: f(
            'gethostbyname',
            ([h]) =>
              host.ctx.net.resolve(str(h!)) ??
              host.rt.interp().raise('OSError', '[Errno -2] Name or service not known'),
          ),
        }),
    ],
    [
      'platform',
      () =>
        new PyModule('platform', {
          python_version: f('python_version', () => host.version),
          system: f('system', () => 'Linux'),
          machine: f('machine', () => 'x86_64'),
          node: f('node', () => host.ctx.hostname),
        }),
    ],
    [
      'math',
      () =>
        new PyModule('math', {
          pi: Math.PI,
          e: Math.E,
          sqrt: f('sqrt', ([x]) => Math.sqrt(Number(x))),
          floor: f('floor', ([x]) => BigInt(Math.floor(Number(x)))),
          ceil: f('ceil', ([x]) => BigInt(Math.ceil(Number(x)))),
          pow: f('pow', ([a, b]) => Number(a) ** Number(b)),
        }),
    ],
    [
      'random',
      () =>
        new PyModule('random', {
          random: f('random', random),
          randint: f('randint', ([a, b]) =>
            BigInt(Number(a) + Math.floor(random() * (Number(b) - Number(a) + 1))),
          ),
          choice: f('choice', async ([s]) => {
            const items = await host.rt.interp().toArray(s!);
            return items[Math.floor(random() * items.length)]!;
          }),
          shuffle: f('shuffle', () => null),
        }),
    ],
    ['signal', () => new PyModule('signal', { SIGTERM: 15n, SIGINT: 2n, signal: f('signal', () => null) })],
    [
      'string',
      () =>
        new PyModule('string', {
          ascii_letters: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
          digits: '0123456789',
        }),
    ],
    ['collections', () => new PyModule('collections', {})],
    ['typing', () => new PyModule('typing', {})],
  ]);
}

export { iterOf, PyError, truthy };
