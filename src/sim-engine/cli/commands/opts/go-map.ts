/**
 * A Go map in a request body: encoding/json writes a map's keys sorted (bytewise), so
 * the docker CLI's `Labels`, `ExposedPorts`, `Options`… arrive in that order whatever
 * order the flags gave them. The in-process body is a JS object, shown by the API
 * inspector in its insertion order: the commands build their maps in Go's.
 */
import { compareGoStrings } from '../../../golang/reflect.ts';

export function sortedMap<T>(m: Readonly<Record<string, T>>): Record<string, T>;
export function sortedMap<T>(m: Readonly<Record<string, T>> | undefined): Record<string, T> | undefined;
export function sortedMap<T>(m: Readonly<Record<string, T>> | undefined): Record<string, T> | undefined {
  if (m === undefined || m === null) return m;
  const out: Record<string, T> = {};
  // defined, not assigned: a label named __proto__ (`--label __proto__=x`) is a key like any other
  for (const k of Object.keys(m).sort(compareGoStrings))
    Object.defineProperty(out, k, { value: m[k], enumerable: true, writable: true, configurable: true });
  return out;
}
