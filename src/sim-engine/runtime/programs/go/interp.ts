/**
 * The evaluator for the Go subset: packages of one or more files, functions with
 * several results, methods on struct types (value and pointer receivers share the
 * struct, assignments copy it), closures, defer, goroutines (`go f()` runs
 * concurrently on the virtual clock), panics with Go's runtime error texts and a
 * `goroutine 1 [running]` trace naming the function and line.
 */
import { goFloat64, GoFloat64, sprint } from '../../../golang/index.ts';
import type { Expr, FuncDecl, GoFile, Param, Pos, Stmt, TypeExpr } from './ast.ts';
import { builtin } from './builtins.ts';
import {
  GoError,
  GoExit,
  GoFunc,
  GoPackage,
  GoPanic,
  GoPtr,
  GoTuple,
  isFloat,
  makeMap,
  makeStruct,
  mapZero,
  num,
  printable,
  setStructFormatter,
  structType,
  utf8Bytes,
  utf8Decode,
  zeroOf,
} from './values.ts';
import type { GoValue } from './values.ts';

class Break {}
class Continue {}
class Return {
  readonly values: GoValue[];
  constructor(values: GoValue[]) {
    this.values = values;
  }
}

export class Env {
  readonly vars = new Map<string, { v: GoValue }>();
  readonly parent: Env | undefined;
  constructor(parent?: Env) {
    this.parent = parent;
  }
  lookup(name: string): { v: GoValue } | undefined {
    return this.vars.get(name) ?? this.parent?.lookup(name);
  }
}

interface Frame {
  name: string;
  file: string;
  line: number;
  params: number;
}

export class GoInterp {
  readonly types = new Map<string, TypeExpr>();
  readonly methods = new Map<string, Map<string, FuncDecl & { file: string; fileName: string }>>();
  readonly #fileEnvs = new Map<string, Env>();
  readonly globals = new Env();
  readonly imports = new Map<string, Map<string, GoPackage>>();
  /** the call stack of goroutine 1, for a panic's trace */
  frames: Frame[] = [];

  readonly files: GoFile[];
  readonly paths: Map<string, string>;
  readonly packages: (path: string) => GoPackage | undefined;

  constructor(
    files: GoFile[],
    paths: Map<string, string>,
    packages: (path: string) => GoPackage | undefined,
  ) {
    this.files = files;
    this.paths = paths;
    this.packages = packages;
    setStructFormatter((v) => sprint(v));
  }

