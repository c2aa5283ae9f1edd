/**
 * `clusterNow` for a pass that stamps thousands of tasks at one instant: the same
 * instants from the same generator (clusterInstant), printed the same way as
 * rfc3339Nano, but the date and time to the second are formatted once per second
 * instead of once per task.
 */
import { isoSeconds } from '../../daemon/instant.ts';
import type { Cluster } from '../cluster.ts';
import { clusterInstant } from '../orchestrator/timestamp.ts';

export class Stamper {
  readonly #cluster: Cluster;
  #second = NaN;
  #prefix = '';

  constructor(cluster: Cluster) {
    this.#cluster = cluster;
  }

  /** Now as Go's RFC 3339 with nanoseconds (clusterNow). */
  now(): string {
    const t = clusterInstant(this.#cluster);
    const second = Math.floor(t.ms / 1000);
    if (second !== this.#second) {
      this.#second = second;
      this.#prefix = isoSeconds(t.ms);
    }
    // nine digits, trailing zeros dropped (rfc3339Nano)
    let frac = String(t.ms - second * 1000).padStart(3, '0') + String(t.nano).padStart(6, '0');
    let end = frac.length;
    while (end > 0 && frac.charCodeAt(end - 1) === 48) end--;
    frac = frac.slice(0, end);
    return this.#prefix + (frac ? '.' + frac : '') + 'Z';
  }
}
