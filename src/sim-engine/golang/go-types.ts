/**
 * Decoded JSON has no Go types: every object looks like a struct. Docker's typed API
 * objects mix structs with maps (Labels, Networks, Ports) and nil pointers, and a
 * template treats them differently (`.Labels.x` is `<no value>` on a map but an error
 * on a struct; a nil map prints `map[]`). applyGoTypes marks the places a spec names,
 * and where a type is a struct described in a GoTypeTable (go-structs.ts), the whole
 * value as the CLI's Go struct: every field, zero values for the ones the JSON left out.
 */
import { decodeAs, type GoTypeTable } from './go-structs.ts';
import { GoDuration, GoFileMode, goMap, GoNil, withGoType } from './values.ts';

/**
 * Mark values inside `value` with Go types, in place. Paths are dotted field names;
 * `[]` after a name means each element of that slice and `*` means each value of a
 * map, e.g.:
 *
 *   applyGoTypes(container, {
 *     '': '*container.InspectResponse',
 *     'Config.Labels': 'map[string]string',
 *     'NetworkSettings.Networks': 'map[string]*network.EndpointSettings',
 *     'NetworkSettings.Networks.*': '*network.EndpointSettings',
 *     'State.Health': '*container.Health',
 *     'Mounts[]': 'container.MountPoint',
 *   })
 *
 * A `map[…]` type makes the object a Go map; a null at a pointer, slice or map path
 * becomes a typed nil; any other object is named with the type. A type `table`
 * describes is decoded whole: `applyGoTypes(service, { '': 'swarm.Service' }, table)`.
 */
export function applyGoTypes<T>(value: T, spec: Record<string, string>, table?: GoTypeTable): T {
  // shorter paths first, so a map is marked before its values are visited
  const paths = Object.keys(spec).sort((a, b) => a.length - b.length);
  let root: unknown = value;
  for (const path of paths) {
    const segments = path === '' ? [] : path.split('.');
    root = visit(root, segments, spec[path]!, table);
  }
  return root as T;
}

function mark(v: unknown, type: string, table: GoTypeTable | undefined): unknown {
  if (table) return decodeAs(v, type, table);
  if (v === null || v === undefined) {
    return type.startsWith('*') || type.startsWith('[]') || type.startsWith('map[') ? new GoNil(type) : v;
  }
  // a time.Duration (or a pointer to one, which templates print through) is int64
  // nanoseconds in the JSON and prints as `10s`
  if (typeof v === 'number' && (type === 'time.Duration' || type === '*time.Duration'))
    return new GoDuration(v);
  if (typeof v === 'number' && type === 'os.FileMode') return new GoFileMode(v);
  if (typeof v !== 'object' || v instanceof GoNil) return v;
  if (type.startsWith('map[') && !(v instanceof Map) && !Array.isArray(v)) return goMap(v, type);
  return withGoType(v, type);
}

/** Visit the values at `segments` below `v`, replacing them by their marked form. */
function visit(v: unknown, segments: string[], type: string, table: GoTypeTable | undefined): unknown {
  if (segments.length === 0) return mark(v, type, table);
  if (v === null || typeof v !== 'object') return v;
  const [first, ...rest] = segments as [string, ...string[]];
  const rec = v as Record<string, unknown>;
  if (first === '*') {
    for (const k of Object.keys(rec)) rec[k] = visit(rec[k], rest, type, table);
    return v;
  }
  const each = first.endsWith('[]');
  const name = each ? first.slice(0, -2) : first;
  if (!Object.hasOwn(rec, name)) {
    // an omitempty duration left out of the JSON is still a field of the struct (`0s`, or
    // a nil pointer), hidden so that `{{json}}` leaves it out as Go does
    if (rest.length === 0 && !each && (type === 'time.Duration' || type === '*time.Duration'))
      Object.defineProperty(rec, name, {
        value: type === 'time.Duration' ? new GoDuration(0) : new GoNil(type),
        enumerable: false,
        configurable: true,
      });
    return v;
  }
  if (each) {
    const arr = rec[name];
    if (Array.isArray(arr)) arr.forEach((e, i) => (arr[i] = visit(e, rest, type, table)));
    return v;
  }
  rec[name] = visit(rec[name], rest, type, table);
  return v;
}
