/**
 * Go's `json:",omitempty"`, as the Engine API structs the CLI sends carry it.
 */
/** Fields that are Go maps: omitted when empty. Any other object is a struct pointer, kept. */
const MAP_KEYS = new Set(['Labels', 'Sysctls', 'DriverOpts', 'Options']);
/** Pointer scalars (`*bool`, `*time.Duration`): a zero value that was set is sent. */
const POINTER_SCALARS = new Set(['Init', 'StopGracePeriod']);

/**
 * Go's `json:",omitempty"` on the API structs: undefined (a nil pointer), `""`, false, 0,
 * empty lists and empty maps are left out; a struct pointer is sent even when empty.
 */
export function omitEmpty<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined) continue;
    if ((v === '' || v === false || v === 0) && !POINTER_SCALARS.has(k)) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (MAP_KEYS.has(k) && v !== null && typeof v === 'object' && Object.keys(v).length === 0) continue;
    out[k] = v;
  }
  return out as T;
}
