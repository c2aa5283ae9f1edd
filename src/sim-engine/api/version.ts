/** The Engine and API versions Dockyard answers as (Docker Engine 28.5.2). */
export const ENGINE_VERSION = '28.5.2';
export const CLI_GIT_COMMIT = 'ecc6942';
export const ENGINE_GIT_COMMIT = '89c5e8f';
export const API_VERSION = '1.51';
export const MIN_API_VERSION = '1.24';
export const GO_VERSION = 'go1.24.9';
export const CONTAINERD_VERSION = 'v1.7.28';
export const CONTAINERD_COMMIT = 'b98a3aace656320842a23f4a392a33f46af97866';
export const RUNC_VERSION = '1.3.3';
export const RUNC_COMMIT = 'v1.3.3-0-gd842d771';
export const INIT_VERSION = '0.19.0';
export const INIT_COMMIT = 'de40ad0';

/**
 * Comparisons already made, by `a` then `b`: every request's version prefix is checked
 * against the newest and oldest versions, and a lab sees only a handful of versions.
 * Bounded, as a path can carry any text.
 */
const compared = new Map<string, Map<string, number>>();
const COMPARED_KEPT = 64;

/** Compare two API versions numerically ("1.9" < "1.41"). */
export function compareVersions(a: string, b: string): number {
  let byB = compared.get(a);
  const known = byB?.get(b);
  if (known !== undefined) return known;
  const result = compareUncached(a, b);
  if (!byB) {
    if (compared.size >= COMPARED_KEPT) compared.clear();
    compared.set(a, (byB = new Map()));
  }
  if (byB.size >= COMPARED_KEPT) byB.clear();
  byB.set(b, result);
  return result;
}

function compareUncached(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}
