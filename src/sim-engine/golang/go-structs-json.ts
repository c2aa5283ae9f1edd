/**
 * A plain JSON value as encoding/json would write it from a Go value of a described type
 * (go-structs.ts): the daemon builds its API objects in TypeScript, in whatever order
 * its code sets their keys, and Go's Marshal of the moby struct writes them otherwise.
 * `goJSONValue` walks the value with its type and returns a new plain value whose key
 * order and keys are Go's, so that any serialiser that keeps insertion order (JSON.stringify,
 * json-encode.ts's marshal of a plain object) prints Go's bytes:
 *
 * - struct fields in declaration order, an embedded struct's fields flattened where it is
 *   declared; keys the struct does not have are dropped (Go's struct has no room for them);
 * - omitempty: false, 0, "", a nil pointer and an empty slice or map are left out (never
 *   a struct, not even the zero time);
 * - a field the value lacks is its zero value: a nil slice or map is `null`, a zero
 *   time.Time `0001-01-01T00:00:00Z`, a number 0;
 * - map keys sorted bytewise, as Go's encoder sorts them.
 *
 * What no plain object can carry: a map key that is a canonical array index ("7") comes
 * first in any JS object whatever the order it was set in.
 */
import { compareGoStrings } from './reflect.ts';
import type { GoTypeTable } from './go-structs.ts';

/** One field as it sits in the JSON object (embedded structs flattened). */
interface JSONField {
  readonly key: string;
  readonly name: string;
  readonly type: string;
  readonly omitempty: boolean;
  readonly depth: number;
}

const fieldCache = new WeakMap<GoTypeTable, Map<string, readonly JSONField[]>>();

/** encoding/json's typeFields: promoted fields where their struct is embedded; Go's rules on clashes. */
function jsonFields(table: GoTypeTable, type: string): readonly JSONField[] {
  let byType = fieldCache.get(table);
  if (!byType) fieldCache.set(table, (byType = new Map()));
  const hit = byType.get(type);
  if (hit) return hit;
  const all: JSONField[] = [];
  const collect = (t: string, depth: number) => {
    for (const f of table.structs[t]?.fields ?? []) {
      if (f.embedded) collect(f.type, depth + 1);
      else
        all.push({
          key: f.json ?? f.name,
          name: f.name,
          type: f.type,
          omitempty: f.omitempty === true,
          depth,
        });
    }
  };
  collect(type, 0);
  // of two fields with one JSON key the shallower wins; two at one depth both go
  const fields = all.filter((f) => {
    const same = all.filter((g) => g.key === f.key);
    const shallowest = Math.min(...same.map((g) => g.depth));
    return f.depth === shallowest && same.filter((g) => g.depth === shallowest).length === 1;
  });
  byType.set(type, fields);
  return fields;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The underlying type of a named one (`swarm.TaskState` → `string`). */
function underlying(table: GoTypeTable, type: string): string {
  let t = type;
  for (let i = 0; i < 8 && table.named[t] !== undefined; i++) t = table.named[t]!;
  return t;
}

const ZERO_TIME = '0001-01-01T00:00:00Z';

/** The JSON of a Go type's zero value. */
function zeroJSON(type: string, table: GoTypeTable): unknown {
  if (type.startsWith('*') || type.startsWith('[]') || type.startsWith('map[')) return null;
  if (type === 'time.Time') return ZERO_TIME;
  if (table.structs[type]) return goJSONValue({}, type, table);
  const base = underlying(table, type);
  if (base === 'string') return '';
  if (base === 'bool') return false;
  if (/^(u?int(8|16|32|64)?|uintptr|float(32|64)|time\.Duration|os\.FileMode)$/.test(base)) return 0;
  return null;
}

/** encoding/json's isEmptyValue, for the value as it would be after decoding. */
function isEmpty(v: unknown, type: string, table: GoTypeTable): boolean {
  if (v === undefined || v === null) return !table.structs[type] && type !== 'time.Time';
  if (table.structs[type] || type === 'time.Time') return false;
  if (Array.isArray(v)) return v.length === 0;
  if (type.startsWith('map[')) return isObject(v) && Object.keys(v).length === 0;
  if (type.startsWith('*')) return false;
  // a []byte the daemon holds as base64 text: empty text is an empty slice
  return v === false || v === 0 || v === '';
}

/** The map's value type: `map[string][]string` → `[]string`. */
function mapElem(type: string): string {
  let depth = 0;
  for (let i = 4; i < type.length; i++) {
    if (type[i] === '[') depth++;
    else if (type[i] === ']' && depth-- === 0) return type.slice(i + 1);
  }
  return '';
}

/**
 * `v` (a plain JSON-shaped value the daemon built) as encoding/json writes a Go value of
 * `type`: a new value, `v` is not changed. Types the table does not describe (basic and
 * named kinds) are written as they are.
 */
export function goJSONValue(v: unknown, type: string, table: GoTypeTable): unknown {
  if (v === undefined || v === null) return zeroJSON(type, table);
  if (type.startsWith('*')) return goJSONValue(v, type.slice(1), table);
  if (type.startsWith('[]')) {
    // []byte is base64 text in JSON, whatever the daemon holds it as
    if (!Array.isArray(v) || type === '[]byte' || type === '[]uint8') return v;
    return v.map((e) => goJSONValue(e, type.slice(2), table));
  }
  if (type.startsWith('map[')) {
    if (!isObject(v)) return v;
    const elem = mapElem(type);
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort(compareGoStrings)) {
      const e = v[k];
      if (e !== undefined) out[k] = goJSONValue(e, elem, table);
    }
    return out;
  }
  if (!table.structs[type] || !isObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const f of jsonFields(table, type)) {
    const value = v[f.key];
    if (f.omitempty && isEmpty(value, f.type, table)) continue;
    out[f.key] = goJSONValue(value, f.type, table);
  }
  return out;
}
