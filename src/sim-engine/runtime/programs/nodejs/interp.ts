/**
 * The evaluator for the JavaScript subset: scopes with let/const/var (function
 * declarations hoisted), closures and `this`, classes with extends/super, objects
 * and arrays with spread and destructuring, exceptions (JsThrow) carrying where they
 * were thrown, async functions and await over JsPromise. Every step is async so that
 * timers and sockets can wait on the virtual clock and the simulated network.
 */
import type { Fn, N, Prop } from './ast.ts';
import { builtinMember } from './members.ts';
import {
  inspect,
  JsArray,
  JsFunction,
  JsObject,
  JsPromise,
  JsThrow,
  toStr,
  truthy,
  typeOf,
} from './values.ts';
import type { JsValue } from './values.ts';

class Break {}
class Continue {}
class Return {
  readonly value: JsValue;
  constructor(value: JsValue) {
    this.value = value;
  }
}

interface Binding {
  v: JsValue;
  kind: 'var' | 'let' | 'const';
}

export class Scope {
  readonly vars = new Map<string, Binding>();
  readonly parent: Scope | undefined;
  thisVal: JsValue;
  readonly fn: boolean;
  homeObject?: JsObject;
  constructor(parent: Scope | undefined, fn: boolean, thisVal?: JsValue) {
    this.parent = parent;
    this.fn = fn;
    this.thisVal = thisVal ?? parent?.thisVal;
    this.homeObject = parent?.homeObject;
  }
  lookup(name: string): Binding | undefined {
    return this.vars.get(name) ?? this.parent?.lookup(name);
  }
  declare(name: string, v: JsValue, kind: Binding['kind']): void {
    // `var` belongs to the function's scope
    if (kind === 'var' && !this.fn && this.parent) return this.parent.declare(name, v, kind);
    this.vars.set(name, { v, kind });
  }
}

export interface Loc {
  line: number;
  col: number;
}

export interface Realm {
  objectProto: JsObject;
  functionProto: JsObject;
  errorProtos: Map<string, JsObject>;
  globals: Scope;
  /** keep the event loop alive until the returned function is called */
  hold?: () => () => void;
  /** told of a rejected promise nothing handles */
  unhandled?: (p: JsPromise, e: unknown) => void;
}

export class JsInterp {
  readonly realm: Realm;
  readonly file: string;
  /** where the innermost throw happened, for the uncaught-exception report */
  lastLoc: Loc = { line: 1, col: 1 };
  /** node's own frames under the script's, per version (set by the program) */
  internalFrames: string[] = [];

  constructor(realm: Realm, file: string) {
    this.realm = realm;
    this.file = file;
  }

  // --- errors ----------------------------------------------------------------------

  makeError(type: string, message: string): JsObject {
    const proto = this.realm.errorProtos.get(type) ?? this.realm.errorProtos.get('Error')!;
    const e = new JsObject(proto, 'Error');
    e.props.set('stack', `${type}: ${message}\n${this.frames()}`);
    e.props.set('message', message);
    return e;
  }

  /** The stack's frames: where the script was, then node's own. */
  frames(loc: Loc = this.lastLoc): string {
    const where = `${this.file}:${loc.line}:${loc.col}`;
    const top = this.file === '[eval]' ? `    at ${where}` : `    at Object.<anonymous> (${where})`;
    return [top, ...this.internalFrames.map((f) => `    at ${f}`)].join('\n');
  }

  throwError(type: string, message: string, loc?: Loc): never {
    if (loc) this.lastLoc = loc;
    throw new JsThrow(this.makeError(type, message), { ...this.lastLoc, file: this.file });
  }

  // --- statements ------------------------------------------------------------------

  hoist(body: N[], scope: Scope): void {
    for (const s of body) {
      if (s.k === 'var' && s.kind === 'var') {
        for (const [t, init] of s.decls) {
          if (t.k === 'id') {
            if (init?.k === 'fn' && init.name === t.name && !init.arrow)
              scope.declare(t.name, this.makeFunction(init, scope), 'var');
            else if (!scope.lookup(t.name)) scope.declare(t.name, undefined, 'var');
          }
        }
      }
      if (s.k === 'export' && s.decl) this.hoist([s.decl], scope);
    }
  }