  async init(): Promise<void> {
    for (const f of this.files) {
      const table = new Map<string, GoPackage>();
      for (const im of f.imports) {
        const pkg = this.packages(im.path);
        if (pkg) table.set(im.name, pkg);
      }
      this.imports.set(f.name, table);
      for (const d of f.decls) if (d.k === 'type') this.types.set(d.name, d.t);
      const env = this.#fileEnv(f.name);
      this.#fileEnvs.set(f.name, env);
      for (const fn of f.funcs) {
        const decl = { ...fn, file: this.paths.get(f.name) ?? f.name, fileName: f.name };
        if (fn.recv) {
          const m = this.methods.get(fn.recv.type) ?? new Map();
          m.set(fn.name, decl);
          this.methods.set(fn.recv.type, m);
        } else this.globals.vars.set(fn.name, { v: this.#function(decl, env, fn.name) });
      }
    }
    for (const f of this.files) {
      const env = this.#fileEnvs.get(f.name)!;
      for (const d of f.decls) if (d.k === 'var') await this.exec(d, env, f.name);
    }
  }

  #fileEnv(file: string): Env {
    const env = new Env(this.globals);
    env.vars.set('\0file', { v: file });
    return env;
  }

  async callMain(): Promise<void> {
    const main = this.globals.lookup('main')?.v;
    if (main instanceof GoFunc) await main.fn([]);
  }

  #function(
    decl:
      | (FuncDecl & { file: string })
      | { params: Param[]; results: TypeExpr[]; body: Stmt[]; file: string; pos: Pos },
    closure: Env,
    name: string,
    recv?: { name: string; v: GoValue },
  ): GoFunc {
    return new GoFunc(name, async (args) => {
      const env = new Env(closure);
      if (recv) env.vars.set(recv.name, { v: recv.v });
      decl.params.forEach((p, i) => {
        const v = p.variadic ? args.slice(i) : args[i];
        env.vars.set(p.name, { v: this.#convertTo(p.type, v) });
      });
      const frame: Frame = {
        name: `main.${recv ? `${structType(recv.v) ?? ''}.` : ''}${name}`,
        file: decl.file,
        line: decl.pos.line,
        params: decl.params.length + (recv ? 1 : 0),
      };
      this.frames.push(frame);
      const deferred: (() => Promise<unknown>)[] = [];
      env.vars.set('\0defer', { v: deferred });
      env.vars.set('\0frame', { v: frame });
      try {
        await this.block(decl.body, env);
        return decl.results.length > 1 ? new GoTuple(decl.results.map((t) => zeroOf(t, this.types))) : null;
      } catch (e) {
        if (e instanceof Return)
          return decl.results.length > 1 ? new GoTuple(e.values) : (e.values[0] ?? null);
        throw e;
      } finally {
        for (const d of deferred.reverse()) await d();
        this.frames.pop();
      }
    });
  }

  panic(message: string): never {
    throw this.raise(new GoError(message));
  }

  /** A panic carrying goroutine 1's stack as it is now. */
  raise(value: GoValue): GoPanic {
    const p = new GoPanic(value);
    p.trace = [...this.frames].reverse().map((f) => ({ ...f }));
    return p;
  }

  async block(body: Stmt[], env: Env): Promise<void> {
    for (const s of body) await this.exec(s, env);
  }

  async exec(s: Stmt, env: Env, _file?: string): Promise<void> {
    const frame = env.lookup('\0frame')?.v as Frame | undefined;
    if (frame) frame.line = s.pos.line;
    switch (s.k) {
      case 'expr':
        await this.eval(s.e, env);
        return;
      case 'define':
      case 'var': {
        const values = await this.#values(s.values, env, s.names.length);
        s.names.forEach((n, i) => {
          const v =
            s.k === 'var' && s.type
              ? values.length
                ? this.#convertTo(s.type, values[i])
                : zeroOf(s.type, this.types)
              : copy(values[i]);
          if (n.name === '_') return;
          if (s.k === 'define' && env.vars.has(n.name)) env.vars.get(n.name)!.v = v;
          else env.vars.set(n.name, { v });
        });
        return;
      }
      case 'assign': {
        if (s.op === '=') {
          const values = await this.#values(s.values, env, s.targets.length);
          for (let i = 0; i < s.targets.length; i++) await this.#store(s.targets[i]!, copy(values[i]), env);
          return;
        }
        const cur = await this.eval(s.targets[0]!, env);
        const rhs = await this.eval(s.values[0]!, env);
        await this.#store(s.targets[0]!, this.binary(s.op.slice(0, -1), cur, rhs, s.pos), env);
        return;
      }
      case 'incdec': {
        const cur = await this.eval(s.target, env);
        await this.#store(s.target, this.binary(s.op === '++' ? '+' : '-', cur, 1, s.pos), env);
        return;
      }
      case 'if': {
        const inner = new Env(env);
        if (s.init) await this.exec(s.init, inner);
        if (await this.eval(s.cond, inner)) await this.block(s.then, new Env(inner));
        else if (s.else) await this.block(s.else, new Env(inner));
        return;
      }
      case 'for': {
        const inner = new Env(env);
        if (s.init) await this.exec(s.init, inner);
        for (;;) {
          if (s.cond && !(await this.eval(s.cond, inner))) return;
          try {
            await this.block(s.body, new Env(inner));
          } catch (e) {
            if (e instanceof Break) return;
            if (!(e instanceof Continue)) throw e;
          }
          if (s.post) await this.exec(s.post, inner);
        }
      }
      case 'range':
        return this.#range(s, env);
      case 'switch': {
        const inner = new Env(env);
        if (s.init) await this.exec(s.init, inner);
        const tag = s.tag ? await this.eval(s.tag, inner) : true;
        let chosen = s.cases.find((c) => c.exprs === null);
        for (const c of s.cases) {
          if (c.exprs === null) continue;
          let hit = false;
          for (const e of c.exprs) if (equal(await this.eval(e, inner), tag)) hit = true;
          if (hit) {
            chosen = c;
            break;
          }
        }
        if (!chosen) return;
        try {
          await this.block(chosen.body, new Env(inner));
        } catch (e) {
          if (!(e instanceof Break)) throw e;
        }
        return;
      }
      case 'return':
        throw new Return(await this.#values(s.values, env, s.values.length));
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
      case 'block':
        return this.block(s.body, new Env(env));
      case 'defer': {
        const call = s.call;
        if (call.k !== 'call') return;
        const fn = await this.eval(call.fn, env);
        const args = await this.#values(call.args, env, call.args.length);
        (env.lookup('\0defer')?.v as (() => Promise<unknown>)[]).push(() => this.#invoke(fn, args, call.pos));
        return;
      }
      case 'go': {
        const call = s.call;
        if (call.k !== 'call') return;
        const fn = await this.eval(call.fn, env);
        const args = await this.#values(call.args, env, call.args.length);
        const saved = this.frames;
        this.frames = [];
        const run = this.#invoke(fn, args, call.pos);
        this.frames = saved;
        run.catch((e: unknown) => this.onGoroutineError(e));
        return;
      }
      case 'type':
        this.types.set(s.name, s.t);
        return;
    }
  }

  /** an error in a goroutine other than main's (a panic ends the program) */
  onGoroutineError: (e: unknown) => void = () => {};

  async #range(s: Extract<Stmt, { k: 'range' }>, env: Env): Promise<void> {
    const x = deref(await this.eval(s.x, env));
    let pairs: [GoValue, GoValue][];
    if (typeof x === 'number') pairs = Array.from({ length: x }, (_, i) => [i, i]);
    else if (typeof x === 'string') {
      pairs = [];
      let i = 0;
      for (const ch of x) {
        pairs.push([i, ch.codePointAt(0)!]);
        i += utf8Bytes(ch).length;
      }
    } else if (Array.isArray(x)) pairs = x.map((v, i) => [i, v]);
    else if (x instanceof Map) pairs = [...x].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1));
    else pairs = [];
    for (const [k, v] of pairs) {
      const inner = new Env(env);
      const put = async (target: Expr | undefined, value: GoValue) => {
        if (!target || (target.k === 'ident' && target.name === '_')) return;
        if (s.define && target.k === 'ident') inner.vars.set(target.name, { v: copy(value) });
        else await this.#store(target, value, env);
      };
      await put(s.key, k);
      await put(s.value, v);
      try {
        await this.block(s.body, inner);
      } catch (e) {
        if (e instanceof Break) return;
        if (!(e instanceof Continue)) throw e;
      }
    }
  }

  async #values(exprs: Expr[], env: Env, want: number): Promise<GoValue[]> {
    if (exprs.length === 1 && want > 1) {
      const e = exprs[0]!;
      // comma-ok forms: v, ok := m[k]; v, ok := x.(T)
      if (e.k === 'index') {
        const m = deref(await this.eval(e.x, env));
        if (m instanceof Map) {
          const key = await this.eval(e.i, env);
          return m.has(key) ? [m.get(key), true] : [mapZero(m), false];
        }
      }
      if (e.k === 'assert') return [await this.eval(e.x, env), true];
      const v = await this.eval(e, env);
      return v instanceof GoTuple ? v.items : [v];
    }
    const out: GoValue[] = [];
    for (const e of exprs) out.push(await this.eval(e, env));
    return out;
  }

