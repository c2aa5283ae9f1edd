/**
 * The builtins of the subset: functions (print, len, range, sorted, open…), the
 * exception hierarchy, the builtin types as callable classes (int, str, list…), and
 * the methods of str, list, dict and set.
 */
import type { Interp } from './interp.ts';
import { formatSpec } from './ops.ts';
import {
  BASE_EXCEPTION,
  equal,
  PyError,
  PyBuiltin,
  PyClass,
  PyDict,
  PyInstance,
  PyIter,
  PyList,
  PyRange,
  PySet,
  PyTuple,
  repr,
  STOP,
  str,
  truthy,
  typeName,
} from './values.ts';
import type { Kwargs, NativeFn, Py } from './values.ts';

export interface Runtime {
  interp(): Interp;
  write(text: string, toStderr: boolean, flush: boolean): void;
  readLine(prompt: string): Promise<string | null>;
  readFile(path: string): string | undefined;
  writeFile(path: string, text: string, append: boolean): boolean;
}

const EXCEPTION_TREE: [string, string][] = [
  ['Exception', 'BaseException'],
  ['KeyboardInterrupt', 'BaseException'],
  ['SystemExit', 'BaseException'],
  ['ArithmeticError', 'Exception'],
  ['ZeroDivisionError', 'ArithmeticError'],
  ['LookupError', 'Exception'],
  ['KeyError', 'LookupError'],
  ['IndexError', 'LookupError'],
  ['ValueError', 'Exception'],
  ['TypeError', 'Exception'],
  ['NameError', 'Exception'],
  ['AttributeError', 'Exception'],
  ['ImportError', 'Exception'],
  ['ModuleNotFoundError', 'ImportError'],
  ['RuntimeError', 'Exception'],
  ['RecursionError', 'RuntimeError'],
  ['NotImplementedError', 'RuntimeError'],
  ['StopIteration', 'Exception'],
  ['EOFError', 'Exception'],
  ['AssertionError', 'Exception'],
  ['SyntaxError', 'Exception'],
  ['OSError', 'Exception'],
  ['ConnectionError', 'OSError'],
  ['ConnectionRefusedError', 'ConnectionError'],
  ['TimeoutError', 'OSError'],
  ['FileNotFoundError', 'OSError'],
  ['PermissionError', 'OSError'],
  ['UnicodeError', 'ValueError'],
];

export function exceptionClasses(): Map<string, PyClass> {
  const classes = new Map<string, PyClass>([['BaseException', BASE_EXCEPTION]]);
  for (const [name, base] of EXCEPTION_TREE) classes.set(name, new PyClass(name, [classes.get(base)!]));
  classes.set('IOError', classes.get('OSError')!);
  return classes;
}

const fn = (name: string, f: NativeFn) => new PyBuiltin(name, f);
const int = (n: number | bigint) => (typeof n === 'bigint' ? n : BigInt(Math.trunc(n)));

