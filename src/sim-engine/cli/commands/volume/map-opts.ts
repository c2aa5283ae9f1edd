/**
 * docker/cli's opts.MapOpts and opts.ConvertKVStringsToMap, as `volume create` and
 * `network create` read their `--opt`, `--label`, `--aux-address` and `--ipam-opt`.
 */

/** MapOpts.Set: `key=value`, or `key` alone for an empty value; a later key wins. */
export function mapEntries(values: readonly string[]): [string, string][] {
  const out = new Map<string, string>();
  for (const v of values) {
    const eq = v.indexOf('=');
    out.set(eq < 0 ? v : v.slice(0, eq), eq < 0 ? '' : v.slice(eq + 1));
  }
  return [...out];
}

/** ConvertKVStringsToMap */
export function kvStringsToMap(values: readonly string[]): Record<string, string> {
  return Object.fromEntries(mapEntries(values));
}
