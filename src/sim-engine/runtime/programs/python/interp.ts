/**
 * The evaluator: statements and expressions of the subset, scopes (local, enclosing,
 * global, builtins), calls with keyword and default arguments, classes and instances,
 * exceptions with tracebacks, and iteration. Everything is async, so that
 * time.sleep and network calls wait on the virtual clock and the simulated network.
 */
import type { Expr, Param, Stmt } from './ast.ts';
import { binary, compare, formatSpec, OpError } from './ops.ts';
import {
  equal,
  hashKey,
  isException,
  PyBound,
  PyBuiltin,
  PyClass,
  PyDict,
  PyError,
  PyFunc,
  PyInstance,
  PyIter,
  PyList,
  PyModule,
  PyRange,
  PySet,
  PyTuple,
  repr,
  STOP,
  str,
  truthy,
  typeName,
} from './values.ts';
import type { Kwargs, Py, Scope } from './values.ts';

class Break {}
class Continue {}
class Return {
  readonly value: Py;
  constructor(value: Py) {
    this.value = value;
  }
}

interface Frame {
  name: string;
}

export interface Hooks {
  /** the exception classes by name (builtins.ts) */
  exception(name: string): PyClass;
  /** import a module by its dotted name; undefined when there is none */
  importModule(name: string): Promise<PyModule | undefined>;
  /** methods of the builtin types: `'abc'.upper`, `[].append` */
  method(self: Py, name: string): Py | undefined;
  builtins: Map<string, Py>;
}

export class Interp {
  readonly hooks: Hooks;
  readonly file: string;
  readonly lines: string[];
  #frames: Frame[] = [{ name: '<module>' }];

  constructor(hooks: Hooks, file: string, source: string) {
    this.hooks = hooks;
    this.file = file;
    this.lines = source.split('\n');
  }

  raise(type: string, message?: string): never {
    return this.raiseArgs(type, message === undefined ? [] : [message]);
  }

  raiseArgs(type: string, args: Py[]): never {
    const exc = new PyInstance(this.hooks.exception(type));
    exc.attrs.set('args', new PyTuple(args));
    throw new PyError(exc);
  }

  // --- statements ------------------------------------------------------------------

  async execBlock(stmts: Stmt[], scope: Scope): Promise<void> {
    for (const s of stmts) await this.exec(s, scope);
  }

  async exec(s: Stmt, scope: Scope): Promise<void> {
    try {
      await this.#exec(s, scope);
    } catch (error) {
      const e = this.#wrap(error);
      if (e instanceof PyError) {
        const frame = this.#frames[this.#frames.length - 1]!;
        if (!(e as PyError & { seen?: Set<Frame> }).seen?.has(frame)) {
          const seen = ((e as PyError & { seen?: Set<Frame> }).seen ??= new Set());
          seen.add(frame);
          e.trace.push({ file: this.file, line: s.line, fn: frame.name });
        }
      }
      throw e;
    }
  }

