/**
 * node's built-in modules, the parts tutorials touch: fs (sync, callback and
 * promises forms; text only — no Buffers), path, os, util (format, inspect,
 * promisify), events (EventEmitter), crypto (randomUUID, randomBytes().toString('hex')),
 * http (./http.ts). Errors carry node's code/errno/syscall/path.
 */
import { FsError } from '../../../fs/types.ts';
import { format } from './globals.ts';
import { httpModule } from './http.ts';
import type { NodeRuntime } from './runtime.ts';
import { inspect, JsFunction, JsObject, JsPromise, JsThrow, toStr } from './values.ts';
import type { JsValue } from './values.ts';

const ERRNO: Record<string, number> = {
  ENOENT: -2,
  EEXIST: -17,
  ENOTDIR: -20,
  EISDIR: -21,
  EACCES: -13,
  ENOTEMPTY: -39,
};
const TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EEXIST: 'file already exists',
  ENOTDIR: 'not a directory',
  EISDIR: 'illegal operation on a directory',
  EACCES: 'permission denied',
  ENOTEMPTY: 'directory not empty',
};

export function normalize(path: string): string {
  const abs = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
    } else out.push(part);
  }
  const joined = out.join('/');
  const trailing = path.endsWith('/') && joined ? '/' : '';
  return abs ? `/${joined}${trailing}` : joined ? joined + trailing : '.';
}

export const dirname = (p: string) => (p.includes('/') ? p.replace(/\/+[^/]*\/?$/, '') || '/' : '.');

export function pathModule(rt: NodeRuntime): JsObject {
  const f = (name: string, fn: (args: string[]) => JsValue) =>
    rt.fn(name, (_t, args) => fn(args.map((a) => toStr(a))));
  const resolve = (parts: string[]) => {
    let out = rt.ctx.cwd;
    for (const p of parts) out = p.startsWith('/') ? p : `${out}/${p}`;
    return normalize(out).replace(/(.)\/$/, '$1');
  };
  const base = ([p, ext]: string[]) => {
    const b = (p ?? '').replace(/\/+$/, '').split('/').pop() ?? '';
    return ext && b.endsWith(ext) && b !== ext ? b.slice(0, -ext.length) : b;
  };
  return rt.obj({
    sep: '/',
    delimiter: ':',
    join: f('join', (parts) => normalize(parts.filter(Boolean).join('/') || '.')),
    resolve: f('resolve', resolve),
    dirname: f('dirname', ([p]) => dirname(p ?? '')),
    basename: f('basename', base),
    extname: f('extname', ([p]) => /(?<=[^/.])\.[^./]*$/.exec(base([p ?? '']))?.[0] ?? ''),
    normalize: f('normalize', ([p]) => normalize(p ?? '')),
    isAbsolute: f('isAbsolute', ([p]) => (p ?? '').startsWith('/')),
  });
}