  async block(body: N[], scope: Scope): Promise<void> {
    this.hoist(body, scope);
    for (const s of body) await this.exec(s, scope);
  }

  async exec(n: N, scope: Scope): Promise<void> {
    switch (n.k) {
      case 'var':
        for (const [target, init] of n.decls) {
          if (
            init?.k === 'fn' &&
            n.kind === 'var' &&
            target.k === 'id' &&
            init.name === target.name &&
            !init.arrow
          )
            continue;
          const v = init
            ? await this.eval(init, scope, target.k === 'id' ? target.name : undefined)
            : undefined;
          await this.bind(target, v, scope, n.kind);
        }
        return;
      case 'expr':
        await this.eval(n.e, scope);
        return;
      case 'if':
        if (truthy(await this.eval(n.test, scope))) await this.exec(n.then, new Scope(scope, false));
        else if (n.otherwise) await this.exec(n.otherwise, new Scope(scope, false));
        return;
      case 'block':
        return this.block(n.body, new Scope(scope, false));
      case 'for': {
        const s = new Scope(scope, false);
        if (n.init) await this.exec(n.init, s);
        while (!n.test || truthy(await this.eval(n.test, s))) {
          const iter = new Scope(s, false);
          for (const [k, b] of s.vars) iter.vars.set(k, { ...b });
          try {
            await this.exec(n.body, iter);
          } catch (e) {
            if (e instanceof Break) break;
            if (!(e instanceof Continue)) throw e;
          } finally {
            for (const [k, b] of iter.vars) if (s.vars.has(k)) s.vars.set(k, b);
          }
          if (n.update) await this.eval(n.update, s);
        }
        return;
      }
      case 'forof': {
        const iterable = await this.eval(n.iter, scope);
        const items = n.of ? await this.iterate(iterable) : this.keys(iterable);
        for (const item of items) {
          const s = new Scope(scope, false);
          await this.bind(n.target, item, s, n.kind === 'const' ? 'const' : 'let');
          try {
            await this.exec(n.body, s);
          } catch (e) {
            if (e instanceof Break) break;
            if (!(e instanceof Continue)) throw e;
          }
        }
        return;
      }
      case 'while':
        if (n.doWhile) {
          do {
            try {
              await this.exec(n.body, new Scope(scope, false));
            } catch (e) {
              if (e instanceof Break) return;
              if (!(e instanceof Continue)) throw e;
            }
          } while (truthy(await this.eval(n.test, scope)));
          return;
        }
        while (truthy(await this.eval(n.test, scope))) {
          try {
            await this.exec(n.body, new Scope(scope, false));
          } catch (e) {
            if (e instanceof Break) return;
            if (!(e instanceof Continue)) throw e;
          }
        }
        return;
      case 'return':
        throw new Return(n.e ? await this.eval(n.e, scope) : undefined);
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
      case 'throw': {
        const v = await this.eval(n.e, scope);
        throw new JsThrow(v, { line: n.line, col: n.col, file: this.file });
      }
      case 'try':
        try {
          await this.block(n.block, new Scope(scope, false));
        } catch (e) {
          if (!(e instanceof JsThrow) || !n.handler) throw e;
          const s = new Scope(scope, false);
          if (n.param) await this.bind(n.param, e.value, s, 'let');
          await this.block(n.handler, s);
        } finally {
          if (n.finalizer) await this.block(n.finalizer, new Scope(scope, false));
        }
        return;
      case 'switch': {
        const d = await this.eval(n.disc, scope);
        const s = new Scope(scope, false);
        let matched = false;
        try {
          for (const c of n.cases) {
            if (!matched && c.test && (await this.eval(c.test, s)) !== d) continue;
            matched = true;
            for (const st of c.body) await this.exec(st, s);
          }
          if (!matched) {
            const def = n.cases.findIndex((c) => !c.test);
            if (def >= 0) for (const c of n.cases.slice(def)) for (const st of c.body) await this.exec(st, s);
          }
        } catch (e) {
          if (!(e instanceof Break)) throw e;
        }
        return;
      }
      case 'empty':
        return;
      case 'import': {
        const req = scope.lookup('require')?.v;
        const mod = await this.call(req, undefined, [n.source]);
        for (const [imported, local] of n.names) {
          const v =
            imported === '*'
              ? mod
              : imported === 'default'
                ? mod instanceof JsObject && mod.has('default')
                  ? mod.get('default')
                  : mod
                : this.getProp(mod, imported);
          scope.declare(local, v, 'const');
        }
        return;
      }
      case 'export': {
        // an ES module's exports land on its module object's `exports`
        const target = scope.lookup('\0exports')?.v;
        const put = (k: string, v: JsValue) => {
          if (target instanceof JsObject) target.props.set(k, v);
        };
        if (n.decl) {
          await this.exec(n.decl, scope);
          if (n.decl.k === 'var')
            for (const [t] of n.decl.decls) if (t.k === 'id') put(t.name, scope.lookup(t.name)?.v);
        }
        if (n.value) put('default', await this.eval(n.value, scope, 'default'));
        for (const [local, exported] of n.names ?? []) put(exported, scope.lookup(local)?.v);
        return;
      }
      default:
        await this.eval(n, scope);
    }
  }

