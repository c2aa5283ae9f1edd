/**
 * The Python subset's values: int as bigint, float as number, str, bool, None (null),
 * lists, tuples, dicts and sets, functions, classes and instances (exceptions are
 * instances of classes deriving from BaseException), modules, and bound methods;
 * with str()/repr() spelled as CPython spells them.
 */
import type { Param, Stmt, Expr } from './ast.ts';

export type Py =
  | null
  | boolean
  | bigint
  | number
  | string
  | PyList
  | PyTuple
  | PyDict
  | PySet
  | PyFunc
  | PyBuiltin
  | PyModule
  | PyClass
  | PyInstance
  | PyBound
  | PyRange
  | PyIter;

export class PyList {
  items: Py[];
  constructor(items: Py[] = []) {
    this.items = items;
  }
}
export class PyTuple {
  readonly items: Py[];
  constructor(items: Py[] = []) {
    this.items = items;
  }
}
export class PyDict {
  readonly map = new Map<string, [Py, Py]>();
  constructor(entries: [Py, Py][] = []) {
    for (const [k, v] of entries) this.set(k, v);
  }
  get(k: Py): Py | undefined {
    return this.map.get(hashKey(k))?.[1];
  }
  set(k: Py, v: Py): void {
    this.map.set(hashKey(k), [k, v]);
  }
  delete(k: Py): boolean {
    return this.map.delete(hashKey(k));
  }
  keys(): Py[] {
    return [...this.map.values()].map(([k]) => k);
  }
  entries(): [Py, Py][] {
    return [...this.map.values()];
  }
}
export class PySet {
  readonly map = new Map<string, Py>();
  constructor(items: Py[] = []) {
    for (const i of items) this.map.set(hashKey(i), i);
  }
}
export class PyRange {
  readonly start: bigint;
  readonly stop: bigint;
  readonly step: bigint;
  constructor(start: bigint, stop: bigint, step: bigint) {
    this.start = start;
    this.stop = stop;
    this.step = step;
  }
  *values(): Generator<bigint> {
    for (let i = this.start; this.step > 0n ? i < this.stop : i > this.stop; i += this.step) yield i;
  }
}
export class PyIter {
  readonly next: () => Promise<Py | typeof STOP>;
  constructor(next: () => Promise<Py | typeof STOP>) {
    this.next = next;
  }
}
export const STOP: unique symbol = Symbol('StopIteration');

export interface Scope {
  vars: Map<string, Py>;
  parent?: Scope;
  globals: Map<string, Py>;
  nonlocal?: Set<string>;
}

export class PyFunc {
  readonly name: string;
  readonly params: Param[];
  readonly body: Stmt[] | Expr;
  readonly closure: Scope;
  readonly defaults: Map<string, Py>;
  constructor(name: string, params: Param[], body: Stmt[] | Expr, closure: Scope, defaults: Map<string, Py>) {
    this.name = name;
    this.params = params;
    this.body = body;
    this.closure = closure;
    this.defaults = defaults;
  }
}

export type Kwargs = Map<string, Py>;
export type NativeFn = (args: Py[], kwargs: Kwargs) => Py | Promise<Py>;

export class PyBuiltin {
  readonly name: string;
  readonly fn: NativeFn;
  constructor(name: string, fn: NativeFn) {
    this.name = name;
    this.fn = fn;
  }
}

export class PyModule {
  readonly name: string;
  readonly attrs: Map<string, Py>;
  constructor(name: string, attrs: Record<string, Py> = {}) {
    this.name = name;
    this.attrs = new Map(Object.entries(attrs));
  }
}

