/**
 * What runs where once a swarm exists (SwarmKit's manager.go and agent): the manager
 * components — orchestrators, scheduler, task reaper, updater — run on the leader and
 * talk only through the cluster store; an agent runs on every node and turns the tasks
 * assigned to it into containers on that node's daemon, reporting their status back
 * through the store. The manager code (manager/) calls these when a swarm is made, a
 * leader is elected or lost, and a node joins or leaves.
 */
import type { Daemon } from '../daemon/daemon.ts';
import type { Cluster } from './cluster.ts';

/** Start the leader's components; returns the function that stops them. */
export function startManagerComponents(cluster: Cluster): () => void {
  void cluster;
  return () => {};
}

/** Start the agent of node `nodeId` on `daemon`; returns the function that stops it. */
export function startAgent(cluster: Cluster, nodeId: string, daemon: Daemon): () => void {
  void cluster;
  void nodeId;
  void daemon;
  return () => {};
}