  async bind(target: N, v: JsValue, scope: Scope, kind: Binding['kind'] | 'assign'): Promise<void> {
    if (target.k === 'id') {
      if (kind === 'assign') return this.assignName(target.name, v, scope, target);
      scope.declare(target.name, v, kind);
      return;
    }
    if (target.k === 'default')
      return this.bind(
        target.target,
        v === undefined ? await this.eval(target.value, scope) : v,
        scope,
        kind,
      );
    if (target.k === 'arr') {
      const items =
        v === undefined || v === null
          ? this.throwError('TypeError', `${toStr(v)} is not iterable`)
          : await this.iterate(v);
      for (let i = 0; i < target.items.length; i++) {
        const t = target.items[i];
        if (!t) continue;
        if (t.k === 'spread') await this.bind(t.e, new JsArray(items.slice(i)), scope, kind);
        else await this.bind(t, items[i], scope, kind);
      }
      return;
    }
    if (target.k === 'obj') {
      if (v === undefined || v === null)
        this.throwError('TypeError', `Cannot destructure '${toStr(v)}' as it is ${toStr(v)}.`);
      const used: string[] = [];
      for (const p of target.props) {
        if ('spread' in p) {
          const rest = new JsObject(this.realm.objectProto);
          if (v instanceof JsObject)
            for (const [k, x] of v.props) if (!used.includes(k)) rest.props.set(k, x);
          await this.bind(p.spread, rest, scope, kind);
          continue;
        }
        const key = typeof p.key === 'string' ? p.key : toStr(await this.eval(p.key, scope));
        used.push(key);
        await this.bind(p.value, this.getProp(v, key), scope, kind);
      }
      return;
    }
    if (target.k === 'member') {
      const obj = await this.eval(target.obj, scope);
      const key = typeof target.prop === 'string' ? target.prop : toStr(await this.eval(target.prop, scope));
      return this.setProp(obj, key, v);
    }
    this.throwError('SyntaxError', 'Invalid left-hand side in assignment');
  }

  assignName(name: string, v: JsValue, scope: Scope, loc?: Loc): void {
    const b = scope.lookup(name);
    if (!b) {
      this.realm.globals.vars.set(name, { v, kind: 'var' });
      return;
    }
    if (b.kind === 'const') this.throwError('TypeError', 'Assignment to constant variable.', loc);
    b.v = v;
  }

  // --- properties --------------------------------------------------------------------

