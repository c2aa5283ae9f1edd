/**
 * Go struct types described as data, and decoding JSON into them the way the docker CLI's
 * encoding/json does: every field of the struct exists after decoding, so a field the
 * daemon's JSON left out (omitempty) is still there with its zero value — a nil slice
 * prints `[]`, a nil map `map[]`, a nil pointer `<nil>`, a zero struct `{…}`.
 *
 * A decoded object keeps the daemon's keys as its enumerable properties and gets the rest
 * of its fields as hidden ones, plus its Go layout (values.ts GoStructLayout): fmt prints
 * the fields in declaration order, a template selects only declared (or promoted) fields,
 * and encoding/json writes the struct as Go does — declaration order, omitempty — which is
 * what the daemon sent whenever the daemon's JSON is Go's. Embedded structs (swarm.Meta in
 * swarm.Service) are flattened in the JSON as in Go; the promoted fields stay on the
 * object and the embedded struct is a hidden view of them.
 */
import { base64StdBytes } from './json-decode.ts';
import { parseRFC3339, GoTime, ZERO_TIME_MS } from './time.ts';
import {
  GoDuration,
  GoFileMode,
  GoFloat64,
  goBytes,
  goMap,
  GoNil,
  GoPointer,
  type GoStructLayout,
  isNilish,
  withGoStruct,
  withGoType,
} from './values.ts';
import { elemTypeOf } from './reflect.ts';

/** One field of a Go struct. */
export interface GoField {
  readonly name: string;
  /** the Go type as reflect spells it: `string`, `*swarm.Placement`, `[]swarm.PortConfig` */
  readonly type: string;
  /** an anonymous (embedded) field: its fields are promoted, and flattened in the JSON */
  readonly embedded?: boolean;
  /** the JSON key when the tag renames the field (runtime.PluginSpec's `name`) */
  readonly json?: string;
  /** the tag says omitempty: encoding/json leaves out a zero value (never a struct) */
  readonly omitempty?: boolean;
}

/** A Go struct type: its fields in declaration order and the methods templates can call. */
export interface GoStructType {
  readonly fields: readonly GoField[];
  /** methods with no arguments, on the value or its pointer (swarm.Version's String) */
  readonly methods?: Readonly<Record<string, (self: Record<string, unknown>) => unknown>>;
}

/** The types a decode can meet: described structs, and named types of a basic kind. */
export interface GoTypeTable {
  readonly structs: Readonly<Record<string, GoStructType>>;
  /** `swarm.TaskState` → `string`: the underlying type gives the zero value */
  readonly named: Readonly<Record<string, string>>;
}

/**
 * A field: its name, its Go type, and its JSON tag as written in Go (`,omitempty`,
 * `name,omitempty`, `Labels`), which says its JSON key and whether it is omitempty.
 */
export function goField(name: string, type: string, tag = ''): GoField {
  const [key = '', ...options] = tag.split(',');
  return {
    name,
    type,
    ...(key !== '' && key !== name ? { json: key } : {}),
    ...(options.includes('omitempty') ? { omitempty: true } : {}),
  };
}

/** An embedded field of a struct type (`swarm.Meta`): named after its type. */
export function embeddedField(type: string): GoField {
  return { name: type.slice(type.lastIndexOf('.') + 1), type, embedded: true };
}

/** `[]byte` is `[]uint8` to reflect (errors, %T) and to values.ts's goBytes. */
function canonical(type: string): string {
  return type.replace(/\bbyte\b/g, 'uint8');
}

const BASIC_ZERO: Readonly<Record<string, () => unknown>> = {
  string: () => '',
  bool: () => false,
  float32: () => new GoFloat64(0),
  float64: () => new GoFloat64(0),
  ...Object.fromEntries(
    ['int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr'].map(
      (t) => [t, () => 0],
    ),
  ),
};

/** A field as it sits in the JSON object: its key, reached through embedded structs. */
interface FlatField {
  readonly field: GoField;
  readonly key: string;
  readonly depth: number;
}

