/**
 * The members of values of the builtin types: String.prototype, Array.prototype,
 * Number.prototype, Function.prototype (call/apply/bind), Promise (then/catch/
 * finally), RegExp, Map and Set, and Object.prototype's few.
 */
import type { JsInterp } from './interp.ts';
import { inspect, JsArray, JsFunction, JsObject, JsPromise, JsThrow, toStr, truthy } from './values.ts';
import type { JsValue } from './values.ts';

type Native = (args: JsValue[]) => JsValue | Promise<JsValue>;

function native(I: JsInterp, name: string, f: Native): JsFunction {
  const fn = new JsFunction(name, (_t, args) => f(args));
  fn.proto = I.realm.functionProto;
  return fn;
}

function array(I: JsInterp, items: JsValue[]): JsArray {
  const a = new JsArray(items);
  a.proto = I.realm.objectProto;
  return a;
}

async function callback(I: JsInterp, fn: JsValue, args: JsValue[]): Promise<JsValue> {
  return I.call(fn, undefined, args, undefined, inspect(fn));
}

function stringMember(I: JsInterp, s: string, key: string): JsValue {
  const regex = (v: JsValue) => (v instanceof JsObject && v.native instanceof RegExp ? v.native : undefined);
  const m: Record<string, Native> = {
    toUpperCase: () => s.toUpperCase(),
    toLowerCase: () => s.toLowerCase(),
    trim: () => s.trim(),
    trimStart: () => s.trimStart(),
    trimEnd: () => s.trimEnd(),
    split: ([sep, lim]) =>
      array(
        I,
        sep === undefined
          ? [s]
          : s.split(regex(sep) ?? toStr(sep), lim === undefined ? undefined : Number(lim)),
      ),
    includes: ([x]) => s.includes(toStr(x)),
    startsWith: ([x]) => s.startsWith(toStr(x)),
    endsWith: ([x]) => s.endsWith(toStr(x)),
    indexOf: ([x]) => s.indexOf(toStr(x)),
    lastIndexOf: ([x]) => s.lastIndexOf(toStr(x)),
    slice: ([a, b]) => s.slice(Number(a ?? 0), b === undefined ? undefined : Number(b)),
    substring: ([a, b]) => s.substring(Number(a ?? 0), b === undefined ? undefined : Number(b)),
    charAt: ([i]) => s.charAt(Number(i ?? 0)),
    charCodeAt: ([i]) => s.charCodeAt(Number(i ?? 0)),
    repeat: ([n]) => s.repeat(Number(n)),
    padStart: ([n, f]) => s.padStart(Number(n), f === undefined ? ' ' : toStr(f)),
    padEnd: ([n, f]) => s.padEnd(Number(n), f === undefined ? ' ' : toStr(f)),
    concat: (args) => s + args.map(toStr).join(''),
    at: ([i]) => s.at(Number(i)),
    toString: () => s,
    replace: async ([a, b]) => replace(I, s, a, b, false),
    replaceAll: async ([a, b]) => replace(I, s, a, b, true),
    match: ([r]) => {
      const got = s.match(regex(r) ?? toStr(r));
      return got ? array(I, [...got]) : null;
    },
  };
  if (key === 'length') return s.length;
  if (/^\d+$/.test(key)) return s[Number(key)];
  return m[key] ? native(I, key, m[key]) : undefined;
}

