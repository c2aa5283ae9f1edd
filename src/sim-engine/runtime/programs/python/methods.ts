/** The methods of the builtin types: str, list, dict, set (and float.is_integer). */
import type { Interp } from './interp.ts';
import { formatSpec } from './ops.ts';
import { equal, PyBuiltin, PyDict, PyList, PySet, PyTuple, repr, str, truthy } from './values.ts';
import type { Kwargs, Py } from './values.ts';

type M = (args: Py[], kw: Kwargs) => Py | Promise<Py>;

function strMethods(I: () => Interp, s: string): Record<string, M> {
  const sub = (v: Py | undefined) => (v === undefined || v === null ? undefined : str(v));
  const ws = /\s/;
  const strip = (chars: string | undefined, left: boolean, right: boolean) => {
    let a = 0;
    let b = s.length;
    const drop = (c: string) => (chars === undefined ? ws.test(c) : chars.includes(c));
    if (left) while (a < b && drop(s[a]!)) a++;
    if (right) while (b > a && drop(s[b - 1]!)) b--;
    return s.slice(a, b);
  };
  return {
    upper: () => s.toUpperCase(),
    lower: () => s.toLowerCase(),
    strip: ([c]) => strip(sub(c), true, true),
    lstrip: ([c]) => strip(sub(c), true, false),
    rstrip: ([c]) => strip(sub(c), false, true),
    title: () => s.replace(/\w\S*/g, (w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()),
    capitalize: () => (s ? s[0]!.toUpperCase() + s.slice(1).toLowerCase() : s),
    split: ([sep, max]) => {
      const limit = max === undefined ? -1 : Number(max);
      if (sep === undefined || sep === null) {
        const parts = s.trim().split(/\s+/).filter(Boolean);
        return new PyList(
          limit < 0
            ? parts
            : [...parts.slice(0, limit), parts.slice(limit).join(' ')].filter((x) => x !== ''),
        );
      }
      const parts = s.split(str(sep));
      return new PyList(
        limit < 0 || parts.length <= limit + 1
          ? parts
          : [...parts.slice(0, limit), parts.slice(limit).join(str(sep))],
      );
    },
    rsplit: ([sep]) =>
      new PyList(sep === undefined || sep === null ? s.trim().split(/\s+/) : s.split(str(sep))),
    splitlines: () => new PyList(s.split(/\r?\n/).filter((l, i, a) => i < a.length - 1 || l !== '')),
    join: async ([items]) =>
      (await I().toArray(items!))
        .map((x) =>
          typeof x === 'string'
            ? x
            : I().raise('TypeError', `sequence item 0: expected str instance, ${typeof x} found`),
        )
        .join(s),
    replace: ([a, b, n]) => {
      let count = n === undefined ? Infinity : Number(n);
      return s
        .split(str(a!))
        .reduce((acc, part, i) => (i === 0 ? part : acc + (count-- > 0 ? str(b!) : str(a!)) + part), '');
    },
    startswith: ([p]) =>
      p instanceof PyTuple ? p.items.some((x) => s.startsWith(str(x))) : s.startsWith(str(p!)),
    endswith: ([p]) => (p instanceof PyTuple ? p.items.some((x) => s.endsWith(str(x))) : s.endsWith(str(p!))),
    find: ([p]) => BigInt(s.indexOf(str(p!))),
    index: ([p]) =>
      s.includes(str(p!)) ? BigInt(s.indexOf(str(p!))) : I().raise('ValueError', 'substring not found'),
    count: ([p]) => BigInt(s.split(str(p!)).length - 1),
    isdigit: () => /^\d+$/.test(s),
    isnumeric: () => /^\d+$/.test(s),
    isalpha: () => /^[A-Za-z]+$/.test(s),
    isalnum: () => /^[A-Za-z0-9]+$/.test(s),
    isspace: () => /^\s+$/.test(s),
    isupper: () => /[A-Z]/.test(s) && s === s.toUpperCase(),
    islower: () => /[a-z]/.test(s) && s === s.toLowerCase(),
    center: ([w, f = ' ']) => {
      const pad = Math.max(0, Number(w) - s.length);
      return str(f).repeat(Math.floor(pad / 2)) + s + str(f).repeat(Math.ceil(pad / 2));
    },
    ljust: ([w, f = ' ']) => s.padEnd(Number(w), str(f)),
    rjust: ([w, f = ' ']) => s.padStart(Number(w), str(f)),
    zfill: ([w]) =>
      s.startsWith('-') ? `-${s.slice(1).padStart(Number(w) - 1, '0')}` : s.padStart(Number(w), '0'),
    encode: () => s,
    decode: () => s,
    partition: ([sep]) => {
      const i = s.indexOf(str(sep!));
      return i < 0
        ? new PyTuple([s, '', ''])
        : new PyTuple([s.slice(0, i), str(sep!), s.slice(i + str(sep!).length)]);
    },
    format: async (args, kw) => {
      let auto = 0;
      const parts: string[] = [];
      const re = /\{\{|\}\}|\{([^{}!:]*)(?:!([rs]))?(?::([^{}]*))?\}/g;
      let last = 0;
      for (let m = re.exec(s); m; m = re.exec(s)) {
        parts.push(s.slice(last, m.index));
        last = re.lastIndex;
        if (m[0] === '{{' || m[0] === '}}') {
          parts.push(m[0][0]!);
          continue;
        }
        const field = m[1]!;
        const [head, ...attrs] = field.split('.');
        let v: Py =
          head === ''
            ? (args[auto++] ?? null)
            : /^\d+$/.test(head!)
              ? (args[Number(head)] ?? null)
              : (kw.get(head!) ?? I().raise('KeyError', repr(head!)));
        for (const a of attrs) v = I().getattr(v, a);
        const conv = m[2] === 'r' ? repr(v) : v;
        parts.push(m[3] ? formatSpec(conv, m[3]) : await I().str(conv));
      }
      parts.push(s.slice(last));
      return parts.join('');
    },
  };
}

function listMethods(I: () => Interp, l: PyList): Record<string, M> {
  return {
    append: ([v]) => (l.items.push(v!), null),
    extend: async ([v]) => (l.items.push(...(await I().toArray(v!))), null),
    insert: ([i, v]) => (l.items.splice(Number(i), 0, v!), null),
    pop: ([i]) => {
      if (!l.items.length) I().raise('IndexError', 'pop from empty list');
      return i === undefined ? l.items.pop()! : l.items.splice(I().index(l.items.length, i), 1)[0]!;
    },
    remove: ([v]) => {
      const i = l.items.findIndex((x) => equal(x, v!));
      if (i < 0) I().raise('ValueError', 'list.remove(x): x not in list');
      l.items.splice(i, 1);
      return null;
    },
    index: ([v]) => {
      const i = l.items.findIndex((x) => equal(x, v!));
      return i < 0 ? I().raise('ValueError', `${repr(v!)} is not in list`) : BigInt(i);
    },
    count: ([v]) => BigInt(l.items.filter((x) => equal(x, v!)).length),
    reverse: () => (l.items.reverse(), null),
    clear: () => ((l.items = []), null),
    copy: () => new PyList([...l.items]),
    sort: async (_, kw) => {
      const sorted = (await I().call(I().hooks.builtins.get('sorted')!, [l], kw)) as PyList;
      l.items = sorted.items;
      return null;
    },
  };
}

function dictMethods(I: () => Interp, d: PyDict): Record<string, M> {
  return {
    get: ([k, def = null]) => d.get(k!) ?? def,
    keys: () => new PyList(d.keys()),
    values: () => new PyList(d.entries().map(([, v]) => v)),
    items: () => new PyList(d.entries().map(([k, v]) => new PyTuple([k, v]))),
    update: async ([other], kw) => {
      if (other instanceof PyDict) for (const [k, v] of other.entries()) d.set(k, v);
      for (const [k, v] of kw) d.set(k, v);
      return null;
    },
    pop: ([k, def]) => {
      const v = d.get(k!);
      if (v === undefined) return def === undefined ? I().raiseArgs('KeyError', [k!]) : def;
      d.delete(k!);
      return v;
    },
    setdefault: ([k, def = null]) => {
      if (d.get(k!) === undefined) d.set(k!, def);
      return d.get(k!)!;
    },
    copy: () => new PyDict(d.entries()),
    clear: () => (d.map.clear(), null),
  };
}

function setMethods(s: PySet): Record<string, M> {
  return {
    add: ([v]) => (s.map.set(repr(v!), v!), null),
    discard: ([v]) => (s.map.delete(repr(v!)), null),
    remove: ([v]) => (s.map.delete(repr(v!)), null),
    union: ([o]) => new PySet([...s.map.values(), ...(o instanceof PySet ? o.map.values() : [])]),
  };
}

/** `obj.name` for a builtin type's value, as a bound builtin; undefined when it has none. */
export function methodOf(I: () => Interp, self: Py, name: string): Py | undefined {
  let table: Record<string, M> | undefined;
  if (typeof self === 'string') table = strMethods(I, self);
  else if (self instanceof PyList) table = listMethods(I, self);
  else if (self instanceof PyDict) table = dictMethods(I, self);
  else if (self instanceof PySet) table = setMethods(self);
  else if (typeof self === 'number' && name === 'is_integer')
    return new PyBuiltin(name, () => Number.isInteger(self));
  const m = table?.[name];
  return m ? new PyBuiltin(name, m) : undefined;
}

export { truthy };
