/**
 * The global objects of the node subset: console, process, timers, JSON, Math,
 * Object, Array, Number, String, Boolean, Date, Promise, Map, Set, the Error
 * constructors, parseInt/parseFloat/isNaN, structuredClone.
 */
import type { NodeRuntime } from './runtime.ts';
import { ERROR_TYPES } from './runtime.ts';
import {
  inspect,
  isoString,
  JsArray,
  JsFunction,
  JsObject,
  JsPromise,
  JsThrow,
  toStr,
  truthy,
} from './values.ts';
import type { JsValue } from './values.ts';
import { toNumber } from './interp.ts';
import { parseRfc3339 } from '../../../images/rfc3339.ts';

function parseDate(s: string): number {
  try {
    return parseRfc3339(/T/.test(s) ? (/(Z|[+-]\d\d:\d\d)$/.test(s) ? s : `${s}Z`) : `${s}T00:00:00Z`);
  } catch {
    return NaN;
  }
}

export function format(args: JsValue[]): string {
  if (typeof args[0] === 'string' && /%[sdifoOj%]/.test(args[0])) {
    let i = 1;
    const head = args[0].replace(/%([sdifoOj%])/g, (m, c: string) => {
      if (c === '%') return '%';
      if (i >= args.length) return m;
      const v = args[i++];
      if (c === 's') return typeof v === 'string' ? v : inspect(v, 1);
      if (c === 'd' || c === 'i') return String(c === 'i' ? Math.trunc(toNumber(v)) : toNumber(v));
      if (c === 'f') return String(toNumber(v));
      if (c === 'j') return JSON.stringify(toHost(v));
      return inspect(v, 1);
    });
    return [head, ...args.slice(i).map((v) => inspect(v))].join(' ');
  }
  return args.map((v) => inspect(v)).join(' ');
}