export function builtinTypes(rt: Runtime): Map<string, PyClass> {
  const raise = (t: string, m: string): never => rt.interp().raise(t, m);
  const native = (name: string, f: NativeFn) =>
    new PyClass(name, [], new Map([['__call_native__', fn(name, f)]]));
  const toInt = (v: Py, base = 10n): bigint => {
    if (typeof v === 'bigint') return v;
    if (typeof v === 'boolean') return v ? 1n : 0n;
    if (typeof v === 'number') return BigInt(Math.trunc(v));
    if (typeof v === 'string') {
      const t = v.trim().replace(/_/g, '');
      const ok = base === 10n ? /^[-+]?\d+$/.test(t) : /^[-+]?[0-9a-zA-Z]+$/.test(t);
      if (!ok) raise('ValueError', `invalid literal for int() with base ${base}: ${repr(v)}`);
      return base === 10n ? BigInt(t) : BigInt(parseInt(t, Number(base)));
    }
    return raise(
      'TypeError',
      `int() argument must be a string, a bytes-like object or a real number, not '${typeName(v)}'`,
    );
  };
  const toFloat = (v: Py): number => {
    if (typeof v === 'string') {
      const t = v.trim().toLowerCase();
      if (t === 'inf' || t === 'infinity') return Infinity;
      if (t === 'nan') return NaN;
      if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/.test(t))
        raise('ValueError', `could not convert string to float: ${repr(v)}`);
      return Number(t);
    }
    return Number(v);
  };
  const types: [string, NativeFn][] = [
    ['object', () => new PyInstance(types_.get('object')!)],
    ['int', ([v = 0n, b]) => toInt(v, b === undefined ? 10n : (b as bigint))],
    ['float', ([v = 0]) => toFloat(v)],
    ['str', async ([v = '']) => rt.interp().str(v)],
    ['bool', ([v = false]) => truthy(v)],
    ['list', async ([v]) => new PyList(v === undefined ? [] : await rt.interp().toArray(v))],
    ['tuple', async ([v]) => new PyTuple(v === undefined ? [] : await rt.interp().toArray(v))],
    ['set', async ([v]) => new PySet(v === undefined ? [] : await rt.interp().toArray(v))],
    [
      'dict',
      async ([v], kw) => {
        const d = new PyDict();
        if (v instanceof PyDict) for (const [k, x] of v.entries()) d.set(k, x);
        else if (v !== undefined)
          for (const pair of await rt.interp().toArray(v)) {
            const [k, x] = await rt.interp().toArray(pair);
            d.set(k!, x!);
          }
        for (const [k, x] of kw) d.set(k, x);
        return d;
      },
    ],
    [
      'range',
      ([a, b, c]) =>
        b === undefined
          ? new PyRange(0n, toInt(a!), 1n)
          : new PyRange(toInt(a!), toInt(b), c === undefined ? 1n : toInt(c)),
    ],
    ['type', ([v]) => typeOf(v!)],
  ];
  const types_ = new Map<string, PyClass>();
  for (const [name, f] of types) types_.set(name, native(name, f));
  const typeOf = (v: Py): PyClass =>
    v instanceof PyInstance ? v.cls : (types_.get(typeName(v)) ?? new PyClass(typeName(v)));
  return types_;
}

