/**
 * Raft as far as a learner can see it: which managers form the group, whether a
 * manager reaches a majority of them (quorum), who leads, and how each member looks
 * from the leader (ManagerStatus.Reachability). The log itself is not replicated —
 * every manager reads the one cluster store — but every rule that decides whether a
 * command works is SwarmKit's.
 *
 * Differs from Docker: a lost leader is replaced, and a lost quorum shows, as soon as
 * the lab changes; SwarmKit waits for the election timeout (ElectionTick 10 × 1 s) and,
 * for "The swarm does not have a leader", 10 more ticks (raft.go lostQuorumTimeout).
 * Commands that would block in that window answer at once.
 */
import type { Cluster } from '../cluster.ts';
import type { Reachability } from '../../api/types/swarm.ts';

/** How many of the Raft members `viewer` can talk to, itself included. */
export function reachableMembers(cluster: Cluster, viewer: string): number {
  let n = 0;
  for (const id of cluster.raft.keys()) if (cluster.reaches(viewer, id)) n++;
  return n;
}

/** A majority of the Raft group answers `viewer` (raft.go's CheckQuorum). */
export function hasQuorum(cluster: Cluster, viewer: string): boolean {
  if (!cluster.raft.has(viewer) || !cluster.isUp(viewer)) return false;
  return reachableMembers(cluster, viewer) * 2 > cluster.raft.size;
}

/**
 * Who leads now: the current leader while it is up and keeps its quorum, else the
 * first member (in the order they joined) that has one, else nobody.
 */
export function electLeader(cluster: Cluster): string | undefined {
  const current = cluster.leader;
  if (current !== undefined && hasQuorum(cluster, current)) return current;
  for (const id of cluster.raft.keys()) if (hasQuorum(cluster, id)) return id;
  return undefined;
}

/** RaftMemberStatus as the leader's transport sees the member. */
export function reachability(cluster: Cluster, nodeId: string): Reachability {
  const leader = cluster.leader;
  if (leader === undefined) return 'unknown';
  return cluster.reaches(leader, nodeId) ? 'reachable' : 'unreachable';
}

/**
 * raft.CanRemoveMember: after removing `nodeId`, the members the leader reaches (itself
 * included) still make a quorum of the smaller group.
 */
export function canRemoveMember(cluster: Cluster, nodeId: string): boolean {
  const leader = cluster.leader;
  let reachable = 0;
  for (const id of cluster.raft.keys()) {
    if (id === nodeId) continue;
    if (id === leader || (leader !== undefined && cluster.reaches(leader, id))) reachable++;
  }
  const quorum = Math.floor((cluster.raft.size - 1) / 2) + 1;
  return reachable >= quorum;
}
