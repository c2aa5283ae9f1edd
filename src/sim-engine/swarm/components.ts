/**
 * What runs where once a swarm exists (SwarmKit's manager.go and agent): the manager
 * components — orchestrators, scheduler, task reaper, updater — run on the leader and
 * talk only through the cluster store; an agent runs on every node and turns the tasks
 * assigned to it into containers on that node's daemon, reporting their status back
 * through the store. The manager code (manager/) calls these when a swarm is made, a
 * leader is elected or lost, and a node joins or leaves.
 *
 * The leader's components, in the order they start (an explicit list, as manager.go
 * starts them): the restart supervisor the orchestrators share, the replicated and
 * global orchestrators, the task reaper, the allocator (NEW → PENDING), the scheduler.
 * Who writes what is in SERVICES.md.
 */
import type { Daemon } from '../daemon/daemon.ts';
import { Agent } from './agent/agent.ts';
import type { Cluster } from './cluster.ts';
import { GlobalOrchestrator } from './orchestrator/global.ts';
import { JobsOrchestrator } from './orchestrator/jobs.ts';
import { ReplicatedOrchestrator } from './orchestrator/replicated.ts';
import { RestartSupervisor } from './orchestrator/restart.ts';
import { TaskReaper } from './orchestrator/task-reaper.ts';
import { Allocator } from './scheduler/allocator.ts';
import { Scheduler } from './scheduler/scheduler.ts';

interface Component {
  start(): void;
  stop(): void;
}

/** Start the leader's components; returns the function that stops them. */
export function startManagerComponents(cluster: Cluster): () => void {
  const restarts = new RestartSupervisor(cluster);
  const components: Component[] = [
    restarts,
    new ReplicatedOrchestrator(cluster, restarts),
    new GlobalOrchestrator(cluster, restarts),
    new JobsOrchestrator(cluster),
    new TaskReaper(cluster),
    new Allocator(cluster),
    new Scheduler(cluster),
  ];
  for (const c of components) c.start();
  return () => {
    for (const c of [...components].reverse()) c.stop();
  };
}

/** A running agent: stopped with its machine, or made to leave with its node. */
export interface AgentHandle {
  stop(): void;
  /** the node leaves the swarm: the agent removes its tasks' containers, then stops */
  leave(): Promise<void>;
}

/** Start the agent of node `nodeId` on `daemon`. */
export function startAgent(cluster: Cluster, nodeId: string, daemon: Daemon): AgentHandle {
  const agent = new Agent(cluster, nodeId, daemon);
  agent.start();
  return { stop: () => agent.stop(), leave: () => agent.leave() };
}