export function makeBuiltins(
  rt: Runtime,
  exceptions: Map<string, PyClass>,
  types: Map<string, PyClass>,
): Map<string, Py> {
  const I = () => rt.interp();
  const b = new Map<string, Py>();
  for (const [k, v] of exceptions) b.set(k, v);
  for (const [k, v] of types) b.set(k, v);
  const def = (name: string, f: NativeFn) => b.set(name, fn(name, f));
  def('print', async (args, kw) => {
    const sep = kw.has('sep') && kw.get('sep') !== null ? str(kw.get('sep')!) : ' ';
    const end = kw.has('end') && kw.get('end') !== null ? str(kw.get('end')!) : '\n';
    const parts: string[] = [];
    for (const a of args) parts.push(await I().str(a));
    const file = kw.get('file');
    const toStderr = file instanceof PyInstance && file.native === 'stderr';
    rt.write(parts.join(sep) + end, toStderr, truthy(kw.get('flush') ?? false));
    return null;
  });
  def('input', async ([prompt]) => {
    const line = await rt.readLine(prompt === undefined ? '' : str(prompt));
    if (line === null) I().raise('EOFError', 'EOF when reading a line');
    return line;
  });
  def('len', ([v]) => {
    if (typeof v === 'string') return BigInt([...v].length);
    if (v instanceof PyList || v instanceof PyTuple) return BigInt(v.items.length);
    if (v instanceof PyDict || v instanceof PySet) return BigInt(v.map.size);
    if (v instanceof PyRange) return BigInt([...v.values()].length);
    return I().raise('TypeError', `object of type '${typeName(v!)}' has no len()`);
  });
  def('repr', ([v]) => repr(v!));
  def('abs', ([v]) => (typeof v === 'bigint' ? (v < 0n ? -v : v) : Math.abs(Number(v))));
  const minmax = (pick: (a: Py, b: Py) => boolean) => async (args: Py[], kw: Kwargs) => {
    const items = args.length === 1 ? await I().toArray(args[0]!) : args;
    if (!items.length) {
      if (kw.has('default')) return kw.get('default')!;
      I().raise('ValueError', 'max() iterable argument is empty');
    }
    const key = kw.get('key');
    let best: Py = items[0]!;
    let bestKey: Py = key ? await I().call(key, [best]) : best;
    for (const x of items.slice(1)) {
      const k = key ? await I().call(key, [x]) : x;
      if (pick(k, bestKey)) [best, bestKey] = [x, k];
    }
    return best;
  };
  const lt = (a: Py, c: Py) => (typeof a === 'string' ? a < (c as string) : Number(a) < Number(c));
  def(
    'min',
    minmax((a, c) => lt(a, c)),
  );
  def(
    'max',
    minmax((a, c) => lt(c, a)),
  );
  def('sum', async ([v, start = 0n]) => {
    let acc: Py = start;
    for (const x of await I().toArray(v!))
      acc = typeof acc === 'bigint' && typeof x === 'bigint' ? acc + x : Number(acc) + Number(x);
    return acc;
  });
  def('sorted', async ([v], kw) => {
    const list = new PyList(await I().toArray(v!));
    await sortList(I(), list, kw);
    return list;
  });
  def('reversed', async ([v]) => iterOf((await I().toArray(v!)).reverse()));
  def('enumerate', async ([v, start = 0n]) =>
    iterOf((await I().toArray(v!)).map((x, i) => new PyTuple([BigInt(i) + (start as bigint), x]))),
  );
  def('zip', async (args) => {
    const lists = await Promise.all(args.map((a) => I().toArray(a)));
    const n = Math.min(...lists.map((l) => l.length));
    return iterOf(Array.from({ length: n }, (_, i) => new PyTuple(lists.map((l) => l[i]!))));
  });
  def('map', async ([f, v]) => {
    const out: Py[] = [];
    for (const x of await I().toArray(v!)) out.push(await I().call(f!, [x]));
    return iterOf(out);
  });
  def('filter', async ([f, v]) => {
    const out: Py[] = [];
    for (const x of await I().toArray(v!))
      if (f === null ? truthy(x) : truthy(await I().call(f!, [x]))) out.push(x);
    return iterOf(out);
  });
  def('any', async ([v]) => (await I().toArray(v!)).some(truthy));
  def('all', async ([v]) => (await I().toArray(v!)).every(truthy));
  def('isinstance', ([v, c]) => {
    const classes = c instanceof PyTuple ? c.items : [c!];
    return classes.some(
      (k) =>
        k instanceof PyClass &&
        (v instanceof PyInstance
          ? v.cls.isSubclassOf(k)
          : typeName(v!) === k.name || (k.name === 'int' && typeof v === 'boolean') || k.name === 'object'),
    );
  });
  def('hasattr', ([o, n]) => I().getattrOrUndefined(o!, str(n!)) !== undefined);
  def(
    'getattr',
    ([o, n, d]) => I().getattrOrUndefined(o!, str(n!)) ?? (d === undefined ? I().getattr(o!, str(n!)) : d),
  );
  def('setattr', ([o, n, v]) => {
    if (o instanceof PyInstance) o.attrs.set(str(n!), v!);
    return null;
  });
  def('round', ([v, nd]) => {
    if (nd === undefined || nd === null)
      return BigInt(
        Math.round(Number(v)) -
          (Math.abs(Number(v) % 1) === 0.5 && Math.round(Number(v)) % 2 !== 0 ? Math.sign(Number(v)) : 0),
      );
    const f = 10 ** Number(nd);
    return Math.round(Number(v) * f) / f;
  });
  def(
    'divmod',
    ([a, c]) =>
      new PyTuple([
        int(Math.floor(Number(a) / Number(c))),
        int(((Number(a) % Number(c)) + Number(c)) % Number(c)),
      ]),
  );
  def('pow', ([a, c]) =>
    typeof a === 'bigint' && typeof c === 'bigint' && c >= 0n ? a ** c : Number(a) ** Number(c),
  );
  def('hex', ([v]) => `0x${(v as bigint).toString(16)}`);
  def('bin', ([v]) => `0b${(v as bigint).toString(2)}`);
  def('ord', ([v]) => BigInt(str(v!).codePointAt(0) ?? 0));
  def('chr', ([v]) => String.fromCodePoint(Number(v)));
  def('id', ([v]) => BigInt(repr(v!).length * 7919 + 140_000_000_000_000));
  def('hash', ([v]) => BigInt([...repr(v!)].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, 0)));
  def('format', ([v, spec = '']) => formatSpec(v!, str(spec)));
  def('iter', async ([v]) => iterOf(await I().toArray(v!)));
  def('next', async ([it, d]) => {
    const v = it instanceof PyIter ? await it.next() : STOP;
    if (v === STOP) return d === undefined ? I().raise('StopIteration', '') : d;
    return v;
  });
  const exit: NativeFn = ([code]) => {
    const exc = new PyInstance(exceptions.get('SystemExit')!);
    exc.attrs.set('args', new PyTuple(code === undefined ? [] : [code]));
    exc.attrs.set('code', code ?? null);
    throw new PyError(exc);
  };
  def('exit', exit);
  def('quit', exit);
  def('open', ([path, mode = 'r']) => openFile(rt, str(path!), str(mode)));
  b.set('__build_class__', null);
  return b;
}