export function fsModule(rt: NodeRuntime): JsObject {
  const { ctx } = rt;
  const abs = (p: JsValue) => normalize(toStr(p).startsWith('/') ? toStr(p) : `${ctx.cwd}/${toStr(p)}`);
  const fail = (e: unknown, syscall: string, path: string): never => {
    if (!(e instanceof FsError)) throw e;
    const err = rt.interp.makeError('Error', `${e.code}: ${TEXT[e.code] ?? e.code}, ${syscall} '${path}'`);
    err.props.set('errno', ERRNO[e.code] ?? -1);
    err.props.set('code', e.code);
    err.props.set('syscall', syscall);
    err.props.set('path', path);
    throw new JsThrow(err);
  };
  const wrap = <T>(syscall: string, p: JsValue, op: () => T): T => {
    try {
      return op();
    } catch (e) {
      return fail(e, syscall, toStr(p));
    }
  };
  const owner = { uid: ctx.user.uid, gid: ctx.user.gid };
  const sync: Record<string, (args: JsValue[]) => JsValue> = {
    readFileSync: ([p]) =>
      wrap('open', p, () => {
        if (ctx.fs.stat(abs(p))?.kind === 'dir') throw new FsError('EISDIR', abs(p));
        return ctx.fs.readFile(abs(p));
      }),
    writeFileSync: ([p, data]) =>
      wrap('open', p, () => (ctx.fs.writeFile(abs(p), toStr(data), owner), undefined)),
    appendFileSync: ([p, data]) =>
      wrap('open', p, () => (ctx.fs.writeFile(abs(p), toStr(data), { ...owner, append: true }), undefined)),
    existsSync: ([p]) => ctx.fs.stat(abs(p)) !== undefined,
    readdirSync: ([p]) => wrap('scandir', p, () => rt.arr(ctx.fs.readdir(abs(p)))),
    mkdirSync: ([p, o]) =>
      wrap('mkdir', p, () => {
        const parents = o instanceof JsObject && o.get('recursive') === true;
        if (parents && ctx.fs.stat(abs(p))?.kind === 'dir') return undefined;
        ctx.fs.mkdir(abs(p), { parents, ...owner });
        return parents ? abs(p) : undefined;
      }),
    unlinkSync: ([p]) => wrap('unlink', p, () => (ctx.fs.rm(abs(p)), undefined)),
    rmSync: ([p, o]) =>
      wrap('rm', p, () => {
        const opts = o instanceof JsObject ? o : undefined;
        ctx.fs.rm(abs(p), { recursive: opts?.get('recursive') === true, force: opts?.get('force') === true });
        return undefined;
      }),
    renameSync: ([a, b]) => wrap('rename', a, () => (ctx.fs.rename(abs(a), abs(b)), undefined)),
    statSync: ([p]) =>
      wrap('stat', p, () => {
        const st = ctx.fs.stat(abs(p));
        if (!st) throw new FsError('ENOENT', abs(p));
        const s = rt.obj(
          { size: st.size, mode: st.mode, uid: st.uid, gid: st.gid, mtimeMs: st.mtime },
          'Stats',
        );
        s.props.set(
          'isFile',
          rt.fn('isFile', () => st.kind === 'file'),
        );
        s.props.set(
          'isDirectory',
          rt.fn('isDirectory', () => st.kind === 'dir'),
        );
        return s;
      }),
  };
  const fs = rt.obj();
  const promises = rt.obj();
  for (const [name, op] of Object.entries(sync)) {
    fs.props.set(
      name,
      rt.fn(name, (_t, args) => op(args)),
    );
    if (name === 'existsSync') continue;
    const base = name.replace(/Sync$/, '');
    // the callback form: the result or the error on the next turn
    fs.props.set(
      base,
      rt.fn(base, (_t, args) => {
        const cb = args.find((a) => a instanceof JsFunction);
        let result: [JsValue, JsValue];
        try {
          result = [null, op(args.filter((a) => a !== cb))];
        } catch (e) {
          if (!(e instanceof JsThrow)) throw e;
          result = [e.value, undefined];
        }
        const release = rt.hold();
        void Promise.resolve().then(async () => {
          if (cb) await rt.invoke(cb, undefined, result[0] === null ? result : [result[0]]);
          release();
        });
        return undefined;
      }),
    );
    promises.props.set(
      base,
      rt.fn(base, (_t, args) => {
        try {
          return new JsPromise(Promise.resolve(op(args)));
        } catch (e) {
          const p = Promise.reject(e);
          p.catch(() => undefined);
          return new JsPromise(p);
        }
      }),
    );
  }
  fs.props.set('promises', promises);
  return fs;
}

export function osModule(rt: NodeRuntime): JsObject {
  const { ctx } = rt;
  const f = (name: string, v: () => JsValue) => rt.fn(name, () => v());
  return rt.obj({
    EOL: '\n',
    hostname: f('hostname', () => ctx.hostname),
    platform: f('platform', () => 'linux'),
    type: f('type', () => 'Linux'),
    arch: f('arch', () => 'x64'),
    release: f('release', () => '6.10.14-linuxkit'),
    homedir: f('homedir', () => ctx.env.get('HOME') ?? '/root'),
    tmpdir: f('tmpdir', () => '/tmp'),
    uptime: f('uptime', () => Math.floor(ctx.now() / 1000) % 86_400),
    totalmem: f('totalmem', () => 8_217_473_024),
    freemem: f('freemem', () => 6_871_326_720),
    cpus: f('cpus', () =>
      rt.arr(Array.from({ length: 8 }, () => rt.obj({ model: 'Virtual CPU', speed: 2400 }))),
    ),
    userInfo: f('userInfo', () =>
      rt.obj({
        uid: ctx.user.uid,
        gid: ctx.user.gid,
        username: ctx.user.name,
        homedir: ctx.env.get('HOME') ?? '/',
      }),
    ),
    networkInterfaces: f('networkInterfaces', () => rt.obj()),
  });
}