  async #store(target: Expr, v: GoValue, env: Env): Promise<void> {
    if (target.k === 'ident') {
      if (target.name === '_') return;
      const b = env.lookup(target.name);
      if (b) b.v = v;
      return;
    }
    if (target.k === 'index') {
      const x = deref(await this.eval(target.x, env));
      const i = await this.eval(target.i, env);
      if (x instanceof Map) {
        if (x === NIL_MAP) this.panic('assignment to entry in nil map');
        x.set(i, v);
      } else if (Array.isArray(x)) {
        this.#bounds(num(i), x.length);
        x[num(i)] = v;
      }
      return;
    }
    if (target.k === 'sel') {
      const x = deref(await this.eval(target.x, env));
      if (x === null) this.panic('invalid memory address or nil pointer dereference');
      (x as Record<string, GoValue>)[target.name] = v;
      return;
    }
    if (target.k === 'un' && target.op === '*') {
      const p = await this.eval(target.e, env);
      if (p instanceof GoPtr) p.set(v);
    }
  }

  #bounds(i: number, length: number): void {
    if (i < 0 || i >= length) this.panic(`runtime error: index out of range [${i}] with length ${length}`);
  }

  async eval(e: Expr, env: Env): Promise<GoValue> {
    switch (e.k) {
      case 'int':
      case 'rune':
        return e.v;
      case 'float':
        return goFloat64(e.v);
      case 'str':
        return e.v;
      case 'ident': {
        const b = env.lookup(e.name);
        if (b) return b.v;
        if (e.name === 'true') return true;
        if (e.name === 'false') return false;
        if (e.name === 'nil') return null;
        const file = env.lookup('\0file')?.v as string;
        const pkg = this.imports.get(file)?.get(e.name);
        if (pkg) return pkg;
        return builtin(this, e.name) ?? null;
      }
      case 'bin': {
        const l = await this.eval(e.l, env);
        if (e.op === '&&') return l ? Boolean(await this.eval(e.r, env)) : false;
        if (e.op === '||') return l ? true : Boolean(await this.eval(e.r, env));
        return this.binary(e.op, l, await this.eval(e.r, env), e.pos);
      }
      case 'un': {
        if (e.op === '&') {
          if (e.e.k === 'composite') {
            const v = await this.eval(e.e, env);
            return new GoPtr(
              () => v,
              () => undefined,
            );
          }
          const target = e.e;
          const cur = await this.eval(target, env);
          if (structType(cur) !== undefined)
            return new GoPtr(
              () => cur,
              () => undefined,
            );
          return new GoPtr(
            () => this.eval(target, env),
            (v) => void this.#store(target, v, env),
          );
        }
        const v = await this.eval(e.e, env);
        if (e.op === '*') return v instanceof GoPtr ? v.get() : v;
        if (e.op === '!') return !v;
        if (e.op === '-') return isFloat(v) ? goFloat64(-v.value) : -num(v);
        if (e.op === '^') return ~num(v);
        return v;
      }
      case 'call':
        return this.#call(e, env);
      case 'sel':
        return this.#select(await this.eval(e.x, env), e.name, e.pos);
      case 'index': {
        const x = deref(await this.eval(e.x, env));
        const i = await this.eval(e.i, env);
        if (x instanceof Map) return x.has(i) ? x.get(i) : mapZero(x);
        if (typeof x === 'string') {
          const bytes = utf8Bytes(x);
          this.#bounds(num(i), bytes.length);
          return bytes[num(i)]!;
        }
        if (Array.isArray(x)) {
          this.#bounds(num(i), x.length);
          return x[num(i)];
        }
        return this.panic('invalid memory address or nil pointer dereference');
      }
      case 'slice': {
        const x = deref(await this.eval(e.x, env));
        const len = typeof x === 'string' || Array.isArray(x) ? x.length : 0;
        const lo = e.lo ? num(await this.eval(e.lo, env)) : 0;
        const hi = e.hi ? num(await this.eval(e.hi, env)) : len;
        if (hi > len || lo > hi)
          this.panic(
            `runtime error: slice bounds out of range [${hi > len ? `:${hi}] with capacity ${len}` : `${lo}:${hi}]`}`,
          );
        return typeof x === 'string' ? x.slice(lo, hi) : Array.isArray(x) ? x.slice(lo, hi) : null;
      }
      case 'composite':
        return this.#composite(e.type, e.elems, env);
      case 'func':
        return this.#function(
          { ...e, file: (env.lookup('\0frame')?.v as Frame | undefined)?.file ?? '' },
          env,
          'func1',
        );
      case 'type':
        return null;
      case 'assert':
        return this.eval(e.x, env);
    }
  }

  async #composite(type: TypeExpr, elems: { key?: Expr; value: Expr }[], env: Env): Promise<GoValue> {
    const t = type.k === 'named' ? (this.types.get(type.name) ?? type) : type;
    if (t.k === 'slice' || t.k === 'array') {
      const out: GoValue[] = [];
      for (const el of elems) out.push(await this.#element(t.elem, el.value, env));
      if (t.k === 'array') while (out.length < t.len) out.push(zeroOf(t.elem, this.types));
      return out;
    }
    if (t.k === 'map') {
      const m = makeMap(() => zeroOf(t.value, this.types));
      for (const el of elems)
        m.set(el.key ? await this.eval(el.key, env) : null, await this.#element(t.value, el.value, env));
      return m;
    }
    if (t.k === 'struct') {
      const name = type.k === 'named' ? type.name : 'struct';
      const fields: [string, GoValue][] = [];
      for (let i = 0; i < t.fields.length; i++) {
        const f = t.fields[i]!;
        const el = elems.some((x) => x.key)
          ? elems.find((x) => x.key?.k === 'ident' && x.key.name === f.name)
          : elems[i];
        fields.push([
          f.name,
          el
            ? this.#convertTo(f.type, await this.#element(f.type, el.value, env))
            : zeroOf(f.type, this.types),
        ]);
      }
      return makeStruct(name, fields);
    }
    return null;
  }

  async #element(type: TypeExpr, value: Expr, env: Env): Promise<GoValue> {
    if (value.k === 'composite' && value.type === type) return this.#composite(type, value.elems, env);
    return this.#convertTo(type, await this.eval(value, env));
  }

  /** A value assigned to a declared type: untyped constants become float64. */
  #convertTo(t: TypeExpr, v: GoValue): GoValue {
    if (t.k === 'named' && (t.name === 'float64' || t.name === 'float32') && typeof v === 'number')
      return goFloat64(v);
    return v;
  }

  #select(x: GoValue, name: string, pos: Pos): GoValue {
    if (x instanceof GoPackage) {
      if (!x.members.has(name))
        throw new GoPanic(new GoError(`undefined: ${x.path.split('/').pop()}.${name}`));
      return x.members.get(name);
    }
    const target = deref(x);
    const type = structType(target);
    const method = type ? this.methods.get(type)?.get(name) : undefined;
    if (method)
      return this.#function(method, this.#fileEnvs.get(method.fileName) ?? this.globals, method.name, {
        name: method.recv!.name,
        v: target,
      });
    if (target === null || target === undefined)
      return this.panic('runtime error: invalid memory address or nil pointer dereference');
    const v = (target as Record<string, GoValue>)[name];
    if (typeof v === 'function')
      return new GoFunc(name, (args) => (v as (...a: GoValue[]) => GoValue).apply(target, args));
    void pos;
    return v;
  }

  async #call(e: Extract<Expr, { k: 'call' }>, env: Env): Promise<GoValue> {
    if (e.fn.k === 'type') return convert(e.fn.t, await this.eval(e.args[0]!, env));
    if (e.fn.k === 'ident' && !env.lookup(e.fn.name)) {
      const t = this.types.get(e.fn.name);
      if (t || /^(u?int(8|16|32|64)?|float(32|64)|string|byte|rune|bool)$/.test(e.fn.name))
        return convert(
          t && t.k !== 'struct' ? t : { k: 'named', name: e.fn.name },
          await this.eval(e.args[0]!, env),
        );
      if (e.fn.name === 'new' || e.fn.name === 'make') {
        const arg = e.args[0]!;
        const type =
          arg.k === 'type'
            ? arg.t
            : arg.k === 'ident'
              ? ({ k: 'named', name: arg.name } as TypeExpr)
              : undefined;
        if (e.fn.name === 'new') {
          const v = zeroOf(type, this.types);
          return new GoPtr(
            () => v,
            () => undefined,
          );
        }
        if (type?.k === 'map') return makeMap(() => zeroOf(type.value, this.types));
        if (type?.k === 'slice') {
          const n = e.args[1] ? num(await this.eval(e.args[1], env)) : 0;
          return Array.from({ length: n }, () => zeroOf(type.elem, this.types));
        }
        return null;
      }
    }
    const fn = await this.eval(e.fn, env);
    let args: GoValue[] = [];
    for (const a of e.args) args.push(await this.eval(a, env));
    // f(g()) passes g's results
    if (args.length === 1 && args[0] instanceof GoTuple) args = args[0].items;
    if (e.spread && Array.isArray(args[args.length - 1]))
      args = [...args.slice(0, -1), ...(args[args.length - 1] as GoValue[])];
    return this.#invoke(fn, args, e.pos);
  }

  async #invoke(fn: GoValue, args: GoValue[], pos: Pos): Promise<GoValue> {
    if (fn instanceof GoFunc) return fn.fn(args);
    if (fn === null) return this.panic('runtime error: invalid memory address or nil pointer dereference');
    void pos;
    return null;
  }

  binary(op: string, l: GoValue, r: GoValue, pos: Pos): GoValue {
    void pos;
    switch (op) {
      case '==':
        return equal(l, r);
      case '!=':
        return !equal(l, r);
    }
    if (typeof l === 'string' && typeof r === 'string') {
      if (op === '+') return l + r;
      if (op === '<') return l < r;
      if (op === '<=') return l <= r;
      if (op === '>') return l > r;
      if (op === '>=') return l >= r;
    }
    const float = isFloat(l) || isFloat(r);
    const a = num(l);
    const b = num(r);
    const wrap = (n: number) => (float ? goFloat64(n) : n);
    switch (op) {
      case '+':
        return wrap(a + b);
      case '-':
        return wrap(a - b);
      case '*':
        return wrap(a * b);
      case '/':
        if (!float && b === 0) this.panic('runtime error: integer divide by zero');
        return float ? goFloat64(a / b) : Math.trunc(a / b);
      case '%':
        if (b === 0) this.panic('runtime error: integer divide by zero');
        return a % b;
      case '<':
        return a < b;
      case '<=':
        return a <= b;
      case '>':
        return a > b;
      case '>=':
        return a >= b;
      case '&':
        return a & b;
      case '|':
        return a | b;
      case '^':
        return a ^ b;
      case '&^':
        return a & ~b;
      case '<<':
        return a * 2 ** b;
      case '>>':
        return Math.floor(a / 2 ** b);
    }
    return null;
  }
}