export function iterOf(items: Py[]): PyIter {
  let i = 0;
  return new PyIter(async () => (i < items.length ? items[i++]! : STOP));
}

async function sortList(interp: Interp, list: PyList, kw: Kwargs): Promise<void> {
  const key = kw.get('key');
  const keys = new Map<Py, Py>();
  for (const x of list.items) keys.set(x, key && key !== null ? await interp.call(key, [x]) : x);
  const cmp = (a: Py, c: Py) => {
    const ka = keys.get(a)!;
    const kc = keys.get(c)!;
    if (equal(ka, kc)) return 0;
    if (typeof ka === 'string') return ka < (kc as string) ? -1 : 1;
    if (ka instanceof PyTuple && kc instanceof PyTuple) return repr(ka) < repr(kc) ? -1 : 1;
    return Number(ka) < Number(kc) ? -1 : 1;
  };
  list.items.sort(cmp);
  if (truthy(kw.get('reverse') ?? false)) list.items.reverse();
}

function openFile(rt: Runtime, path: string, mode: string): PyInstance {
  const cls = new PyClass('TextIOWrapper', [], new Map(), '_io');
  const f = new PyInstance(cls);
  const writing = /[wa]/.test(mode);
  if (!writing) {
    const text = rt.readFile(path);
    if (text === undefined)
      rt.interp().raise('FileNotFoundError', `[Errno 2] No such file or directory: ${repr(path)}`);
    f.native = { text, pos: 0 };
  } else {
    if (!rt.writeFile(path, '', mode.includes('a')))
      rt.interp().raise('FileNotFoundError', `[Errno 2] No such file or directory: ${repr(path)}`);
    f.native = { text: '', pos: 0 };
  }
  const state = f.native as { text: string; pos: number };
  const m = (name: string, fnc: NativeFn) =>
    cls.attrs.set(
      name,
      fn(name, (args, kw) => fnc(args.slice(1), kw)),
    );
  m('read', () => {
    const r = state.text.slice(state.pos);
    state.pos = state.text.length;
    return r;
  });
  m(
    'readlines',
    () =>
      new PyList(
        state.text
          .slice(state.pos)
          .split(/(?<=\n)/)
          .filter(Boolean),
      ),
  );
  m('readline', () => {
    const nl = state.text.indexOf('\n', state.pos);
    const r = state.text.slice(state.pos, nl < 0 ? undefined : nl + 1);
    state.pos += r.length;
    return r;
  });
  m('write', ([t]) => {
    rt.writeFile(path, str(t!), true);
    return BigInt(str(t!).length);
  });
  m('close', () => null);
  m('__enter__', () => f);
  m('__exit__', () => false);
  m('__iter__', () => iterOf(state.text.split(/(?<=\n)/).filter(Boolean)));
  return f;
}