  keys(v: JsValue): JsValue[] {
    if (v instanceof JsArray) return v.items.map((_, i) => String(i));
    if (v instanceof JsObject) return [...v.props.keys()].filter((k) => !/^[\0#]/.test(k));
    if (typeof v === 'string') return [...v].map((_, i) => String(i));
    return [];
  }

  async iterate(v: JsValue): Promise<JsValue[]> {
    if (v instanceof JsArray) return [...v.items];
    if (typeof v === 'string') return [...v];
    if (v instanceof JsObject && v.native instanceof Map)
      return [...(v.native as Map<JsValue, JsValue>)].map(([k, x]) => new JsArray([k, x]));
    if (v instanceof JsObject && v.native instanceof Set) return [...(v.native as Set<JsValue>)];
    return this.throwError('TypeError', `${typeOf(v) === 'object' ? 'object' : toStr(v)} is not iterable`);
  }

  getProp(obj: JsValue, key: string, loc?: Loc): JsValue {
    if (obj === undefined || obj === null)
      this.throwError('TypeError', `Cannot read properties of ${toStr(obj)} (reading '${key}')`, loc);
    if (obj instanceof JsObject) {
      const getter = obj.getters?.get(key);
      if (getter) return this.callSync(getter, obj);
      if (obj instanceof JsArray) {
        if (key === 'length') return obj.items.length;
        if (/^\d+$/.test(key)) return obj.items[Number(key)];
      }
      if (obj.has(key)) return obj.get(key);
    }
    return builtinMember(this, obj, key);
  }

  /** Getters run synchronously only when they are native (Express's req fields). */
  callSync(fn: JsFunction, thisArg: JsValue): JsValue {
    const r = fn.call(thisArg, []);
    return r instanceof Promise ? undefined : r;
  }

  setProp(obj: JsValue, key: string, v: JsValue): void {
    if (obj instanceof JsArray && /^\d+$/.test(key)) {
      obj.items[Number(key)] = v;
      return;
    }
    if (obj instanceof JsArray && key === 'length') {
      obj.items.length = Number(v);
      return;
    }
    if (obj instanceof JsObject) {
      const setter = obj.getters?.get(`\0set:${key}`);
      if (setter) void setter.call(obj, [v]);
      else obj.props.set(key, v);
      return;
    }
    if (obj === undefined || obj === null)
      this.throwError('TypeError', `Cannot set properties of ${toStr(obj)} (setting '${key}')`);
  }

  // --- calls -------------------------------------------------------------------------

  async call(
    fn: JsValue,
    thisArg: JsValue,
    args: JsValue[],
    loc?: Loc,
    what = 'expression',
  ): Promise<JsValue> {
    if (!(fn instanceof JsFunction)) return this.throwError('TypeError', `${what} is not a function`, loc);
    if (fn.isClass)
      return this.throwError(
        'TypeError',
        `Class constructor ${fn.name} cannot be invoked without 'new'`,
        loc,
      );
    return fn.call(thisArg, args);
  }

  async construct(fn: JsValue, args: JsValue[], loc?: Loc, what = 'expression'): Promise<JsValue> {
    if (!(fn instanceof JsFunction)) return this.throwError('TypeError', `${what} is not a constructor`, loc);
    const proto = fn.get('prototype');
    const obj = new JsObject(
      proto instanceof JsObject ? proto : this.realm.objectProto,
      proto instanceof JsObject ? proto.className : 'Object',
    );
    const r = await fn.call(obj, args, fn);
    return r instanceof JsObject ? r : obj;
  }

  makeFunction(decl: Fn, scope: Scope, name = decl.name ?? ''): JsFunction {
    const fn: JsFunction = new JsFunction(
      name,
      (thisArg, args) => {
        const run = async () => {
          const s = new Scope(scope, true, decl.arrow ? scope.thisVal : thisArg);
          if (!decl.arrow) s.vars.set('arguments', { v: new JsArray(args), kind: 'var' });
          for (let i = 0; i < decl.params.length; i++) {
            const p = decl.params[i]!;
            if (p.k === 'spread') await this.bind(p.e, new JsArray(args.slice(i)), s, 'let');
            else await this.bind(p, args[i], s, 'let');
          }
          if (!Array.isArray(decl.body)) return this.eval(decl.body, s);
          try {
            await this.block(decl.body, s);
            return undefined;
          } catch (e) {
            if (e instanceof Return) return e.value;
            throw e;
          }
        };
        if (!decl.async) return run();
        // a running async function keeps the event loop alive, as its pending work does in node
        const release = this.realm.hold?.();
        const p = run();
        if (release) p.then(release, release);
        return new JsPromise(p, this.realm.unhandled);
      },
      decl,
    );
    fn.proto = this.realm.functionProto;
    if (!decl.arrow) fn.props.set('prototype', new JsObject(this.realm.objectProto));
    return fn;
  }

  async makeClass(n: Extract<N, { k: 'class' }>, scope: Scope): Promise<JsFunction> {
    const superClass = n.superClass ? await this.eval(n.superClass, scope) : undefined;
    const superProto =
      superClass instanceof JsFunction ? (superClass.get('prototype') as JsObject) : this.realm.objectProto;
    const proto = new JsObject(superProto, superProto.className === 'Error' ? 'Error' : (n.name ?? 'Object'));
    const classScope = new Scope(scope, false);
    classScope.homeObject = proto;
    if (superClass) classScope.vars.set('\0super', { v: superClass, kind: 'const' });
    const ctorMember = n.members.find((m) => m.name === 'constructor' && !m.isStatic);
    const ctor = ctorMember ? this.makeFunction(ctorMember.fn, classScope, n.name) : undefined;
    const fields = n.members.filter((m) => m.name.startsWith('\0field:') && !m.isStatic);
    const cls: JsFunction = new JsFunction(n.name ?? '', async (thisArg, args, newTarget) => {
      if (!newTarget)
        this.throwError('TypeError', `Class constructor ${n.name} cannot be invoked without 'new'`);
      for (const f of fields)
        (thisArg as JsObject).props.set(
          f.name.slice(7),
          await this.eval(f.fn.body as N, new Scope(classScope, true, thisArg)),
        );
      if (ctor) return ctor.call(thisArg, args);
      if (superClass instanceof JsFunction) return superClass.call(thisArg, args, newTarget);
      return undefined;
    });
    cls.isClass = true;
    cls.proto = superClass instanceof JsFunction ? superClass : this.realm.functionProto;
    cls.props.set('prototype', proto);
    proto.props.set('constructor', cls);
    for (const m of n.members) {
      if (m.name === 'constructor' || m.name.startsWith('\0field:')) continue;
      const f = this.makeFunction(m.fn, classScope, m.name);
      (m.isStatic ? cls.props : proto.props).set(m.name, f);
    }
    return cls;
  }

  // --- expressions -------------------------------------------------------------------

  async eval(n: N, scope: Scope, nameHint?: string): Promise<JsValue> {
    switch (n.k) {
      case 'num':
        return n.v;
      case 'str':
        return n.v;
      case 'lit':
        return n.v;
      case 'tmpl': {
        let out = n.quasis[0]!;
        for (let i = 0; i < n.exprs.length; i++)
          out += toStr(await this.eval(n.exprs[i]!, scope)) + n.quasis[i + 1]!;
        return out;
      }
      case 'regex': {
        const r = new JsObject(this.realm.objectProto, 'RegExp');
        r.native = new RegExp(n.src, n.flags);
        return r;
      }
      case 'id': {
        const b = scope.lookup(n.name);
        if (!b) return this.throwError('ReferenceError', `${n.name} is not defined`, n);
        return b.v;
      }
      case 'this':
        return scope.thisVal;
      case 'arr': {
        const items: JsValue[] = [];
        for (const x of n.items) {
          if (x === null) items.push(undefined);
          else if (x.k === 'spread') items.push(...(await this.iterate(await this.eval(x.e, scope))));
          else items.push(await this.eval(x, scope));
        }
        const a = new JsArray(items);
        a.proto = this.realm.objectProto;
        return a;
      }
      case 'obj':
        return this.#object(n.props, scope);
      case 'fn':
        return this.makeFunction(n, scope, n.name ?? nameHint ?? '');
      case 'class':
        return this.makeClass(n, scope);
      case 'member': {
        const obj = await this.eval(n.obj, scope);
        if (n.optional && (obj === undefined || obj === null)) return undefined;
        const key = typeof n.prop === 'string' ? n.prop : toStr(await this.eval(n.prop, scope));
        return this.getProp(obj, key, n.obj.k === 'id' ? n.obj : undefined);
      }
      case 'call':
        return this.#call(n, scope);
      case 'new': {
        const fn = await this.eval(n.callee, scope);
        const args = await this.#args(n.args, scope);
        this.lastLoc = { line: n.line, col: n.col };
        return this.construct(fn, args, this.lastLoc, describe(n.callee));
      }
      case 'assign': {
        if (n.op === '=') {
          const v = await this.eval(n.value, scope, n.target.k === 'id' ? n.target.name : undefined);
          await this.bind(n.target, v, scope, 'assign');
          return v;
        }
        const cur = await this.eval(n.target, scope);
        let v: JsValue;
        if (n.op === '&&=') v = truthy(cur) ? await this.eval(n.value, scope) : cur;
        else if (n.op === '||=') v = truthy(cur) ? cur : await this.eval(n.value, scope);
        else if (n.op === '??=') v = cur ?? (await this.eval(n.value, scope));
        else v = this.binary(n.op.slice(0, -1), cur, await this.eval(n.value, scope));
        await this.bind(n.target, v, scope, 'assign');
        return v;
      }
      case 'update': {
        const cur = Number(await this.eval(n.target, scope));
        const v = n.op === '++' ? cur + 1 : cur - 1;
        await this.bind(n.target, v, scope, 'assign');
        return n.prefix ? v : cur;
      }
      case 'bin':
        if (n.op === 'instanceof') {
          const v = await this.eval(n.l, scope);
          const c = await this.eval(n.r, scope);
          const proto = c instanceof JsFunction ? c.get('prototype') : undefined;
          for (let o = v instanceof JsObject ? v.proto : null; o; o = o.proto) if (o === proto) return true;
          return c instanceof JsFunction && c.name === 'Array' ? v instanceof JsArray : false;
        }
        return this.binary(n.op, await this.eval(n.l, scope), await this.eval(n.r, scope));
      case 'logic': {
        const l = await this.eval(n.l, scope);
        if (n.op === '&&') return truthy(l) ? this.eval(n.r, scope) : l;
        if (n.op === '||') return truthy(l) ? l : this.eval(n.r, scope);
        return l === undefined || l === null ? this.eval(n.r, scope) : l;
      }
      case 'un': {
        if (n.op === 'typeof') {
          if (n.e.k === 'id' && !scope.lookup(n.e.name)) return 'undefined';
          return typeOf(await this.eval(n.e, scope));
        }
        if (n.op === 'delete') {
          if (n.e.k === 'member') {
            const obj = await this.eval(n.e.obj, scope);
            const key = typeof n.e.prop === 'string' ? n.e.prop : toStr(await this.eval(n.e.prop, scope));
            if (obj instanceof JsObject) obj.props.delete(key);
          }
          return true;
        }
        const v = await this.eval(n.e, scope);
        if (n.op === '!') return !truthy(v);
        if (n.op === '-') return -toNumber(v);
        if (n.op === '+') return toNumber(v);
        if (n.op === '~') return ~toNumber(v);
        return undefined;
      }
      case 'cond':
        return truthy(await this.eval(n.test, scope)) ? this.eval(n.a, scope) : this.eval(n.b, scope);
      case 'await': {
        const v = await this.eval(n.e, scope);
        if (v instanceof JsPromise) v.handled = true;
        return v instanceof JsPromise ? v.promise : v;
      }
      case 'seq': {
        let v: JsValue;
        for (const x of n.items) v = await this.eval(x, scope);
        return v;
      }
      default:
        return this.throwError('SyntaxError', `Unexpected ${n.k}`);
    }
  }

  async #object(props: Prop[], scope: Scope): Promise<JsObject> {
    const o = new JsObject(this.realm.objectProto);
    for (const p of props) {
      if ('spread' in p) {
        const v = await this.eval(p.spread, scope);
        if (v instanceof JsArray) v.items.forEach((x, i) => o.props.set(String(i), x));
        else if (v instanceof JsObject) for (const [k, x] of v.props) o.props.set(k, x);
        continue;
      }
      const key = typeof p.key === 'string' ? p.key : toStr(await this.eval(p.key, scope));
      const value = await this.eval(p.value, scope, key);
      if (p.kind && value instanceof JsFunction)
        (o.getters ??= new Map()).set(p.kind === 'get' ? key : `\0set:${key}`, value);
      else o.props.set(key, value);
    }
    return o;
  }

  async #args(args: N[], scope: Scope): Promise<JsValue[]> {
    const out: JsValue[] = [];
    for (const a of args) {
      if (a.k === 'spread') out.push(...(await this.iterate(await this.eval(a.e, scope))));
      else out.push(await this.eval(a, scope));
    }
    return out;
  }

