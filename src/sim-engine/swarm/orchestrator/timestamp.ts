/**
 * Timestamps of swarm objects (CreatedAt, Status.Timestamp): the cluster's virtual
 * clock with a nanosecond remainder from its seeded generator, strictly increasing, so
 * "newest first" orders tasks created in the same millisecond as a real manager would.
 * A pure helper every component may use; it carries no component's state.
 */
import { rfc3339Nano, type Instant } from '../../daemon/instant.ts';
import { parseRFC3339 } from '../../golang/time.ts';
import type { Cluster } from '../cluster.ts';

const last = new WeakMap<Cluster, Instant>();

export function clusterInstant(cluster: Cluster): Instant {
  const ms = cluster.clock.now();
  const prev = last.get(cluster) ?? { ms: 0, nano: 0 };
  let t: Instant = { ms, nano: cluster.random.int(1_000_000) };
  if (ms < prev.ms || (ms === prev.ms && t.nano <= prev.nano)) {
    const nano = prev.nano + 1 + cluster.random.int(50_000);
    t = nano < 1_000_000 ? { ms: prev.ms, nano } : { ms: prev.ms + 1, nano: nano - 1_000_000 };
  }
  last.set(cluster, t);
  return t;
}

/** Now as Go's RFC 3339 with nanoseconds. */
export function clusterNow(cluster: Cluster): string {
  return rfc3339Nano(clusterInstant(cluster));
}

/** Milliseconds since the epoch of an RFC 3339 stamp (sub-millisecond digits dropped). */
export function stampMs(s: string | undefined): number {
  if (!s) return 0;
  try {
    return parseRFC3339(s).epochMillis();
  } catch {
    return 0;
  }
}

/** Stamps compare as strings of equal shape; this compares them exactly (nanoseconds too). */
export function compareStamps(a: string | undefined, b: string | undefined): number {
  const na = nanoKey(a);
  const nb = nanoKey(b);
  return na < nb ? -1 : na > nb ? 1 : 0;
}

function nanoKey(s: string | undefined): string {
  if (!s) return '';
  const m = /^(.*?)(?:\.(\d+))?Z$/.exec(s);
  return m ? m[1]! + '.' + (m[2] ?? '').padEnd(9, '0') : s;
}
