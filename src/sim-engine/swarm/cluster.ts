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
 *
 * Besides the store, a cluster knows what Raft knows and the store does not: which
 * managers are members of the Raft group (with the address they advertise), and which
 * of them is the leader. Whether a manager can reach the others is a fact about the
 * lab's machines, which the lab tells through `setMachine` (hosts/engine.ts).
 */
import type { Clock } from '../clock.ts';
import type { Daemon } from '../daemon/daemon.ts';
import { rfc3339Nano } from '../daemon/instant.ts';
import type { Random } from '../random.ts';
import { Store } from '../store/store.ts';

/** What the lab tells the swarm about the machine a daemon runs on. */
export interface Machine {
  /** the machine runs (`lab stop` makes it false) */
  up(): boolean;
  /** the machine can talk to `other`'s over the lab network (both up, both plugged in) */
  reaches(other: Daemon): boolean;
  /** the daemon that listens at `ip` on the lab network, as seen from this machine */
  daemonAt(ip: string): Daemon | undefined;
}

const machines = new WeakMap<Daemon, Machine>();

/** The lab registers each node's machine (hosts/engine.ts). */
export function setMachine(d: Daemon, m: Machine): void {
  machines.set(d, m);
}

/** A daemon's machine; a daemon outside a lab (unit tests) is always up and alone. */
export function machineOf(d: Daemon): Machine {
  return (
    machines.get(d) ?? {
      up: () => true,
      reaches: (other) => other === d,
      daemonAt: () => undefined,
    }
  );
}

/** A manager in the Raft group: its node and the address other managers reach it at. */
export interface RaftMember {
  nodeId: string;
  /** `ip:port` (ManagerStatus.Addr) */
  addr: string;
}

export class Cluster {
  /** the swarm's ID (`docker info` Swarm.Cluster.ID) */
  readonly id: string;
  readonly store = new Store();
  /** the lab's virtual clock and seeded randomness (IDs, tokens), shared by every component */
  readonly clock: Clock;
  readonly random: Random;
  readonly #members = new Map<string, Daemon>();
  /** the Raft group, in the order managers joined it */
  readonly raft = new Map<string, RaftMember>();
  /** the node ID of the Raft leader, undefined while there is none */
  leader: string | undefined;
  /** hex sha256 of the root CA certificate: the middle of every join token */
  readonly rootCADigest: string;
  readonly #listeners = new Set<() => void>();

  constructor(id: string, clock: Clock, random: Random, rootCADigest = '') {
    this.id = id;
    this.clock = clock;
    this.random = random;
    this.rootCADigest = rootCADigest;
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

  /** Is node `nodeId`'s machine running? (false for a node with no daemon any more) */
  isUp(nodeId: string): boolean {
    const d = this.#members.get(nodeId);
    return d !== undefined && machineOf(d).up();
  }

  /** Can node `from` talk to node `to` now (both up, and on the same network or the same node)? */
  reaches(from: string, to: string): boolean {
    const a = this.#members.get(from);
    const b = this.#members.get(to);
    if (!a || !b) return false;
    return machineOf(a).reaches(b);
  }

  /** Now, as the swarm stamps CreatedAt and UpdatedAt (RFC 3339 with nanoseconds). */
  timestamp(): string {
    return rfc3339Nano({ ms: this.clock.now(), nano: this.random.int(1_000_000) });
  }

  /** Be told when a member's machine changes (stopped, started, unplugged, plugged in). */
  onMachineChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** @internal the lab changed a member's machine: see `machineChanged` */
  notifyMachineChange(): void {
    for (const l of [...this.#listeners]) l();
  }
}

const memberships = new WeakMap<Daemon, { cluster: Cluster; nodeId: string }>();

/** The swarm a daemon is part of, and its node ID there; undefined when not in a swarm. */
export function membershipOf(d: Daemon): { cluster: Cluster; nodeId: string } | undefined {
  return memberships.get(d);
}

/**
 * The lab stopped, started, unplugged or plugged in `d`'s machine: the swarm it is in
 * re-elects its leader if needed and starts or stops the node's agent (heartbeats,
 * which decide Ready and Down, follow on the clock).
 */
export function machineChanged(d: Daemon): void {
  memberships.get(d)?.cluster.notifyMachineChange();
}