  async #call(n: Extract<N, { k: 'call' }>, scope: Scope): Promise<JsValue> {
    const loc = { line: n.line, col: n.col };
    if (n.callee.k === 'id' && n.callee.name === 'super') {
      const sup = scope.lookup('\0super')?.v;
      if (sup instanceof JsFunction) await sup.call(scope.thisVal, await this.#args(n.args, scope), sup);
      return undefined;
    }
    let thisArg: JsValue;
    let fn: JsValue;
    if (n.callee.k === 'member') {
      if (n.callee.obj.k === 'id' && n.callee.obj.name === 'super') {
        const home = scope.homeObject?.proto;
        thisArg = scope.thisVal;
        fn = home?.get(typeof n.callee.prop === 'string' ? n.callee.prop : '');
      } else {
        thisArg = await this.eval(n.callee.obj, scope);
        if (n.callee.optional && (thisArg === undefined || thisArg === null)) return undefined;
        const key =
          typeof n.callee.prop === 'string' ? n.callee.prop : toStr(await this.eval(n.callee.prop, scope));
        fn = this.getProp(thisArg, key, n.callee.obj.k === 'id' ? n.callee.obj : loc);
      }
    } else fn = await this.eval(n.callee, scope);
    if (n.optional && (fn === undefined || fn === null)) return undefined;
    const args = await this.#args(n.args, scope);
    this.lastLoc = loc;
    return this.call(fn, thisArg, args, loc, describe(n.callee));
  }