  #wrap(error: unknown): unknown {
    if (error instanceof OpError) {
      try {
        this.raise(error.type, error.message);
      } catch (e) {
        return e;
      }
    }
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      try {
        this.raise('RecursionError', 'maximum recursion depth exceeded');
      } catch (e) {
        return e;
      }
    }
    return error;
  }

  async #exec(s: Stmt, scope: Scope): Promise<void> {
    switch (s.k) {
      case 'expr':
        await this.eval(s.e, scope);
        return;
      case 'assign': {
        const v = await this.eval(s.value, scope);
        for (const t of s.targets) await this.assign(t, v, scope);
        return;
      }
      case 'aug': {
        const cur = await this.eval(s.target, scope);
        const r = await this.eval(s.value, scope);
        if (s.op === '+' && cur instanceof PyList) {
          cur.items.push(...(await this.toArray(r)));
          return;
        }
        await this.assign(s.target, binary(s.op, cur, r), scope);
        return;
      }
      case 'if': {
        for (const [test, body] of s.tests) {
          if (truthy(await this.eval(test, scope))) return this.execBlock(body, scope);
        }
        if (s.orelse) await this.execBlock(s.orelse, scope);
        return;
      }
      case 'while': {
        while (truthy(await this.eval(s.test, scope))) {
          try {
            await this.execBlock(s.body, scope);
          } catch (e) {
            if (e instanceof Break) return;
            if (!(e instanceof Continue)) throw e;
          }
        }
        if (s.orelse) await this.execBlock(s.orelse, scope);
        return;
      }
      case 'for': {
        const it = await this.iterator(await this.eval(s.iter, scope));
        for (let v = await it.next(); v !== STOP; v = await it.next()) {
          await this.assign(s.target, v, scope);
          try {
            await this.execBlock(s.body, scope);
          } catch (e) {
            if (e instanceof Break) return;
            if (!(e instanceof Continue)) throw e;
          }
        }
        if (s.orelse) await this.execBlock(s.orelse, scope);
        return;
      }
      case 'def': {
        let fn: Py = new PyFunc(s.name, s.params, s.body, scope, await this.defaults(s.params, scope));
        for (const d of [...s.decorators].reverse()) fn = await this.call(await this.eval(d, scope), [fn]);
        this.store(scope, s.name, fn);
        return;
      }
      case 'class': {
        const bases = [];
        for (const b of s.bases) {
          const c = await this.eval(b, scope);
          if (c instanceof PyClass) bases.push(c);
        }
        const body: Scope = { vars: new Map(), parent: scope, globals: scope.globals };
        await this.execBlock(s.body, body);
        const module =
          typeof scope.globals.get('__name__') === 'string'
            ? (scope.globals.get('__name__') as string)
            : '__main__';
        const cls = new PyClass(
          s.name,
          bases.length ? bases : [this.hooks.exception('object')],
          body.vars,
          module,
        );
        this.store(scope, s.name, cls);
        return;
      }
      case 'return':
        throw new Return(s.e ? await this.eval(s.e, scope) : null);
      case 'pass':
        return;
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
      case 'global':
        for (const n of s.names) (scope.nonlocal ??= new Set()).add(n);
        return;
      case 'import':
        for (const [name, as] of s.names) {
          const mod = await this.import(name);
          if (as) this.store(scope, as, mod);
          else
            this.store(
              scope,
              name.split('.')[0]!,
              name.includes('.') ? await this.import(name.split('.')[0]!) : mod,
            );
        }
        return;
      case 'from': {
        const mod = await this.import(s.module);
        for (const [name, as] of s.names) {
          if (name === '*') {
            for (const [k, v] of mod.attrs) if (!k.startsWith('_')) this.store(scope, k, v);
            continue;
          }
          let v = mod.attrs.get(name);
          if (v === undefined) {
            const sub = await this.hooks.importModule(`${s.module}.${name}`);
            if (sub) v = sub;
            else
              this.raise('ImportError', `cannot import name '${name}' from '${s.module}' (unknown location)`);
          }
          this.store(scope, as ?? name, v);
        }
        return;
      }
      case 'raise': {
        if (!s.e) {
          const current = scope.vars.get('\0exc') ?? scope.globals.get('\0exc');
          if (current instanceof PyInstance) throw new PyError(current);
          this.raise('RuntimeError', 'No active exception to reraise');
        }
        let v = await this.eval(s.e, scope);
        if (v instanceof PyClass) v = await this.call(v, []);
        if (!isException(v)) this.raise('TypeError', 'exceptions must derive from BaseException');
        throw new PyError(v);
      }
      case 'try':
        return this.#try(s, scope);
      case 'with': {
        for (const [e, target] of s.items) {
          const v = await this.eval(e, scope);
          const enter = this.getattrOrUndefined(v, '__enter__');
          const entered = enter !== undefined ? await this.call(enter, []) : v;
          if (target) await this.assign(target, entered, scope);
        }
        return this.execBlock(s.body, scope);
      }
      case 'assert':
        if (!truthy(await this.eval(s.test, scope)))
          this.raise('AssertionError', s.msg ? str(await this.eval(s.msg, scope)) : undefined);
        return;
      case 'del':
        for (const t of s.targets) {
          if (t.k === 'name') scope.vars.delete(t.id);
          else if (t.k === 'index') {
            const obj = await this.eval(t.obj, scope);
            const key = await this.eval(t.index, scope);
            if (obj instanceof PyDict) obj.delete(key);
            else if (obj instanceof PyList) obj.items.splice(Number(key), 1);
          }
        }
        return;
    }
  }

  async #try(s: Extract<Stmt, { k: 'try' }>, scope: Scope): Promise<void> {
    try {
      try {
        await this.execBlock(s.body, scope);
      } catch (error) {
        const e = this.#wrap(error);
        if (!(e instanceof PyError)) throw e;
        for (const h of s.handlers) {
          if (h.type) {
            const t = await this.eval(h.type, scope);
            const types = t instanceof PyTuple ? t.items : [t];
            if (!types.some((c) => c instanceof PyClass && e.exc.cls.isSubclassOf(c))) continue;
          }
          if (h.name) this.store(scope, h.name, e.exc);
          scope.vars.set('\0exc', e.exc);
          await this.execBlock(h.body, scope);
          return;
        }
        throw e;
      }
      if (s.orelse) await this.execBlock(s.orelse, scope);
    } finally {
      if (s.final) await this.execBlock(s.final, scope);
    }
  }

  async import(name: string): Promise<PyModule> {
    const mod = await this.hooks.importModule(name);
    if (!mod) this.raise('ModuleNotFoundError', `No module named '${name}'`);
    return mod;
  }

  async defaults(params: Param[], scope: Scope): Promise<Map<string, Py>> {
    const out = new Map<string, Py>();
    for (const p of params) if (p.default) out.set(p.name, await this.eval(p.default, scope));
    return out;
  }

  store(scope: Scope, name: string, v: Py): void {
    if (scope.nonlocal?.has(name)) scope.globals.set(name, v);
    else scope.vars.set(name, v);
  }

  async assign(t: Expr, v: Py, scope: Scope): Promise<void> {
    if (t.k === 'name') return this.store(scope, t.id, v);
    if (t.k === 'tuple' || t.k === 'list') {
      const items = await this.toArray(v);
      const star = t.items.findIndex((x) => x.k === 'un' && x.op === '*');
      if (star < 0 && items.length !== t.items.length) {
        this.raise(
          'ValueError',
          items.length > t.items.length
            ? `too many values to unpack (expected ${t.items.length})`
            : `not enough values to unpack (expected ${t.items.length}, got ${items.length})`,
        );
      }
      for (let i = 0; i < t.items.length; i++) {
        const target = t.items[i]!;
        if (i === star)
          await this.assign(
            (target as { e: Expr }).e,
            new PyList(items.slice(i, items.length - (t.items.length - i - 1))),
            scope,
          );
        else
          await this.assign(
            target,
            items[i < star || star < 0 ? i : items.length - (t.items.length - i)]!,
            scope,
          );
      }
      return;
    }
    if (t.k === 'attr') {
      const obj = await this.eval(t.obj, scope);
      if (obj instanceof PyInstance || obj instanceof PyModule || obj instanceof PyClass)
        obj.attrs.set(t.name, v);
      else this.raise('AttributeError', `'${typeName(obj)}' object has no attribute '${t.name}'`);
      return;
    }
    if (t.k === 'index') {
      const obj = await this.eval(t.obj, scope);
      const key = await this.eval(t.index, scope);
      if (obj instanceof PyDict) return obj.set(key, v);
      if (obj instanceof PyList) {
        const i = this.index(obj.items.length, key);
        obj.items[i] = v;
        return;
      }
      this.raise('TypeError', `'${typeName(obj)}' object does not support item assignment`);
    }
    this.raise('SyntaxError', 'cannot assign to expression');
  }

  index(len: number, key: Py): number {
    if (typeof key !== 'bigint' && typeof key !== 'boolean')
      this.raise('TypeError', 'list indices must be integers or slices, not ' + typeName(key));
    let i = Number(key);
    if (i < 0) i += len;
    if (i < 0 || i >= len) this.raise('IndexError', 'list index out of range');
    return i;
  }

  // --- expressions -----------------------------------------------------------------

  lookup(name: string, scope: Scope): Py {
    for (let s: Scope | undefined = scope; s; s = s.parent) if (s.vars.has(name)) return s.vars.get(name)!;
    if (scope.globals.has(name)) return scope.globals.get(name)!;
    if (this.hooks.builtins.has(name)) return this.hooks.builtins.get(name)!;
    return this.raise('NameError', `name '${name}' is not defined`);
  }

  async eval(e: Expr, scope: Scope): Promise<Py> {
    switch (e.k) {
      case 'num':
        if (/^0[xX]/.test(e.v)) return BigInt(e.v);
        if (/^0[bBoO]/.test(e.v)) return BigInt(e.v);
        return /[.eE]/.test(e.v) ? Number(e.v) : BigInt(e.v);
      case 'str':
        return e.v;
      case 'fstr': {
        let out = '';
        for (const p of e.parts) {
          if (typeof p === 'string') out += p;
          else {
            const v = await this.eval(p.e, scope);
            const c = p.conv === 'r' ? repr(v) : p.conv === 's' ? str(v) : v;
            out += p.spec ? formatSpec(c, p.spec) : await this.str(c);
          }
        }
        return out;
      }
      case 'const':
        return e.v === 'None' ? null : e.v === 'True';
      case 'name':
        return this.lookup(e.id, scope);
      case 'list':
        return new PyList(await this.items(e.items, scope));
      case 'tuple':
        return new PyTuple(await this.items(e.items, scope));
      case 'set':
        return new PySet(await this.items(e.items, scope));
      case 'dict': {
        const d = new PyDict();
        for (const [k, v] of e.items) d.set(await this.eval(k, scope), await this.eval(v, scope));
        return d;
      }
      case 'attr':
        return this.getattr(await this.eval(e.obj, scope), e.name);
      case 'index':
        return this.subscript(await this.eval(e.obj, scope), e.index, scope);
      case 'slice':
        return this.raise('SyntaxError', 'invalid syntax');
      case 'call': {
        const fn = await this.eval(e.fn, scope);
        const args = await this.items(e.args, scope);
        if (e.star) args.push(...(await this.toArray(await this.eval(e.star, scope))));
        const kwargs: Kwargs = new Map();
        for (const [k, v] of e.kwargs) kwargs.set(k, await this.eval(v, scope));
        if (e.dstar) {
          const d = await this.eval(e.dstar, scope);
          if (d instanceof PyDict) for (const [k, v] of d.entries()) kwargs.set(str(k), v);
        }
        return this.call(fn, args, kwargs);
      }
      case 'bin':
        return binary(e.op, await this.eval(e.l, scope), await this.eval(e.r, scope));
      case 'un': {
        const v = await this.eval(e.e, scope);
        if (e.op === 'not') return !truthy(v);
        if (e.op === '-')
          return typeof v === 'bigint'
            ? -v
            : typeof v === 'boolean'
              ? -BigInt(v)
              : typeof v === 'number'
                ? -v
                : this.raise('TypeError', `bad operand type for unary -: '${typeName(v)}'`);
        if (e.op === '~') return ~BigInt(v as bigint);
        return v;
      }
      case 'bool': {
        const l = await this.eval(e.l, scope);
        if (e.op === 'and' ? !truthy(l) : truthy(l)) return l;
        return this.eval(e.r, scope);
      }
      case 'cmp': {
        let left = await this.eval(e.first, scope);
        for (const [op, re] of e.rest) {
          const right = await this.eval(re, scope);
          if (!compare(op, left, right)) return false;
          left = right;
        }
        return true;
      }
      case 'ifexp':
        return truthy(await this.eval(e.cond, scope)) ? this.eval(e.a, scope) : this.eval(e.b, scope);
      case 'lambda':
        return new PyFunc('<lambda>', e.params, e.body, scope, await this.defaults(e.params, scope));
      case 'comp':
        return this.comprehension(e, scope);
    }
  }

  async items(exprs: Expr[], scope: Scope): Promise<Py[]> {
    const out: Py[] = [];
    for (const x of exprs) {
      if (x.k === 'un' && x.op === '*') out.push(...(await this.toArray(await this.eval(x.e, scope))));
      else out.push(await this.eval(x, scope));
    }
    return out;
  }

  async comprehension(e: Extract<Expr, { k: 'comp' }>, outer: Scope): Promise<Py> {
    const scope: Scope = { vars: new Map(), parent: outer, globals: outer.globals };
    const results: Py[] = [];
    const entries: [Py, Py][] = [];
    const it = await this.iterator(await this.eval(e.iter, outer));
    for (let v = await it.next(); v !== STOP; v = await it.next()) {
      await this.assign(e.target, v, scope);
      let ok = true;
      for (const c of e.conds) if (!truthy(await this.eval(c, scope))) ok = false;
      if (!ok) continue;
      if (e.kind === 'dict') entries.push([await this.eval(e.elt, scope), await this.eval(e.value!, scope)]);
      else results.push(await this.eval(e.elt, scope));
    }
    if (e.kind === 'dict') return new PyDict(entries);
    if (e.kind === 'set') return new PySet(results);
    return new PyList(results);
  }

  async subscript(obj: Py, ix: Expr, scope: Scope): Promise<Py> {
    if (ix.k === 'slice') {
      const part = async (x?: Expr) => (x ? await this.eval(x, scope) : null);
      const [lo, hi, step] = [await part(ix.lo), await part(ix.hi), await part(ix.step)];
      const seq =
        typeof obj === 'string'
          ? [...obj]
          : obj instanceof PyList || obj instanceof PyTuple
            ? obj.items
            : this.raise('TypeError', `'${typeName(obj)}' object is not subscriptable`);
      const n = seq.length;
      const st = step === null ? 1 : Number(step);
      const norm = (v: Py, d: number) =>
        v === null ? d : Number(v) < 0 ? Math.max(n + Number(v), st < 0 ? -1 : 0) : Math.min(Number(v), n);
      const a = norm(lo, st < 0 ? n - 1 : 0);
      const b = norm(hi, st < 0 ? -1 : n);
      const out: Py[] = [];
      for (let i = a; st > 0 ? i < b : i > b; i += st) out.push(seq[i]!);
      return typeof obj === 'string'
        ? out.join('')
        : obj instanceof PyTuple
          ? new PyTuple(out)
          : new PyList(out);
    }
    const key = await this.eval(ix, scope);
    if (obj instanceof PyDict) {
      const v = obj.get(key);
      if (v === undefined) {
        const missing = obj instanceof PyDict && (obj as PyDict & { missing?: (k: Py) => Py }).missing;
        if (missing) return missing(key);
        this.raiseArgs('KeyError', [key]);
      }
      return v;
    }
    if (obj instanceof PyList || obj instanceof PyTuple) return obj.items[this.index(obj.items.length, key)]!;
    if (typeof obj === 'string') {
      const chars = [...obj];
      if (typeof key !== 'bigint')
        this.raise('TypeError', 'string indices must be integers, not ' + `'${typeName(key)}'`);
      let i = Number(key);
      if (i < 0) i += chars.length;
      if (i < 0 || i >= chars.length) this.raise('IndexError', 'string index out of range');
      return chars[i]!;
    }
    const getitem = this.getattrOrUndefined(obj, '__getitem__');
    if (getitem) return this.call(getitem, [key]);
    return this.raise('TypeError', `'${typeName(obj)}' object is not subscriptable`);
  }

  getattrOrUndefined(obj: Py, name: string): Py | undefined {
    if (obj instanceof PyModule) return obj.attrs.get(name);
    if (obj instanceof PyInstance) {
      if (obj.attrs.has(name)) return obj.attrs.get(name);
      const v = obj.cls.lookup(name);
      if (v instanceof PyFunc || v instanceof PyBuiltin) return new PyBound(obj, v);
      if (v !== undefined) return v;
      return undefined;
    }
    if (obj instanceof PyClass) {
      if (name === '__name__') return obj.name;
      return obj.lookup(name);
    }
    if (obj instanceof PyFunc && name === '__name__') return obj.name;
    return this.hooks.method(obj, name);
  }

  getattr(obj: Py, name: string): Py {
    const v = this.getattrOrUndefined(obj, name);
    if (v !== undefined) return v;
    if (obj instanceof PyModule)
      return this.raise('AttributeError', `module '${obj.name}' has no attribute '${name}'`);
    if (obj instanceof PyClass)
      return this.raise('AttributeError', `type object '${obj.name}' has no attribute '${name}'`);
    return this.raise('AttributeError', `'${typeName(obj)}' object has no attribute '${name}'`);
  }

  async call(fn: Py, args: Py[], kwargs: Kwargs = new Map()): Promise<Py> {
    if (fn instanceof PyBuiltin) return fn.fn(args, kwargs);
    if (fn instanceof PyBound) return this.call(fn.fn, [fn.self, ...args], kwargs);
    if (fn instanceof PyFunc) return this.#invoke(fn, args, kwargs);
    if (fn instanceof PyClass) {
      const native = fn.attrs.get('__call_native__');
      if (native instanceof PyBuiltin) return native.fn(args, kwargs);
      const inst = new PyInstance(fn);
      if (isException(inst)) inst.attrs.set('args', new PyTuple(args));
      const init = fn.lookup('__init__');
      if (init instanceof PyFunc || init instanceof PyBuiltin)
        await this.call(new PyBound(inst, init), args, kwargs);
      return inst;
    }
    if (fn instanceof PyInstance) {
      const c = this.getattrOrUndefined(fn, '__call__');
      if (c !== undefined) return this.call(c, args, kwargs);
    }
    return this.raise('TypeError', `'${typeName(fn)}' object is not callable`);
  }

  async #invoke(fn: PyFunc, args: Py[], kwargs: Kwargs): Promise<Py> {
    const scope: Scope = { vars: new Map(), parent: fn.closure, globals: fn.closure.globals };
    let i = 0;
    for (const p of fn.params) {
      if (p.star === '*') {
        scope.vars.set(p.name, new PyTuple(args.slice(i)));
        i = args.length;
      } else if (p.star === '**') {
        scope.vars.set(
          p.name,
          new PyDict(
            [...kwargs].filter(([k]) => !fn.params.some((q) => q.name === k)).map(([k, v]) => [k, v]),
          ),
        );
      } else if (i < args.length) scope.vars.set(p.name, args[i++]!);
      else if (kwargs.has(p.name)) scope.vars.set(p.name, kwargs.get(p.name)!);
      else if (fn.defaults.has(p.name)) scope.vars.set(p.name, fn.defaults.get(p.name)!);
      else this.raise('TypeError', `${fn.name}() missing 1 required positional argument: '${p.name}'`);
    }
    if (i < args.length && !fn.params.some((p) => p.star === '*')) {
      this.raise(
        'TypeError',
        `${fn.name}() takes ${fn.params.length} positional argument${fn.params.length === 1 ? '' : 's'} but ${args.length} were given`,
      );
    }
    if (!Array.isArray(fn.body)) return this.eval(fn.body, scope);
    this.#frames.push({ name: fn.name });
    try {
      await this.execBlock(fn.body, scope);
      return null;
    } catch (e) {
      if (e instanceof Return) return e.value;
      throw e;
    } finally {
      this.#frames.pop();
    }
  }

  async iterator(v: Py): Promise<{ next(): Promise<Py | typeof STOP> }> {
    if (v instanceof PyIter) return v;
    if (v instanceof PyRange) {
      const gen = v.values();
      return { next: async () => gen.next().value ?? STOP };
    }
    const items = await this.toArray(v);
    let i = 0;
    return { next: async () => (i < items.length ? items[i++]! : STOP) };
  }

  async toArray(v: Py): Promise<Py[]> {
    if (v instanceof PyList || v instanceof PyTuple) return [...v.items];
    if (typeof v === 'string') return [...v];
    if (v instanceof PyDict) return v.keys();
    if (v instanceof PySet) return [...v.map.values()];
    if (v instanceof PyRange) return [...v.values()];
    if (v instanceof PyInstance) {
      const iter = this.getattrOrUndefined(v, '__iter__');
      if (iter !== undefined) return this.toArray(await this.call(iter, []));
    }
    if (v instanceof PyIter) {
      const out: Py[] = [];
      for (let x = await v.next(); x !== STOP; x = await v.next()) out.push(x);
      return out;
    }
    return this.raise('TypeError', `'${typeName(v)}' object is not iterable`);
  }

  /** str() including instances with __str__/__repr__. */
  async str(v: Py): Promise<string> {
    if (v instanceof PyInstance && !isException(v)) {
      const f = this.getattrOrUndefined(v, '__str__') ?? this.getattrOrUndefined(v, '__repr__');
      if (f !== undefined) return str(await this.call(f, []));
    }
    return str(v);
  }

  /** The traceback CPython prints for an uncaught exception. */
  traceback(e: PyError): string {
    let out = 'Traceback (most recent call last):\n';
    for (const f of [...e.trace].reverse()) {
      out += `  File "${f.file}", line ${f.line}, in ${f.fn}\n`;
      const src = this.lines[f.line - 1]?.trim();
      if (src) out += `    ${src}\n`;
    }
    const msg = str(e.exc);
    const name =
      e.exc.cls.module === 'builtins' || e.exc.cls.module === '__main__'
        ? e.exc.cls.name
        : `${e.exc.cls.module}.${e.exc.cls.name}`;
    return `${out}${name}${msg ? `: ${msg}` : ''}\n`;
  }
}

export { equal, hashKey };
