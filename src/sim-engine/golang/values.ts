/**
 * How JS data stands for Go data, for the template engine, `fmt` and `encoding/json`.
 *
 * - `null` / `undefined` is a nil pointer of unknown type (prints `<nil>`); use
 *   `nilOf('map[string]string')` when the Go type matters (a nil map prints `map[]`,
 *   a nil slice `[]`, and a missing key in a nil map is `<no value>`, not an error).
 * - booleans, strings; numbers are Go `int` when integral, `float64` otherwise;
 *   `goFloat64(1)` is a float64 that happens to be integral (`%v` prints `1e+06` for
 *   a float64 million but `1000000` for an int); bigints are `int64`.
 * - arrays are slices; a JS `Map`, or a plain object marked with `goMap(obj)`, is a
 *   Go map (printed and ranged in sorted key order);
 * - any other object is a struct: its fields are its enumerable properties in key
 *   order, and its function-valued properties (own or inherited from a class) are
 *   methods, so `{{.Label "x"}}` calls `obj.Label("x")`. A method named `String`
 *   makes it a fmt.Stringer, `Error` an error, `MarshalJSON` a json.Marshaler.
 *   `withGoType(obj, '*formatter.ContainerContext')` names its type in errors.
 * - `new GoDuration(ns)` is a time.Duration: an int64 of nanoseconds that prints
 *   through its String() (`10s`), compares as an int and marshals as a number.
 */
import { formatGoDuration } from './duration.ts';

const GO_MAP = Symbol.for('dockyard.golang.map');
const GO_TYPE = Symbol.for('dockyard.golang.type');

/** Mark a plain object as a Go map (optionally naming its type, e.g. `map[string]string`). */
export function goMap<T extends object>(obj: T, type?: string): T {
  Object.defineProperty(obj, GO_MAP, { value: true, enumerable: false, configurable: true });
  if (type !== undefined) withGoType(obj, type);
  return obj;
}

/** Name the Go type of an object, used in error messages (`*container.Summary`). */
export function withGoType<T extends object>(obj: T, type: string): T {
  Object.defineProperty(obj, GO_TYPE, { value: type, enumerable: false, configurable: true });
  return obj;
}

/**
 * A struct's Go layout, from a struct description (go-structs.ts): its fields in
 * declaration order with their Go types (fmt prints them all, in this order, whether
 * the JSON had them or not), every name a template can select on it — its own fields
 * and those promoted from embedded structs — and how encoding/json writes it. Other
 * properties are not fields.
 */
export interface GoStructLayout {
  readonly fields: readonly { readonly name: string; readonly type: string }[];
  readonly names: ReadonlySet<string>;
  /**
   * what encoding/json writes, in order (embedded structs' fields in their place): the
   * key, the field it reads, its type, and whether the tag says omitempty
   */
  readonly json?: readonly GoJSONField[];
}

export interface GoJSONField {
  readonly key: string;
  readonly name: string;
  readonly type: string;
  readonly omitempty: boolean;
}

const GO_STRUCT = Symbol.for('dockyard.golang.struct');

/** Give a struct object (or a typed nil pointer to one) its Go layout. */
export function withGoStruct<T extends object>(obj: T, layout: GoStructLayout): T {
  Object.defineProperty(obj, GO_STRUCT, { value: layout, enumerable: false, configurable: true });
  return obj;
}

export function goStructLayout(v: unknown): GoStructLayout | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  return (v as Record<symbol, GoStructLayout | undefined>)[GO_STRUCT];
}

export function isGoMapObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && (v as Record<symbol, unknown>)[GO_MAP] === true;
}

export function declaredGoType(v: unknown): string | undefined {
  if ((typeof v === 'object' && v !== null) || typeof v === 'function') {
    const t = (v as Record<symbol, unknown>)[GO_TYPE];
    if (typeof t === 'string') return t;
  }
  return undefined;
}

/** A float64 whose value may be integral. */
export class GoFloat64 {
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
}

export function goFloat64(value: number): GoFloat64 {
  return new GoFloat64(value);
}

/** time.Duration: int64 nanoseconds whose String() is `1m30s`. */
export class GoDuration {
  readonly ns: bigint;
  constructor(ns: number | bigint) {
    this.ns = BigInt(typeof ns === 'number' ? Math.trunc(ns) : ns);
    withGoType(this, 'time.Duration');
  }
  String(): string {
    return formatGoDuration(this.ns);
  }
}

/**
 * os.FileMode: a uint32 whose String() is `-r--r--r--` (the type bits `dalTLDpSugct?`
 * from the top, then rwx for owner, group, others). An integer like a Duration.
 */
export class GoFileMode extends GoDuration {
  constructor(mode: number) {
    super(mode);
    withGoType(this, 'os.FileMode');
  }
  override String(): string {
    const m = Number(this.ns) >>> 0;
    let out = '';
    [...'dalTLDpSugct?'].forEach((c, i) => {
      if (m & (1 << (31 - i))) out += c;
    });
    if (out === '') out = '-';
    [...'rwxrwxrwx'].forEach((c, i) => (out += m & (1 << (8 - i)) ? c : '-'));
    return out;
  }
}