export function utilModule(rt: NodeRuntime): JsObject {
  return rt.obj({
    format: rt.fn('format', (_t, args) => format(args)),
    inspect: rt.fn('inspect', (_t, [v]) => inspect(v, 1).replace(/^'(.*)'$/s, "'$1'")),
    promisify: rt.fn('promisify', (_t, [fn]) =>
      rt.fn('promisified', (thisArg, args) => {
        let settle: (v: JsValue) => void = () => {};
        let fail: (e: unknown) => void = () => {};
        const p = new Promise<JsValue>((res, rej) => ((settle = res), (fail = rej)));
        p.catch(() => undefined);
        void rt.interp.call(fn, thisArg, [
          ...args,
          rt.fn('callback', (_t2, [err, v]) => {
            if (err !== null && err !== undefined) fail(new JsThrow(err));
            else settle(v);
            return undefined;
          }),
        ]);
        return new JsPromise(p);
      }),
    ),
  });
}

/** EventEmitter: on/addListener, once, off/removeListener, emit, listenerCount. */
export function eventsModule(rt: NodeRuntime): JsFunction {
  const proto = rt.obj({}, 'EventEmitter');
  const table = (self: JsValue): Map<string, { fn: JsValue; once: boolean }[]> => {
    const o = self as JsObject;
    let m = o.get('\0events') as unknown as JsObject | undefined;
    if (!m) {
      m = rt.obj();
      m.native = new Map();
      o.props.set('\0events', m);
    }
    return m.native as Map<string, { fn: JsValue; once: boolean }[]>;
  };
  const add = (once: boolean) =>
    rt.fn(once ? 'once' : 'on', (self, [name, fn]) => {
      const t = table(self);
      t.set(toStr(name), [...(t.get(toStr(name)) ?? []), { fn, once }]);
      return self;
    });
  proto.props.set('on', add(false));
  proto.props.set('addListener', add(false));
  proto.props.set('once', add(true));
  const off = rt.fn('off', (self, [name, fn]) => {
    const t = table(self);
    t.set(
      toStr(name),
      (t.get(toStr(name)) ?? []).filter((l) => l.fn !== fn),
    );
    return self;
  });
  proto.props.set('off', off);
  proto.props.set('removeListener', off);
  proto.props.set(
    'emit',
    rt.fn('emit', async (self, [name, ...args]) => {
      const t = table(self);
      const list = t.get(toStr(name)) ?? [];
      if (toStr(name) === 'error' && !list.length) throw new JsThrow(args[0]);
      t.set(
        toStr(name),
        list.filter((l) => !l.once),
      );
      for (const l of list) await rt.interp.call(l.fn, self, args);
      return list.length > 0;
    }),
  );
  proto.props.set(
    'listenerCount',
    rt.fn('listenerCount', (self, [name]) => (table(self).get(toStr(name)) ?? []).length),
  );
  const ctor = rt.fn('EventEmitter', () => undefined);
  ctor.props.set('prototype', proto);
  proto.props.set('constructor', ctor);
  ctor.props.set('EventEmitter', ctor);
  return ctor;
}

export function cryptoModule(rt: NodeRuntime): JsObject {
  const hex = (n: number) =>
    Array.from({ length: n }, () =>
      Math.floor(rt.ctx.random() * 256)
        .toString(16)
        .padStart(2, '0'),
    ).join('');
  return rt.obj({
    randomUUID: rt.fn('randomUUID', () => {
      const h = hex(16);
      const variant = ((parseInt(h[16]!, 16) & 3) | 8).toString(16);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    }),
    randomBytes: rt.fn('randomBytes', (_t, [n]) => {
      const bytes = hex(Number(n ?? 16));
      const b = rt.obj({ length: Number(n ?? 16) }, 'Buffer');
      b.props.set(
        'toString',
        rt.fn('toString', () => bytes),
      );
      return b;
    }),
  });
}

/** The built-in modules by name (also with the `node:` prefix). */
export function builtinModule(rt: NodeRuntime, name: string): JsValue | undefined {
  switch (name.replace(/^node:/, '')) {
    case 'fs':
      return fsModule(rt);
    case 'fs/promises':
      return fsModule(rt).get('promises');
    case 'path':
      return pathModule(rt);
    case 'os':
      return osModule(rt);
    case 'util':
      return utilModule(rt);
    case 'events':
      return eventsModule(rt);
    case 'crypto':
      return cryptoModule(rt);
    case 'http':
      return httpModule(rt);
    case 'process':
      return rt.realm.globals.lookup('process')?.v;
    case 'timers':
      return rt.obj(
        Object.fromEntries(
          ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'setImmediate'].map((n) => [
            n,
            rt.realm.globals.lookup(n)?.v,
          ]),
        ),
      );
    case 'assert':
      return rt.fn('assert', (_t, [v, m]) => {
        if (!v)
          rt.interp.throwError(
            'Error',
            m === undefined ? 'The expression evaluated to a falsy value' : toStr(m),
          );
        return undefined;
      });
    default:
      return undefined;
  }
}
