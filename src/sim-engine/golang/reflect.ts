/**
 * The little of Go's `reflect` the template engine, fmt and json need, over the
 * data model of values.ts: struct fields and methods, type names for error
 * messages, zero values, and the key order of `internal/fmtsort`.
 */
import type { GoComplex } from './values.ts';
import {
  declaredGoType,
  GoFloat64,
  GoJSONNumber,
  GoNil,
  GoPointer,
  goStructLayout,
  isGoMapObject,
  kindOf,
  mapEntries,
  NO_VALUE,
  numberValue,
  stringValue,
} from './values.ts';

export type Member =
  | { kind: 'method'; fn: (...args: unknown[]) => unknown; name: string }
  | { kind: 'field'; value: unknown }
  | { kind: 'unexported' }
  | { kind: 'none' };

function isExportedName(name: string): boolean {
  return /^\p{Lu}/u.test(name);
}

/** Bind a method to its receiver, keeping its arity and any annotations (goFunc). */
function bindMethod(fn: (...a: unknown[]) => unknown, obj: object): (...a: unknown[]) => unknown {
  const bound = fn.bind(obj);
  for (const sym of Object.getOwnPropertySymbols(fn)) {
    Object.defineProperty(bound, sym, Object.getOwnPropertyDescriptor(fn, sym)!);
  }
  return bound;
}

/**
 * Find `name` on a struct-like object: a function (own or inherited, not from
 * Object.prototype) is a method, anything else a field. Lower-case names are Go's
 * unexported identifiers: a field is found but refused, a method is not found.
 */
export function lookupMember(obj: object, name: string): Member {
  // a struct with a Go layout has only its declared (and promoted) fields: a JSON key
  // the Go type does not declare is dropped when the CLI decodes
  const layout = goStructLayout(obj);
  for (let o: object | null = obj; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    const desc = Object.getOwnPropertyDescriptor(o, name);
    if (!desc) continue;
    const value = desc.get ? desc.get.call(obj) : desc.value;
    if (typeof value === 'function') {
      if (!isExportedName(name) || name === 'constructor') return { kind: 'none' };
      return { kind: 'method', fn: bindMethod(value as (...a: unknown[]) => unknown, obj), name };
    }
    if (layout && !layout.names.has(name)) return { kind: 'none' };
    if (!isExportedName(name)) return { kind: 'unexported' };
    return { kind: 'field', value };
  }
  return { kind: 'none' };
}

/**
 * A struct's fields in declaration order, as fmt prints them and `eq` compares them:
 * its Go layout's fields (hidden zero values and embedded structs included) when it
 * has one, else its enumerable properties in key order; methods are not fields.
 */
export function structFields(obj: object): [string, unknown][] {
  const layout = goStructLayout(obj);
  if (layout) return layout.fields.map((f) => [f.name, (obj as Record<string, unknown>)[f.name]]);
  return jsonFields(obj);
}

/**
 * The fields encoding/json writes: the enumerable properties in key order. A decoded
 * API object keeps the daemon's keys enumerable and its Go layout's other fields
 * hidden, so `{{json .}}` prints what the daemon sent.
 */
export function jsonFields(obj: object): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const key of Object.keys(obj)) {
    const value = (obj as Record<string, unknown>)[key];
    if (typeof value === 'function') continue;
    out.push([key, value]);
  }
  return out;
}

/**
 * A method of a map: a Go map type can have methods too (docker's SubHeaderContext
 * has Label). On a goMap object they are its non-enumerable function properties
 * (see withGoMethods); on a Map subclass, its class's methods.
 */
export function lookupMapMethod(m: object, name: string): ((...args: unknown[]) => unknown) | undefined {
  if (!isExportedName(name)) return undefined;
  for (
    let o: object | null = m;
    o !== null && o !== Object.prototype && o !== Map.prototype;
    o = Object.getPrototypeOf(o)
  ) {
    const desc = Object.getOwnPropertyDescriptor(o, name);
    if (!desc) continue;
    if (o === m && desc.enumerable) return undefined; // an entry, not a method
    const value = desc.get ? desc.get.call(m) : desc.value;
    return typeof value === 'function' ? bindMethod(value as (...a: unknown[]) => unknown, m) : undefined;
  }
  return undefined;
}

/** Give an object (typically a goMap) Go methods: non-enumerable function properties. */
export function withGoMethods<T extends object>(
  obj: T,
  methods: Record<string, (...args: never[]) => unknown>,
): T {
  for (const [name, fn] of Object.entries(methods)) {
    Object.defineProperty(obj, name, { value: fn, enumerable: false, configurable: true, writable: true });
  }
  return obj;
}

/** The method `name` of a value, if it has one (String, Error, MarshalJSON, …). */
export function method(v: unknown, name: string): ((...args: unknown[]) => unknown) | undefined {
  // a pointer's method set has its value's methods (*time.Duration has String)
  if (v instanceof GoPointer) return method(v.elem, name);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  if (kindOf(v) === 'map') return lookupMapMethod(v, name);
  const m = lookupMember(v, name);
  return m.kind === 'method' ? m.fn : undefined;
}