async function replace(I: JsInterp, s: string, a: JsValue, b: JsValue, all: boolean): Promise<string> {
  const re = a instanceof JsObject && a.native instanceof RegExp ? a.native : undefined;
  if (b instanceof JsFunction) {
    const pattern = re ?? new RegExp(toStr(a).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), all ? 'g' : '');
    let out = '';
    let last = 0;
    for (const m of s.matchAll(
      new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`),
    )) {
      out += s.slice(last, m.index) + toStr(await b.call(undefined, [...m]));
      last = m.index + m[0].length;
      if (!pattern.flags.includes('g') && !all) break;
    }
    return out + s.slice(last);
  }
  if (re) return s.replace(re, toStr(b));
  return all ? s.split(toStr(a)).join(toStr(b)) : s.replace(toStr(a), toStr(b));
}

function arrayMember(I: JsInterp, a: JsArray, key: string): JsValue {
  const each = async (fn: JsValue, visit: (v: JsValue, r: JsValue, i: number) => boolean | void) => {
    for (let i = 0; i < a.items.length; i++)
      if (visit(a.items[i], await callback(I, fn, [a.items[i], i, a]), i) === false) break;
  };
  const m: Record<string, Native> = {
    push: (args) => a.items.push(...args),
    pop: () => a.items.pop(),
    shift: () => a.items.shift(),
    unshift: (args) => a.items.unshift(...args),
    slice: ([s, e]) => array(I, a.items.slice(Number(s ?? 0), e === undefined ? undefined : Number(e))),
    splice: ([s, n, ...add]) =>
      array(I, a.items.splice(Number(s), n === undefined ? a.items.length : Number(n), ...add)),
    concat: (args) => array(I, a.items.concat(...args.map((x) => (x instanceof JsArray ? x.items : [x])))),
    join: ([sep]) =>
      a.items
        .map((x) => (x === undefined || x === null ? '' : toStr(x)))
        .join(sep === undefined ? ',' : toStr(sep)),
    reverse: () => (a.items.reverse(), a),
    includes: ([x]) => a.items.includes(x),
    indexOf: ([x]) => a.items.indexOf(x),
    at: ([i]) => a.items.at(Number(i)),
    keys: () =>
      array(
        I,
        a.items.map((_, i) => i),
      ),
    fill: ([v]) => (a.items.fill(v), a),
    flat: () =>
      array(
        I,
        a.items.flatMap((x) => (x instanceof JsArray ? x.items : [x])),
      ),
    toString: () => toStr(a),
    forEach: async ([fn]) => (await each(fn, () => undefined), undefined),
    map: async ([fn]) => {
      const out: JsValue[] = [];
      await each(fn, (_, r) => void out.push(r));
      return array(I, out);
    },
    filter: async ([fn]) => {
      const out: JsValue[] = [];
      await each(fn, (v, r) => void (truthy(r) && out.push(v)));
      return array(I, out);
    },
    find: async ([fn]) => {
      let found: JsValue;
      await each(fn, (v, r) => (truthy(r) ? ((found = v), false) : undefined));
      return found;
    },
    findIndex: async ([fn]) => {
      let found = -1;
      await each(fn, (_, r, i) => (truthy(r) ? ((found = i), false) : undefined));
      return found;
    },
    some: async ([fn]) => {
      let found = false;
      await each(fn, (_, r) => (truthy(r) ? ((found = true), false) : undefined));
      return found;
    },
    every: async ([fn]) => {
      let ok = true;
      await each(fn, (_, r) => (!truthy(r) ? ((ok = false), false) : undefined));
      return ok;
    },
    reduce: async ([fn, init]) => {
      let acc = init;
      let start = 0;
      if (init === undefined) {
        acc = a.items[0];
        start = 1;
      }
      for (let i = start; i < a.items.length; i++) acc = await callback(I, fn, [acc, a.items[i], i, a]);
      return acc;
    },
    sort: async ([fn]) => {
      if (fn === undefined) a.items.sort((x, y) => (toStr(x) < toStr(y) ? -1 : toStr(x) > toStr(y) ? 1 : 0));
      else {
        const items = [...a.items];
        // insertion sort: the comparator is async
        for (let i = 1; i < items.length; i++) {
          for (let j = i; j > 0 && Number(await callback(I, fn, [items[j - 1], items[j]])) > 0; j--)
            [items[j - 1], items[j]] = [items[j], items[j - 1]];
        }
        a.items = items;
      }
      return a;
    },
  };
  return m[key] ? native(I, key, m[key]) : undefined;
}

function promiseMember(I: JsInterp, p: JsPromise, key: string): JsValue {
  const then = (onOk?: JsValue, onErr?: JsValue) => (
    (p.handled = true),
    new JsPromise(
      p.promise.then(
        (v) => (onOk instanceof JsFunction ? callback(I, onOk, [v]) : v),
        (e: unknown) => {
          if (onErr instanceof JsFunction && e instanceof JsThrow) return callback(I, onErr, [e.value]);
          throw e;
        },
      ),
      I.realm.unhandled,
    )
  );
  if (key === 'then') return native(I, 'then', ([a, b]) => then(a, b));
  if (key === 'catch') return native(I, 'catch', ([b]) => then(undefined, b));
  if (key === 'finally')
    return native(I, 'finally', ([f]) => {
      p.handled = true;
      return new JsPromise(
        p.promise.finally(() => {
          if (f instanceof JsFunction) void f.call(undefined, []);
        }),
      );
    });
  return undefined;
}

export function builtinMember(I: JsInterp, obj: JsValue, key: string): JsValue {
  if (typeof obj === 'string') return stringMember(I, obj, key);
  if (typeof obj === 'number') {
    if (key === 'toFixed') return native(I, key, ([d]) => obj.toFixed(Number(d ?? 0)));
    if (key === 'toString') return native(I, key, ([r]) => obj.toString(r === undefined ? 10 : Number(r)));
    return undefined;
  }
  if (typeof obj === 'boolean') return key === 'toString' ? native(I, key, () => String(obj)) : undefined;
  if (!(obj instanceof JsObject)) return undefined;
  if (obj instanceof JsArray) {
    const m = arrayMember(I, obj, key);
    if (m !== undefined) return m;
  }
  if (obj instanceof JsPromise) return promiseMember(I, obj, key);
  if (obj instanceof JsFunction) {
    if (key === 'name') return obj.name;
    if (key === 'call') return native(I, key, ([t, ...args]) => obj.call(t, args));
    if (key === 'apply')
      return native(I, key, ([t, args]) => obj.call(t, args instanceof JsArray ? args.items : []));
    if (key === 'bind')
      return native(
        I,
        key,
        ([t, ...pre]) => new JsFunction(obj.name, (_t, args) => obj.call(t, [...pre, ...args])),
      );
  }
  if (obj.native instanceof RegExp) {
    const re = obj.native;
    if (key === 'test') return native(I, key, ([s]) => re.test(toStr(s)));
    if (key === 'source') return re.source;
    if (key === 'exec')
      return native(I, key, ([s]) => {
        const m = re.exec(toStr(s));
        return m ? array(I, [...m]) : null;
      });
  }
  if (obj.native instanceof Map) {
    const map = obj.native as Map<JsValue, JsValue>;
    const m: Record<string, Native> = {
      get: ([k]) => map.get(k),
      set: ([k, v]) => (map.set(k, v), obj),
      has: ([k]) => map.has(k),
      delete: ([k]) => map.delete(k),
      keys: () => array(I, [...map.keys()]),
      values: () => array(I, [...map.values()]),
    };
    if (key === 'size') return map.size;
    if (m[key]) return native(I, key, m[key]);
  }
  if (obj.native instanceof Set) {
    const set = obj.native as Set<JsValue>;
    if (key === 'size') return set.size;
    if (key === 'add') return native(I, key, ([v]) => (set.add(v), obj));
    if (key === 'has') return native(I, key, ([v]) => set.has(v));
  }
  if (key === 'hasOwnProperty') return native(I, key, ([k]) => obj.props.has(toStr(k)));
  if (key === 'toString') return native(I, key, () => toStr(obj));
  return undefined;
}
