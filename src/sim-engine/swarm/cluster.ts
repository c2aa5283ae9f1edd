/**
 * A swarm, as the simulation holds it: one cluster store that every manager's copy
 * of the Raft log agrees on (replication is not simulated, quorum is: see manager/),
 * and the daemons that are its members. A daemon belongs to at most one swarm.
 *
 * This file is the seam between the swarm's parts and the rest of the engine:
 * components (orchestrator, scheduler, dispatcher, agent, updater) get the store and,
 * for the agent only, the daemon of the node it runs on. They never call each other.
 *
 * Store kinds (objects in the Engine API's JSON shapes, swagger.yaml):
 *   'cluster' (one object: the Swarm: ID, Spec, JoinTokens, RootRotationInProgress…)
 *   'node'    (Node: ID, Spec{Role, Availability, Labels, Name}, Description, Status, ManagerStatus)
 *   'service' (Service: ID, Spec, PreviousSpec, Endpoint, UpdateStatus)
 *   'task'    (Task: ID, ServiceID, Slot, NodeID, Spec, Status, DesiredState, …)
 *   'network', 'secret', 'config' (as the API shows them)
 */
import type { Clock } from '../clock.ts';
import type { Daemon } from '../daemon/daemon.ts';
import type { Random } from '../random.ts';
import { Store } from '../store/store.ts';

export class Cluster {
  /** the swarm's ID (`docker info` Swarm.Cluster.ID) */
  readonly id: string;
  readonly store = new Store();
  /** the lab's virtual clock and seeded randomness (IDs, tokens), shared by every component */
  readonly clock: Clock;
  readonly random: Random;
  readonly #members = new Map<string, Daemon>();

  constructor(id: string, clock: Clock, random: Random) {
    this.id = id;
    this.clock = clock;
    this.random = random;
  }

  /** A daemon joined as node `nodeId`. */
  addMember(nodeId: string, daemon: Daemon): void {
    this.#members.set(nodeId, daemon);
    memberships.set(daemon, { cluster: this, nodeId });
  }

  /** A daemon left (or its node was removed). */
  removeMember(nodeId: string): void {
    const d = this.#members.get(nodeId);
    this.#members.delete(nodeId);
    if (d && memberships.get(d)?.cluster === this) memberships.delete(d);
  }

  /** The daemon of a node: what the node's agent runs containers on. */
  daemonOf(nodeId: string): Daemon | undefined {
    return this.#members.get(nodeId);
  }

  members(): { nodeId: string; daemon: Daemon }[] {
    return [...this.#members].map(([nodeId, daemon]) => ({ nodeId, daemon }));
  }
}

const memberships = new WeakMap<Daemon, { cluster: Cluster; nodeId: string }>();

/** The swarm a daemon is part of, and its node ID there; undefined when not in a swarm. */
export function membershipOf(d: Daemon): { cluster: Cluster; nodeId: string } | undefined {
  return memberships.get(d);
}