/** Go's spelling of the dynamic type of a value, for error messages. */
export function typeName(v: unknown, seen: Set<unknown> = new Set()): string {
  const declared = declaredGoType(v);
  if (declared !== undefined) return declared;
  switch (kindOf(v)) {
    case 'invalid':
      return '<nil>';
    case 'nil':
      return v instanceof GoNil ? v.type : 'interface {}';
    case 'bool':
      return 'bool';
    case 'int':
      return typeof v === 'bigint' ? 'int64' : 'int';
    case 'float':
      return 'float64';
    case 'complex':
      return 'complex128';
    case 'string':
      return v instanceof GoJSONNumber ? 'json.Number' : 'string';
    case 'slice':
    case 'map':
    case 'struct':
      // composite types can be cyclic in JS; name a cycle instead of recursing forever
      if (seen.has(v)) return 'interface {}';
      seen.add(v);
      try {
        return compositeTypeName(v, seen);
      } finally {
        seen.delete(v);
      }
    case 'func':
      return 'func()';
    case 'ptr':
      return (v as GoPointer).type;
  }
}

function compositeTypeName(v: unknown, seen: Set<unknown>): string {
  if (Array.isArray(v)) return '[]' + commonType(v, seen);
  if (kindOf(v) === 'map') {
    const entries = mapEntries(v);
    const keyType = isGoMapObject(v)
      ? 'string'
      : commonType(
          entries.map(([k]) => k),
          seen,
          'string',
        );
    return `map[${keyType}]${commonType(
      entries.map(([, e]) => e),
      seen,
    )}`;
  }
  const ctor = (v as object).constructor;
  if (ctor && ctor !== Object && ctor.name) return ctor.name;
  const fields = structFields(v as object).map(([k, f]) => `${k} ${typeName(f, seen)}`);
  return fields.length ? `struct { ${fields.join('; ')} }` : 'struct {}';
}

function commonType(values: unknown[], seen: Set<unknown>, fallback = 'interface {}'): string {
  if (values.length === 0) return fallback;
  const first = typeName(values[0], seen);
  if (first === '<nil>' || first === 'interface {}') return 'interface {}';
  return values.every((x) => typeName(x, seen) === first) ? first : 'interface {}';
}

/** The element type of a map type or slice type string (`map[string]int` → `int`). */
export function elemTypeOf(type: string): string | undefined {
  if (type.startsWith('[]')) return type.slice(2);
  if (type.startsWith('map[')) {
    let depth = 0;
    for (let i = 3; i < type.length; i++) {
      if (type[i] === '[') depth++;
      else if (type[i] === ']' && --depth === 0) return type.slice(i + 1);
    }
  }
  return undefined;
}

/** The zero value of a Go type spelled as a string (NO_VALUE for interfaces). */
export function zeroOfType(type: string | undefined): unknown {
  if (type === undefined) return NO_VALUE;
  if (type === 'string') return '';
  if (type === 'bool') return false;
  if (/^u?int(8|16|32|64)?$|^uintptr$|^byte$|^rune$/.test(type)) return 0;
  if (type === 'float64' || type === 'float32') return new GoFloat64(0);
  if (type.startsWith('*') || type.startsWith('[]') || type.startsWith('map[') || type.startsWith('func'))
    return new GoNil(type);
  return NO_VALUE;
}

/** The zero value a missing key of this map stands for (reflect.Zero of its elem type). */
export function mapZero(m: unknown): unknown {
  const declared = declaredGoType(m) ?? (m instanceof GoNil ? m.type : undefined);
  if (declared !== undefined) return zeroOfType(elemTypeOf(declared));
  const elem = elemTypeOf(typeName(m));
  return elem === 'interface {}' ? NO_VALUE : zeroOfType(elem);
}

function codePointCompare(a: string, b: string): number {
  // UTF-8 byte order equals code point order; UTF-16 order differs above U+FFFF.
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}

/** Compare strings as Go does (bytewise on UTF-8). */
export function compareGoStrings(a: string, b: string): number {
  return a === b ? 0 : codePointCompare(a, b);
}

/** internal/fmtsort's ordering of map keys. */
export function compareKeys(a: unknown, b: unknown): number {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  switch (ka) {
    case 'int':
    case 'float': {
      const x = numberValue(a);
      const y = numberValue(b);
      if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
      if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : -1;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 'string':
      return compareGoStrings(stringValue(a), stringValue(b));
    case 'bool':
      return a === b ? 0 : a ? 1 : -1;
    case 'complex': {
      const x = a as GoComplex;
      const y = b as GoComplex;
      return x.re !== y.re ? x.re - y.re : x.im - y.im;
    }
    default:
      return 0;
  }
}

/** Map entries in the order fmt prints and templates range over them. */
export function sortedMapEntries(m: unknown): [unknown, unknown][] {
  return mapEntries(m).sort(([a], [b]) => compareKeys(a, b));
}