const flatCache = new WeakMap<GoTypeTable, Map<string, readonly FlatField[]>>();
const layoutCache = new WeakMap<GoTypeTable, Map<string, GoStructLayout>>();

function cached<T>(
  cache: WeakMap<GoTypeTable, Map<string, T>>,
  table: GoTypeTable,
  type: string,
  make: () => T,
): T {
  let byType = cache.get(table);
  if (!byType) cache.set(table, (byType = new Map()));
  let v = byType.get(type);
  if (v === undefined) byType.set(type, (v = make()));
  return v;
}

/**
 * The non-embedded fields of a struct with those promoted from its embedded structs, in
 * encoding/json's order (an embedded struct's fields where it is declared); of two with
 * one name the shallower wins and two at the same depth cancel out, as Go's rules say.
 */
function flatFields(table: GoTypeTable, type: string): readonly FlatField[] {
  return cached(flatCache, table, type, () => {
    const all: FlatField[] = [];
    const collect = (t: string, depth: number) => {
      for (const field of table.structs[t]?.fields ?? []) {
        if (field.embedded) collect(field.type, depth + 1);
        else all.push({ field, key: field.json ?? field.name, depth });
      }
    };
    collect(type, 0);
    return all.filter((f) => {
      const same = all.filter((g) => g.field.name === f.field.name);
      const shallowest = Math.min(...same.map((g) => g.depth));
      return f.depth === shallowest && same.filter((g) => g.depth === shallowest).length === 1;
    });
  });
}

/** A struct type's layout: its own fields for fmt, and every name a template can select. */
function layoutOf(table: GoTypeTable, type: string): GoStructLayout {
  return cached(layoutCache, table, type, () => {
    const fields = (table.structs[type]?.fields ?? []).map((f) => ({
      name: f.name,
      type: canonical(f.type),
    }));
    const names = new Set(fields.map((f) => f.name));
    for (const f of flatFields(table, type)) names.add(f.field.name);
    const addEmbedded = (t: string) => {
      for (const f of table.structs[t]?.fields ?? [])
        if (f.embedded) {
          names.add(f.name);
          addEmbedded(f.type);
        }
    };
    addEmbedded(type);
    const json = flatFields(table, type).map(({ field, key }) => ({
      key,
      name: field.name,
      type: canonical(field.type),
      omitempty: field.omitempty === true,
    }));
    return { fields, names, json };
  });
}

function hide(obj: object, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: false, configurable: true, writable: true });
}

function show(obj: object, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, configurable: true, writable: true });
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/** The underlying type of a named type (`swarm.TaskState` → `string`). */
function underlying(table: GoTypeTable, type: string): string {
  let t = type;
  for (let i = 0; i < 8 && table.named[t] !== undefined; i++) t = table.named[t]!;
  return t;
}

/** A typed nil; a nil pointer to a described struct knows its fields (for template errors). */
function typedNil(table: GoTypeTable | undefined, type: string): GoNil {
  const nil = new GoNil(type);
  if (table && type.startsWith('*') && table.structs[type.slice(1)])
    withGoStruct(nil, layoutOf(table, type.slice(1)));
  return nil;
}

/** The zero value of a Go type: a typed nil, 0, "", false, the zero time, a zero struct. */
export function goZero(type: string, table?: GoTypeTable): unknown {
  const t = canonical(type);
  if (
    t.startsWith('*') ||
    t.startsWith('[]') ||
    t.startsWith('map[') ||
    t.startsWith('func') ||
    t === 'interface {}'
  )
    return typedNil(table, t);
  if (t === 'time.Time') return new GoTime(ZERO_TIME_MS);
  if (t === 'time.Duration') return new GoDuration(0);
  if (t === 'os.FileMode') return new GoFileMode(0);
  if (table?.structs[t]) return fillStruct({}, t, table);
  const base = table ? underlying(table, t) : t;
  return BASIC_ZERO[base]?.() ?? typedNil(table, t);
}

/**
 * The value `v` (decoded JSON) as a value of Go type `type`: maps marked, durations,
 * times, file modes and byte slices made, typed nils for null, and — when `table`
 * describes the struct type — every field of the struct. Objects are changed in place.
 */