/**
 * A Go `[]byte`: a slice of ints (`{{.Data}}` prints `[104 105]`) that `%s`, `%q`, `%x`
 * print as the text of its bytes and encoding/json marshals as base64.
 */
export function goBytes(bytes: number[]): number[] {
  return withGoType(bytes, '[]uint8');
}

export function isGoBytes(v: unknown): v is number[] {
  return Array.isArray(v) && declaredGoType(v) === '[]uint8';
}

/** A typed nil: `nilOf('*container.Health')`, `nilOf('map[string]string')`, `nilOf('[]string')`. */
export class GoNil {
  readonly type: string;
  constructor(type: string) {
    this.type = type;
  }
}

export function nilOf(type: string): GoNil {
  return new GoNil(type);
}

/**
 * A non-nil pointer to a value that is not a struct (`*bool`, `*uint64`, `*time.Duration`
 * fields of the API types). Go keeps it apart from its value: a template prints the value,
 * but `{{if}}` is true even for a pointer to false, `eq` refuses it ("incompatible types
 * for comparison"), fmt prints it as an address, and encoding/json writes the value.
 * (A pointer to a struct is the struct object itself, named `*T` with withGoType.)
 */
export class GoPointer {
  readonly elem: unknown;
  readonly type: string;
  constructor(elem: unknown, type: string) {
    this.elem = elem;
    this.type = type;
  }
}

/** complex128, only so template literals like `1+2i` behave. */
export class GoComplex {
  readonly re: number;
  readonly im: number;
  constructor(re: number, im: number) {
    this.re = re;
    this.im = im;
  }
}

/** encoding/json's Number (a string type): what `dec.UseNumber()` decodes numbers to. */
export class GoJSONNumber {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  String(): string {
    return this.text;
  }
}

/** Go's invalid reflect.Value: a missing map key, an unset interface. Prints `<no value>`. */
export const NO_VALUE: unique symbol = Symbol('no value');
export type NoValue = typeof NO_VALUE;

export type Kind =
  | 'invalid'
  | 'nil'
  | 'bool'
  | 'int'
  | 'float'
  | 'complex'
  | 'string'
  | 'slice'
  | 'map'
  | 'struct'
  | 'func'
  | 'ptr';

export function kindOf(v: unknown): Kind {
  if (v === NO_VALUE) return 'invalid';
  if (v === null || v === undefined || v instanceof GoNil) return 'nil';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return Number.isInteger(v) ? 'int' : 'float';
    case 'string':
      return 'string';
    case 'function':
      return 'func';
    case 'symbol':
      return 'invalid';
  }
  if (v instanceof GoPointer) return 'ptr';
  if (v instanceof GoFloat64) return 'float';
  if (v instanceof GoDuration) return 'int';
  if (v instanceof GoComplex) return 'complex';
  if (v instanceof GoJSONNumber) return 'string';
  if (Array.isArray(v)) return 'slice';
  if (v instanceof Map || isGoMapObject(v)) return 'map';
  return 'struct';
}

/** What a nil is a nil of, from its Go type: pointer, map, slice, func or interface. */
export function nilKind(v: unknown): 'ptr' | 'map' | 'slice' | 'func' | 'interface' {
  if (!(v instanceof GoNil)) return 'ptr';
  const t = v.type;
  if (t.startsWith('*')) return 'ptr';
  if (t.startsWith('map[')) return 'map';
  if (t.startsWith('[]')) return 'slice';
  if (t.startsWith('func')) return 'func';
  return 'interface';
}

export function isNilish(v: unknown): boolean {
  return v === null || v === undefined || v instanceof GoNil;
}

/** The numeric value of an int or float kind. */
export function numberValue(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof GoFloat64) return v.value;
  if (v instanceof GoDuration) return Number(v.ns);
  return NaN;
}

/** The exact value of an int kind (number, bigint or time.Duration). */
export function intValue(v: unknown): bigint {
  if (v instanceof GoDuration) return v.ns;
  return BigInt(v as number | bigint);
}

/** The string value of a string kind (including json.Number). */
export function stringValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v instanceof GoJSONNumber) return v.text;
  return '';
}

/** Entries of a map kind, unsorted. */
export function mapEntries(v: unknown): [unknown, unknown][] {
  if (v instanceof Map) return [...v.entries()];
  if (isGoMapObject(v)) return Object.keys(v).map((k) => [k, v[k]]);
  return [];
}

export function mapSize(v: unknown): number {
  if (v instanceof Map) return v.size;
  if (isGoMapObject(v)) return Object.keys(v).length;
  return 0;
}

/** Look a key up in a map kind; NO_VALUE when absent. */
export function mapGet(m: unknown, key: unknown): unknown {
  if (m instanceof Map) return m.has(key) ? m.get(key) : NO_VALUE;
  if (isGoMapObject(m) && typeof key === 'string' && Object.hasOwn(m, key)) return m[key];
  return NO_VALUE;
}

/** True when a map kind's keys are strings, so `.Field` can index it. */
export function mapHasStringKeys(m: unknown): boolean {
  if (m instanceof GoNil) return m.type.startsWith('map[string]');
  if (!(m instanceof Map)) return true;
  for (const k of m.keys()) if (typeof k !== 'string') return false;
  return true;
}