export class PyClass {
  readonly name: string;
  readonly bases: PyClass[];
  readonly attrs: Map<string, Py>;
  readonly module: string;
  constructor(name: string, bases: PyClass[] = [], attrs: Map<string, Py> = new Map(), module = 'builtins') {
    this.name = name;
    this.bases = bases;
    this.attrs = attrs;
    this.module = module;
  }
  isSubclassOf(other: PyClass): boolean {
    return this === other || this.bases.some((b) => b.isSubclassOf(other));
  }
  lookup(name: string): Py | undefined {
    if (this.attrs.has(name)) return this.attrs.get(name);
    for (const b of this.bases) {
      const v = b.lookup(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }
}

export class PyInstance {
  readonly cls: PyClass;
  readonly attrs = new Map<string, Py>();
  /** host data of a native object (a Flask app, a Redis connection) */
  native?: unknown;
  constructor(cls: PyClass) {
    this.cls = cls;
  }
}

export class PyBound {
  readonly self: Py;
  readonly fn: PyFunc | PyBuiltin;
  constructor(self: Py, fn: PyFunc | PyBuiltin) {
    this.self = self;
    this.fn = fn;
  }
}

/** A Python exception travelling through the host's stack. */
export class PyError extends Error {
  readonly exc: PyInstance;
  readonly trace: { file: string; line: number; fn: string }[] = [];
  constructor(exc: PyInstance) {
    super(exc.cls.name);
    this.exc = exc;
  }
}

export function hashKey(v: Py): string {
  if (v === null) return 'N';
  if (typeof v === 'boolean') return `i${v ? 1 : 0}`;
  if (typeof v === 'bigint') return `i${v}`;
  if (typeof v === 'number') return Number.isInteger(v) ? `i${v}` : `f${v}`;
  if (typeof v === 'string') return `s${v}`;
  if (v instanceof PyTuple) return `t(${v.items.map(hashKey).join(',')})`;
  return `o${repr(v)}`;
}

export function typeName(v: Py): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'str';
  if (v instanceof PyList) return 'list';
  if (v instanceof PyTuple) return 'tuple';
  if (v instanceof PyDict) return 'dict';
  if (v instanceof PySet) return 'set';
  if (v instanceof PyFunc) return 'function';
  if (v instanceof PyBuiltin) return 'builtin_function_or_method';
  if (v instanceof PyModule) return 'module';
  if (v instanceof PyClass) return 'type';
  if (v instanceof PyBound) return 'method';
  if (v instanceof PyRange) return 'range';
  if (v instanceof PyIter) return 'generator';
  return v.cls.name;
}

export function floatRepr(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  const a = Math.abs(n);
  if (a !== 0 && (a >= 1e16 || a < 1e-4)) {
    const [m, e] = n.toExponential().split('e') as [string, string];
    const exp = Number(e);
    return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const s = String(n);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

function strRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of s) {
    if (ch === '\\') out += '\\\\';
    else if (ch === q) out += `\\${q}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch.charCodeAt(0) < 0x20) out += `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return q + out + q;
}

const address = (seed: string) =>
  `0x7f${[...seed]
    .reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7)
    .toString(16)
    .padStart(10, '0')
    .slice(0, 10)}`;

export function repr(v: Py): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return floatRepr(v);
  if (typeof v === 'string') return strRepr(v);
  if (v instanceof PyList) return `[${v.items.map(repr).join(', ')}]`;
  if (v instanceof PyTuple)
    return v.items.length === 1 ? `(${repr(v.items[0]!)},)` : `(${v.items.map(repr).join(', ')})`;
  if (v instanceof PyDict)
    return `{${v
      .entries()
      .map(([k, x]) => `${repr(k)}: ${repr(x)}`)
      .join(', ')}}`;
  if (v instanceof PySet) return v.map.size ? `{${[...v.map.values()].map(repr).join(', ')}}` : 'set()';
  if (v instanceof PyRange)
    return v.step === 1n ? `range(${v.start}, ${v.stop})` : `range(${v.start}, ${v.stop}, ${v.step})`;
  if (v instanceof PyFunc) return `<function ${v.name} at ${address(v.name)}>`;
  if (v instanceof PyBuiltin) return `<built-in function ${v.name}>`;
  if (v instanceof PyModule) return `<module '${v.name}'>`;
  if (v instanceof PyClass) return `<class '${v.module === 'builtins' ? '' : `${v.module}.`}${v.name}'>`;
  if (v instanceof PyBound) return `<bound method ${v.fn.name} of ${repr(v.self)}>`;
  if (v instanceof PyIter) return `<generator object at ${address('gen')}>`;
  if (isException(v)) {
    const args = v.attrs.get('args');
    const items = args instanceof PyTuple ? args.items : [];
    return `${v.cls.name}(${items.map(repr).join(', ')})`;
  }
  const inst: PyInstance = v;
  return `<${inst.cls.module}.${inst.cls.name} object at ${address(inst.cls.name)}>`;
}

export function str(v: Py): string {
  if (typeof v === 'string') return v;
  if (v instanceof PyInstance && isException(v)) {
    const args = v.attrs.get('args');
    const items = args instanceof PyTuple ? args.items : [];
    if (items.length === 1 && v.cls.name === 'KeyError') return repr(items[0]!);
    return items.length === 1 ? str(items[0]!) : items.length === 0 ? '' : repr(new PyTuple(items));
  }
  return repr(v);
}

export const BASE_EXCEPTION = new PyClass('BaseException');

export function isException(v: Py): v is PyInstance {
  return v instanceof PyInstance && v.cls.isSubclassOf(BASE_EXCEPTION);
}

export function truthy(v: Py): boolean {
  if (v === null || v === false || v === 0 || v === 0n || v === '') return false;
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length > 0;
  if (v instanceof PyDict || v instanceof PySet) return v.map.size > 0;
  if (v instanceof PyRange) return v.values().next().done !== true;
  return true;
}

export function equal(a: Py, b: Py): boolean {
  if (
    (typeof a === 'bigint' || typeof a === 'number' || typeof a === 'boolean') &&
    (typeof b === 'bigint' || typeof b === 'number' || typeof b === 'boolean')
  ) {
    return Number(a) === Number(b);
  }
  if (typeof a === 'string' || typeof b === 'string' || a === null || b === null) return a === b;
  if ((a instanceof PyList && b instanceof PyList) || (a instanceof PyTuple && b instanceof PyTuple)) {
    return a.items.length === b.items.length && a.items.every((x, i) => equal(x, b.items[i]!));
  }
  if (a instanceof PyDict && b instanceof PyDict) {
    return (
      a.map.size === b.map.size &&
      a.entries().every(([k, v]) => b.get(k) !== undefined && equal(v, b.get(k)!))
    );
  }
  return a === b;
}