  binary(op: string, l: JsValue, r: JsValue): JsValue {
    switch (op) {
      case '+':
        if (typeof l === 'string' || typeof r === 'string' || l instanceof JsObject || r instanceof JsObject)
          return toStr(l) + toStr(r);
        return toNumber(l) + toNumber(r);
      case '-':
        return toNumber(l) - toNumber(r);
      case '*':
        return toNumber(l) * toNumber(r);
      case '/':
        return toNumber(l) / toNumber(r);
      case '%':
        return toNumber(l) % toNumber(r);
      case '**':
        return toNumber(l) ** toNumber(r);
      case '===':
        return l === r || (Number.isNaN(l) && false);
      case '!==':
        return l !== r;
      case '==':
        return looseEqual(l, r);
      case '!=':
        return !looseEqual(l, r);
      case '<':
        return typeof l === 'string' && typeof r === 'string' ? l < r : toNumber(l) < toNumber(r);
      case '>':
        return typeof l === 'string' && typeof r === 'string' ? l > r : toNumber(l) > toNumber(r);
      case '<=':
        return typeof l === 'string' && typeof r === 'string' ? l <= r : toNumber(l) <= toNumber(r);
      case '>=':
        return typeof l === 'string' && typeof r === 'string' ? l >= r : toNumber(l) >= toNumber(r);
      case '&':
        return toNumber(l) & toNumber(r);
      case '|':
        return toNumber(l) | toNumber(r);
      case '^':
        return toNumber(l) ^ toNumber(r);
      case '<<':
        return toNumber(l) << toNumber(r);
      case '>>':
        return toNumber(l) >> toNumber(r);
      case '>>>':
        return toNumber(l) >>> toNumber(r);
      case 'in':
        return r instanceof JsObject
          ? r.has(toStr(l)) || (r instanceof JsArray && Number(l) < r.items.length)
          : this.throwError(
              'TypeError',
              `Cannot use 'in' operator to search for '${toStr(l)}' in ${toStr(r)}`,
            );
    }
    return undefined;
  }
}

export function toNumber(v: JsValue): number {
  if (typeof v === 'number') return v;
  if (v === undefined) return NaN;
  if (v === null || v === false) return 0;
  if (v === true) return 1;
  if (typeof v === 'string') return v.trim() === '' ? 0 : Number(v);
  if (v instanceof JsArray)
    return v.items.length === 0 ? 0 : v.items.length === 1 ? toNumber(v.items[0]!) : NaN;
  if (v.className === 'Date') return v.native as number;
  return NaN;
}

function looseEqual(l: JsValue, r: JsValue): boolean {
  if ((l === null || l === undefined) && (r === null || r === undefined)) return true;
  if (l === null || l === undefined || r === null || r === undefined) return false;
  if (typeof l === typeof r) return l === r;
  if (l instanceof JsObject || r instanceof JsObject) return l === r;
  return toNumber(l) === toNumber(r);
}

/** How V8 names a callee in "… is not a function": `foo.bar`, `app.lisen`. */
export function describe(n: N): string {
  if (n.k === 'id') return n.name;
  if (n.k === 'member' && typeof n.prop === 'string') return `${describe(n.obj)}.${n.prop}`;
  if (n.k === 'this') return 'this';
  return '(intermediate value)';
}

export { inspect };
