/**
 * encoding/json for the Go servers' small answers: objects are structs whose every
 * field is `omitempty` (empty strings, arrays and objects left out), in the order
 * given; nested plain records (http.Header, maps) are written with sorted keys.
 */
import { encodeString } from '../../../golang/json.ts';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

function empty(v: Json): boolean {
  if (v === '' || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && Object.keys(v).length === 0;
}

function encode(v: Json, sortKeys: boolean): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return encodeString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => encode(x, true)).join(',')}]`;
  const entries = Object.entries(v).filter(([, x]) => sortKeys || !empty(x));
  if (sortKeys) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, x]) => `${encodeString(k)}:${encode(x, true)}`).join(',')}}`;
}

/** Marshal a struct-like object (top level: omitempty, declaration order). */
export function goJson(struct: { [k: string]: Json }): string {
  return encode(struct, false);
}
