/** Reading query parameters as moby's httputils does. */

/** httputils.BoolValue: "", "0", "no", "false", "none" are false; anything else is true. */
export function boolValue(query: Record<string, string> | undefined, key: string): boolean {
  const v = (query?.[key] ?? '').trim().toLowerCase();
  return !(v === '' || v === '0' || v === 'no' || v === 'false' || v === 'none');
}

/** httputils.BoolValueOrDefault */
export function boolValueOrDefault(
  query: Record<string, string> | undefined,
  key: string,
  d: boolean,
): boolean {
  if (query?.[key] === undefined || query[key] === '') return d;
  return boolValue(query, key);
}

/** An integer parameter; undefined when absent or empty. */
export function intValue(query: Record<string, string> | undefined, key: string): number | undefined {
  const v = query?.[key];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isInteger(n) ? n : undefined;
}