export function toHost(v: JsValue): unknown {
  if (v instanceof JsArray)
    return v.items.map((x) => (x === undefined || x instanceof JsFunction ? null : toHost(x)));
  if (v instanceof JsObject) {
    if (v.className === 'Date') return isoString(v.native as number);
    const out: Record<string, unknown> = {};
    for (const [k, x] of v.props)
      if (x !== undefined && !(x instanceof JsFunction) && !/^[\0#]/.test(k)) out[k] = toHost(x);
    return out;
  }
  return v;
}

export function fromHost(rt: NodeRuntime, v: unknown): JsValue {
  if (v === null || typeof v !== 'object') return v as JsValue;
  if (Array.isArray(v)) return rt.arr(v.map((x) => fromHost(rt, x)));
  const o = rt.obj();
  for (const [k, x] of Object.entries(v)) o.props.set(k, fromHost(rt, x));
  return o;
}

export function stringify(v: JsValue, indent?: JsValue): string | undefined {
  if (v === undefined || v instanceof JsFunction) return undefined;
  const space = typeof indent === 'number' ? indent : typeof indent === 'string' ? indent : undefined;
  return JSON.stringify(toHost(v), null, space);
}

export function installGlobals(rt: NodeRuntime, write: (text: string, err: boolean) => void): void {
  const g = rt.realm.globals;
  const set = (name: string, v: JsValue) => g.vars.set(name, { v, kind: 'var' });
  const I = () => rt.interp;
  const throwType = (m: string): never => I().throwError('TypeError', m);
  const console = rt.obj({
    log: rt.fn('log', (_t, a) => (write(`${format(a)}\n`, false), undefined)),
    info: rt.fn('info', (_t, a) => (write(`${format(a)}\n`, false), undefined)),
    debug: rt.fn('debug', (_t, a) => (write(`${format(a)}\n`, false), undefined)),
    error: rt.fn('error', (_t, a) => (write(`${format(a)}\n`, true), undefined)),
    warn: rt.fn('warn', (_t, a) => (write(`${format(a)}\n`, true), undefined)),
    table: rt.fn('table', (_t, a) => (write(`${format(a)}\n`, false), undefined)),
  });
  set('console', console);
  set('globalThis', rt.obj());
  set('undefined', undefined);
  set('NaN', NaN);
  set('Infinity', Infinity);

  const timer = (repeat: boolean) =>
    rt.fn(repeat ? 'setInterval' : 'setTimeout', (_t, [fn, ms, ...args]) => {
      const handle = rt.obj({}, 'Timeout');
      const release = rt.hold();
      handle.native = { cancelled: false, release };
      const state = handle.native as { cancelled: boolean; release: () => void };
      void (async () => {
        do {
          await rt.ctx.sleep(Math.max(1, toNumber(ms ?? 0) || 1));
          if (state.cancelled) return;
          await rt.invoke(fn, undefined, args);
        } while (repeat && !state.cancelled);
        release();
      })();
      handle.props.set(
        'unref',
        rt.fn('unref', () => (release(), handle)),
      );
      return handle;
    });
  const clear = rt.fn('clearTimeout', (_t, [h]) => {
    if (h instanceof JsObject && h.native && typeof h.native === 'object' && 'cancelled' in h.native) {
      const s = h.native as { cancelled: boolean; release: () => void };
      s.cancelled = true;
      s.release();
    }
    return undefined;
  });
  set('setTimeout', timer(false));
  set('setInterval', timer(true));
  set(
    'setImmediate',
    rt.fn(
      'setImmediate',
      (_t, [fn, ...args]) => (void Promise.resolve().then(() => rt.invoke(fn, undefined, args)), undefined),
    ),
  );
  set('clearTimeout', clear);
  set('clearInterval', clear);
  set(
    'queueMicrotask',
    rt.fn(
      'queueMicrotask',
      (_t, [fn]) => (void Promise.resolve().then(() => rt.invoke(fn, undefined, [])), undefined),
    ),
  );

  set(
    'JSON',
    rt.obj({
      stringify: rt.fn('stringify', (_t, [v, , indent]) => stringify(v, indent)),
      parse: rt.fn('parse', (_t, [s]) => {
        try {
          return fromHost(rt, JSON.parse(toStr(s)));
        } catch (e) {
          return I().throwError('SyntaxError', (e as Error).message);
        }
      }),
    }),
  );
  const math = rt.obj({ PI: Math.PI, E: Math.E });
  for (const name of [
    'floor',
    'ceil',
    'round',
    'abs',
    'sqrt',
    'trunc',
    'sign',
    'log',
    'log2',
    'log10',
    'sin',
    'cos',
    'exp',
  ] as const) {
    math.props.set(
      name,
      rt.fn(name, (_t, [x]) => Math[name](toNumber(x))),
    );
  }
  math.props.set(
    'max',
    rt.fn('max', (_t, a) => Math.max(...a.map(toNumber))),
  );
  math.props.set(
    'min',
    rt.fn('min', (_t, a) => Math.min(...a.map(toNumber))),
  );
  math.props.set(
    'pow',
    rt.fn('pow', (_t, [a, b]) => toNumber(a) ** toNumber(b)),
  );
  math.props.set(
    'random',
    rt.fn('random', () => rt.ctx.random()),
  );
  set('Math', math);

  const keysOf = (o: JsValue) =>
    o instanceof JsArray
      ? o.items.map((_, i) => String(i))
      : o instanceof JsObject
        ? [...o.props.keys()].filter((k) => !/^[\0#]/.test(k))
        : [];
  set(
    'Object',
    Object.assign(
      rt.fn('Object', (_t, [v]) => (v instanceof JsObject ? v : rt.obj())),
      {},
    ),
  );
  const objectCtor = g.vars.get('Object')!.v as JsFunction;
  objectCtor.props.set(
    'keys',
    rt.fn('keys', (_t, [o]) => rt.arr(keysOf(o))),
  );
  objectCtor.props.set(
    'values',
    rt.fn('values', (_t, [o]) => rt.arr(keysOf(o).map((k) => I().getProp(o, k)))),
  );
  objectCtor.props.set(
    'entries',
    rt.fn('entries', (_t, [o]) => rt.arr(keysOf(o).map((k) => rt.arr([k, I().getProp(o, k)])))),
  );
  objectCtor.props.set(
    'assign',
    rt.fn('assign', (_t, [target, ...sources]) => {
      for (const s of sources)
        if (s instanceof JsObject) for (const [k, v] of s.props) (target as JsObject).props.set(k, v);
      return target;
    }),
  );
  objectCtor.props.set(
    'freeze',
    rt.fn('freeze', (_t, [o]) => o),
  );
  objectCtor.props.set(
    'fromEntries',
    rt.fn('fromEntries', async (_t, [entries]) => {
      const o = rt.obj();
      for (const e of await I().iterate(entries))
        o.props.set(toStr(I().getProp(e, '0')), I().getProp(e, '1'));
      return o;
    }),
  );

  const arrayCtor = rt.fn('Array', (_t, args) =>
    rt.arr(
      args.length === 1 && typeof args[0] === 'number' ? new Array<JsValue>(args[0]).fill(undefined) : args,
    ),
  );
  arrayCtor.props.set(
    'isArray',
    rt.fn('isArray', (_t, [v]) => v instanceof JsArray),
  );
  arrayCtor.props.set(
    'from',
    rt.fn('from', async (_t, [v, fn]) => {
      const items =
        v instanceof JsObject && v.props.has('length') && !(v instanceof JsArray)
          ? Array.from({ length: toNumber(v.get('length')) }, () => undefined as JsValue)
          : await I().iterate(v);
      if (!(fn instanceof JsFunction)) return rt.arr(items);
      const out: JsValue[] = [];
      for (let i = 0; i < items.length; i++) out.push(await fn.call(undefined, [items[i], i]));
      return rt.arr(out);
    }),
  );
  arrayCtor.props.set(
    'of',
    rt.fn('of', (_t, a) => rt.arr(a)),
  );
  set('Array', arrayCtor);
  const numberCtor = rt.fn('Number', (_t, [v]) => toNumber(v));
  numberCtor.props.set(
    'isInteger',
    rt.fn('isInteger', (_t, [v]) => Number.isInteger(v)),
  );
  numberCtor.props.set(
    'parseInt',
    rt.fn('parseInt', (_t, [s, r]) => parseInt(toStr(s), r === undefined ? 10 : toNumber(r))),
  );
  numberCtor.props.set(
    'parseFloat',
    rt.fn('parseFloat', (_t, [s]) => parseFloat(toStr(s))),
  );
  set('Number', numberCtor);
  set(
    'String',
    rt.fn('String', (_t, [v]) => (v instanceof JsObject ? toStr(v) : toStr(v))),
  );
  set(
    'Boolean',
    rt.fn('Boolean', (_t, [v]) => truthy(v)),
  );
  set('parseInt', numberCtor.props.get('parseInt')!);
  set('parseFloat', numberCtor.props.get('parseFloat')!);
  set(
    'isNaN',
    rt.fn('isNaN', (_t, [v]) => Number.isNaN(toNumber(v))),
  );
  set(
    'structuredClone',
    rt.fn('structuredClone', (_t, [v]) => fromHost(rt, toHost(v))),
  );

  const dateProto = rt.obj({}, 'Date');
  const dateCtor = rt.fn('Date', (thisArg, args, newTarget) => {
    const ms =
      args.length === 0 ? rt.ctx.now() : typeof args[0] === 'number' ? args[0] : parseDate(toStr(args[0]!));
    if (!newTarget) return isoString(rt.ctx.now());
    (thisArg as JsObject).native = ms;
    (thisArg as JsObject).className = 'Date';
    return undefined;
  });
  dateCtor.props.set('prototype', dateProto);
  dateCtor.props.set(
    'now',
    rt.fn('now', () => rt.ctx.now()),
  );
  const ms = (t: JsValue) => (t as JsObject).native as number;
  dateProto.props.set(
    'toISOString',
    rt.fn('toISOString', (t) => isoString(ms(t))),
  );
  dateProto.props.set(
    'toJSON',
    rt.fn('toJSON', (t) => isoString(ms(t))),
  );
  dateProto.props.set(
    'getTime',
    rt.fn('getTime', (t) => ms(t)),
  );
  dateProto.props.set(
    'getFullYear',
    rt.fn('getFullYear', (t) => Number(isoString(ms(t)).slice(0, 4))),
  );
  dateProto.props.set(
    'toString',
    rt.fn('toString', (t) => isoString(ms(t))),
  );
  dateProto.props.set(
    'toLocaleTimeString',
    rt.fn('toLocaleTimeString', (t) => isoString(ms(t)).slice(11, 19)),
  );
  set('Date', dateCtor);

  const collection = (name: 'Map' | 'Set') => {
    const proto = rt.obj({}, name);
    const ctor = rt.fn(name, async (thisArg, [init]) => {
      const o = thisArg as JsObject;
      o.className = name;
      if (name === 'Map') {
        const m = new Map<JsValue, JsValue>();
        if (init !== undefined)
          for (const e of await I().iterate(init)) m.set(I().getProp(e, '0'), I().getProp(e, '1'));
        o.native = m;
      } else o.native = new Set(init === undefined ? [] : await I().iterate(init));
      return undefined;
    });
    ctor.props.set('prototype', proto);
    return ctor;
  };
  set('Map', collection('Map'));
  set('Set', collection('Set'));

  const promiseCtor = rt.fn('Promise', (thisArg, [executor], newTarget) => {
    if (!newTarget) throwType("Promise constructor cannot be invoked without 'new'");
    let resolveFn: (v: JsValue) => void = () => {};
    let rejectFn: (e: unknown) => void = () => {};
    const host = new Promise<JsValue>((res, rej) => {
      resolveFn = res;
      rejectFn = rej;
    });
    host.catch(() => undefined);
    const p = new JsPromise(host);
    void rt.invoke(executor, undefined, [
      rt.fn(
        'resolve',
        (_t, [v]) => (resolveFn(v instanceof JsPromise ? (v.promise as unknown as JsValue) : v), undefined),
      ),
      rt.fn('reject', (_t, [e]) => (rejectFn(new JsThrow(e)), undefined)),
    ]);
    return p;
  });
  promiseCtor.props.set(
    'resolve',
    rt.fn('resolve', (_t, [v]) => (v instanceof JsPromise ? v : new JsPromise(Promise.resolve(v)))),
  );
  promiseCtor.props.set(
    'reject',
    rt.fn('reject', (_t, [e]) => {
      const p = Promise.reject(new JsThrow(e));
      p.catch(() => undefined);
      return new JsPromise(p);
    }),
  );
  promiseCtor.props.set(
    'all',
    rt.fn(
      'all',
      async (_t, [list]) =>
        new JsPromise(
          Promise.all((await I().iterate(list)).map((x) => (x instanceof JsPromise ? x.promise : x))).then(
            (vals) => rt.arr(vals),
          ),
        ),
    ),
  );
  set('Promise', promiseCtor);

  for (const type of ERROR_TYPES) {
    const proto = rt.realm.errorProtos.get(type)!;
    const ctor = rt.fn(type, (thisArg, [message]) => {
      const e =
        thisArg instanceof JsObject && thisArg.className === 'Error'
          ? thisArg
          : I().makeError(type, toStr(message ?? ''));
      e.props.set('message', message === undefined ? '' : toStr(message));
      const name = toStr(I().getProp(e, 'name'));
      e.props.set('stack', `${name}${message === undefined ? '' : `: ${toStr(message)}`}\n${I().frames()}`);
      return e;
    });
    ctor.props.set('prototype', proto);
    proto.props.set('constructor', ctor);
    set(type, ctor);
  }
}