export function decodeAs(v: unknown, type: string, table?: GoTypeTable): unknown {
  const t = canonical(type);
  if (isNilish(v)) return goZero(t, table);
  if (t.startsWith('*')) {
    const r = decodeAs(v, t.slice(1), table);
    // a struct object stands for its pointer too (errors and fmt name it `*T`); any other
    // value is wrapped, since Go treats a *bool or *uint64 apart from its value
    if (typeof r === 'object' && r !== null && !(r instanceof GoDuration) && !(r instanceof GoFloat64))
      return withGoType(r, t);
    return new GoPointer(r, t);
  }
  if (t.startsWith('[]')) {
    const elem = t.slice(2);
    if (elem === 'uint8') {
      if (typeof v === 'string') return goBytes(base64StdBytes(v) ?? []);
      if (Array.isArray(v)) return goBytes(v as number[]);
    }
    if (!Array.isArray(v)) return v;
    v.forEach((e, i) => (v[i] = decodeAs(e, elem, table)));
    return withGoType(v, t);
  }
  if (t.startsWith('map[')) {
    if (!isPlainObject(v)) return typeof v === 'object' && v !== null ? withGoType(v, t) : v;
    const elem = elemTypeOf(t);
    if (table && elem !== undefined) for (const k of Object.keys(v)) v[k] = decodeAs(v[k], elem, table);
    return goMap(v, t);
  }
  if (t === 'time.Time') {
    if (typeof v !== 'string') return v;
    try {
      return parseRFC3339(v);
    } catch {
      return v;
    }
  }
  if (t === 'time.Duration') return typeof v === 'number' ? new GoDuration(v) : v;
  if (t === 'os.FileMode') return typeof v === 'number' ? new GoFileMode(v) : v;
  if (table?.structs[t]) return isPlainObject(v) ? fillStruct(v, t, table) : v;
  const base = table ? underlying(table, t) : t;
  if ((base === 'float64' || base === 'float32') && typeof v === 'number') return new GoFloat64(v);
  if (typeof v === 'object' && v !== null && !(v instanceof GoDuration) && !(v instanceof GoTime))
    return withGoType(v, t);
  return v;
}

/**
 * Make `obj` a value of the described struct `type`: the fields the JSON has are decoded
 * in place, the others added hidden with their zero values (a struct made from `{}` is
 * the zero struct); embedded structs become hidden views.
 */
function fillStruct(obj: Record<string, unknown>, type: string, table: GoTypeTable): object {
  for (const { field, key } of flatFields(table, type)) {
    const present = Object.prototype.propertyIsEnumerable.call(obj, key);
    const value = present ? decodeAs(obj[key], field.type, table) : goZero(field.type, table);
    if (present) obj[key] = value;
    if (!present || key !== field.name) hide(obj, field.name, value);
  }
  return finish(obj, type, table, obj);
}

/** Embedded struct views, methods, layout and type name of a struct value. */
function finish(
  obj: Record<string, unknown>,
  type: string,
  table: GoTypeTable,
  source: Record<string, unknown>,
) {
  const desc = table.structs[type]!;
  for (const field of desc.fields)
    if (field.embedded) hide(obj, field.name, embeddedView(source, field.type, table));
  for (const [name, fn] of Object.entries(desc.methods ?? {})) hide(obj, name, () => fn(obj));
  withGoStruct(obj, layoutOf(table, type));
  return withGoType(obj, type);
}

/**
 * An embedded struct as its own value (`.Meta`, `{{json .Meta}}`): its fields are the
 * outer object's promoted ones, shown where the outer object shows them.
 */
function embeddedView(source: Record<string, unknown>, type: string, table: GoTypeTable): object {
  const view: Record<string, unknown> = {};
  for (const { field, key } of flatFields(table, type)) {
    if (Object.prototype.propertyIsEnumerable.call(source, key)) show(view, key, source[key]);
    if (key !== field.name || !Object.prototype.propertyIsEnumerable.call(source, key))
      hide(view, field.name, source[field.name]);
  }
  return finish(view, type, table, source);
}
