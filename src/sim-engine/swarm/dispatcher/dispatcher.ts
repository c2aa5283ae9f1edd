/**
 * The dispatcher (SwarmKit manager/dispatcher): it runs on the leader, every node's
 * agent keeps a session with it and sends a heartbeat each period, and it alone writes
 * a node's Status — READY when the node registers, DOWN when its heartbeats stop for
 * the grace period. Nothing else decides whether a node is up: a stopped or unplugged
 * machine simply stops reaching the leader, and the clock does the rest.
 *
 * SwarmKit's timings (dispatcher.go): period 5 s (DefaultHeartBeatPeriod, or the
 * cluster's Spec.Dispatcher.HeartbeatPeriod), a node expires after period × 3
 * (defaultGracePeriodMultiplier) without a heartbeat, and a node found on a new
 * leader's start is UNKNOWN until it registers, expiring after period × 6
 * (gracePeriodMultiplierUnknown).
 *
 * Differs from Docker: SwarmKit jitters each period by ±0.5 s (HeartbeatEpsilon) and
 * agents heartbeat on their own timers; here the dispatcher collects every reachable
 * node's heartbeat on one tick of the period, so a lab is reproducible to the
 * millisecond and a dead node goes Down 10–15 s after it died instead of 13.5–21.5 s.
 */
import type { Timer } from '../../clock.ts';
import type { Node, NodeState, SwarmSpec } from '../../api/types/swarm.ts';
import type { Cluster } from '../cluster.ts';

/** dispatcher.DefaultHeartBeatPeriod */
export const DEFAULT_HEARTBEAT_PERIOD_MS = 5_000;
/** dispatcher defaultGracePeriodMultiplier */
export const GRACE_PERIOD_MULTIPLIER = 3;

/** dispatcher.go:585 */
export const HEARTBEAT_FAILURE = 'heartbeat failure';
/** dispatcher.go:464 */
export const HEARTBEAT_FAILURE_UNKNOWN = 'heartbeat failure for node in "unknown" state';
/** dispatcher.go:457 */
export const MOVED_TO_UNKNOWN = 'Node moved to "unknown" state due to leadership change in cluster';

export class Dispatcher {
  readonly #cluster: Cluster;
  /** the leader's node: the dispatcher runs there, heartbeats must reach it */
  readonly #leader: string;
  readonly #expiry = new Map<string, Timer>();
  #ticker: Timer | undefined;
  #running = false;

  constructor(cluster: Cluster, leader: string) {
    this.#cluster = cluster;
    this.#leader = leader;
  }

  /** Dispatcher.Run: mark every live node UNKNOWN, then take heartbeats every period. */
  start(): void {
    this.#running = true;
    this.#markNodesUnknown();
    this.#tick();
  }

  stop(): void {
    this.#running = false;
    this.#cluster.clock.cancel(this.#ticker);
    for (const t of this.#expiry.values()) this.#cluster.clock.cancel(t);
    this.#expiry.clear();
  }

  /** The heartbeat period in ms: the cluster spec's, else SwarmKit's default. */
  period(): number {
    const spec = this.#cluster.store.find<{ ID: string; Version: { Index: number }; Spec: SwarmSpec }>(
      'cluster',
    )[0]?.Spec;
    const ns = spec?.Dispatcher?.HeartbeatPeriod;
    return ns && ns > 0 ? Math.max(1, Math.round(ns / 1e6)) : DEFAULT_HEARTBEAT_PERIOD_MS;
  }

  /** One period: every node whose agent reaches the leader sends its heartbeat. */
  #tick(): void {
    if (!this.#running) return;
    for (const node of this.#cluster.store.find<Node>('node')) {
      if (this.#cluster.reaches(node.ID, this.#leader)) this.heartbeat(node.ID);
    }
    this.#ticker = this.#cluster.clock.after(this.period(), () => this.#tick());
  }

  /**
   * Dispatcher.Heartbeat (and register, for a node that is not READY): the node is
   * READY, and expires after the grace period unless another heartbeat comes.
   */
  heartbeat(nodeId: string): void {
    const node = this.#cluster.store.get<Node>('node', nodeId);
    if (!node) return;
    if (node.Status.State !== 'ready') this.#setState(nodeId, 'ready', undefined);
    this.#arm(nodeId, GRACE_PERIOD_MULTIPLIER, HEARTBEAT_FAILURE);
  }

  #arm(nodeId: string, multiplier: number, message: string): void {
    const clock = this.#cluster.clock;
    clock.cancel(this.#expiry.get(nodeId));
    this.#expiry.set(
      nodeId,
      clock.after(this.period() * multiplier, () => {
        this.#expiry.delete(nodeId);
        if (this.#running) this.#setState(nodeId, 'down', message);
      }),
    );
  }

  /** markNodesUnknown: a new leader does not know who is alive; DOWN nodes stay DOWN. */
  #markNodesUnknown(): void {
    for (const node of this.#cluster.store.find<Node>('node')) {
      if (node.Status.State === 'down') continue;
      this.#setState(node.ID, 'unknown', MOVED_TO_UNKNOWN);
      this.#arm(node.ID, GRACE_PERIOD_MULTIPLIER * 2, HEARTBEAT_FAILURE_UNKNOWN);
    }
  }

  /** The one write the dispatcher owns: a node's Status.State and Message (Addr is kept). */
  #setState(nodeId: string, state: NodeState, message: string | undefined): void {
    const cluster = this.#cluster;
    cluster.store.update((tx) => {
      const node = tx.get<Node>('node', nodeId);
      if (!node) return;
      const status: Node['Status'] = { State: state };
      if (message) status.Message = message;
      if (node.Status.Addr) status.Addr = node.Status.Addr;
      tx.update<Node>('node', { ...node, UpdatedAt: cluster.timestamp(), Status: status });
    });
  }
}