const NIL_MAP = new Map();

export function deref(v: GoValue): GoValue {
  return v instanceof GoPtr ? v.get() : v;
}

function copy(v: GoValue): GoValue {
  const type = structType(v);
  if (type === undefined) return v;
  return makeStruct(type, Object.entries(v as Record<string, GoValue>));
}

export function equal(a: GoValue, b: GoValue): boolean {
  if (a instanceof GoFloat64 || b instanceof GoFloat64) return num(a) === num(b);
  if (a instanceof GoPtr && b instanceof GoPtr) return a.get() === b.get();
  if (a instanceof GoError && b instanceof GoError) return a === b;
  return a === b || (a === undefined && b === null) || (a === null && b === undefined);
}

export function convert(t: TypeExpr, v: GoValue): GoValue {
  const name = t.k === 'named' ? t.name : t.k === 'slice' && t.elem.k === 'named' ? `[]${t.elem.name}` : '';
  if (name === 'float64' || name === 'float32') return goFloat64(num(v));
  if (/^(u?int(8|16|32|64)?|rune|byte)$/.test(name)) return Math.trunc(num(v));
  if (name === 'string') {
    if (typeof v === 'number') return String.fromCodePoint(v);
    if (Array.isArray(v))
      return v.every((x) => typeof x === 'number') ? utf8Decode(v as number[]) : v.join('');
    return v;
  }
  if (name === '[]byte') return typeof v === 'string' ? utf8Bytes(v) : v;
  if (name === '[]rune') return typeof v === 'string' ? [...v].map((c) => c.codePointAt(0)!) : v;
  return v;
}

export { printable };
export const exitOf = (e: unknown): number | undefined => (e instanceof GoExit ? e.code : undefined);
