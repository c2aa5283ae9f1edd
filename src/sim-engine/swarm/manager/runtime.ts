/**
 * What runs where in a swarm, kept in step with the lab (SwarmKit manager.go's
 * becomeLeader/becomeFollower and the node's agent): the dispatcher and the manager
 * components run on the leader and move when it changes; an agent runs on every
 * member whose machine is up. `reconcile` is called whenever membership, roles or
 * a machine change; it never writes the store itself.
 */
import { startAgent, startManagerComponents, type AgentHandle } from '../components.ts';
import type { Cluster } from '../cluster.ts';
import { Dispatcher } from '../dispatcher/dispatcher.ts';
import { startNetworkAllocator } from '../networking/allocator.ts';
import { electLeader } from './raft.ts';

export class SwarmRuntime {
  readonly cluster: Cluster;
  /** the node the leader's components run on, and how to stop them */
  #leaderOn: string | undefined;
  #dispatcher: Dispatcher | undefined;
  #stopComponents: (() => void) | undefined;
  readonly #agents = new Map<string, AgentHandle>();
  /** nodes whose agent is leaving: no new agent starts for them meanwhile */
  readonly #leaving = new Set<string>();
  readonly #unwatch: () => void;

  constructor(cluster: Cluster) {
    this.cluster = cluster;
    this.#unwatch = cluster.onMachineChange(() => this.reconcile());
  }

  get dispatcher(): Dispatcher | undefined {
    return this.#dispatcher;
  }

  reconcile(): void {
    const leader = electLeader(this.cluster);
    this.cluster.leader = leader;
    if (leader !== this.#leaderOn) {
      this.#stopLeader();
      if (leader !== undefined) {
        this.#leaderOn = leader;
        this.#dispatcher = new Dispatcher(this.cluster, leader);
        this.#dispatcher.start();
        // the network allocator first, as SwarmKit's allocator runs before the
        // scheduler sees a task
        const stopNetworks = startNetworkAllocator(this.cluster);
        const stopOthers = startManagerComponents(this.cluster);
        this.#stopComponents = () => {
          stopOthers();
          stopNetworks();
        };
      }
    }
    for (const [nodeId, agent] of [...this.#agents]) {
      if (!this.cluster.isUp(nodeId)) {
        this.#agents.delete(nodeId);
        agent.stop();
      }
    }
    for (const { nodeId, daemon } of this.cluster.members()) {
      if (!this.#agents.has(nodeId) && !this.#leaving.has(nodeId) && this.cluster.isUp(nodeId)) {
        this.#agents.set(nodeId, startAgent(this.cluster, nodeId, daemon));
      }
    }
  }

  /** A node is no longer a member (left, removed): its agent stops. */
  stopAgent(nodeId: string): void {
    const agent = this.#agents.get(nodeId);
    this.#agents.delete(nodeId);
    agent?.stop();
  }

  /** A node leaves the swarm: its agent removes its tasks' containers and stops (Agent.Leave). */
  async leaveAgent(nodeId: string): Promise<void> {
    const agent = this.#agents.get(nodeId);
    this.#agents.delete(nodeId);
    this.#leaving.add(nodeId);
    try {
      await agent?.leave();
    } finally {
      this.#leaving.delete(nodeId);
    }
  }

  /** The swarm is gone (its last manager left): everything stops. */
  shutdown(): void {
    this.#stopLeader();
    for (const agent of this.#agents.values()) agent.stop();
    this.#agents.clear();
    this.cluster.leader = undefined;
    this.#unwatch();
  }

  #stopLeader(): void {
    this.#dispatcher?.stop();
    this.#dispatcher = undefined;
    this.#stopComponents?.();
    this.#stopComponents = undefined;
    this.#leaderOn = undefined;
  }
}

const runtimes = new WeakMap<Cluster, SwarmRuntime>();

export function runtimeOf(cluster: Cluster): SwarmRuntime {
  let r = runtimes.get(cluster);
  if (!r) runtimes.set(cluster, (r = new SwarmRuntime(cluster)));
  return r;
}
