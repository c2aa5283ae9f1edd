/**
 * `swarm leave` (moby daemon/cluster/swarm.go Cluster.Leave): the refusals for a
 * manager without `--force`, then the node stops — its agent first, which removes the
 * containers of every task it holds (swarmkit node.Stop → Agent.Leave) — and the daemon
 * cleans up after it: the running containers still labelled with the node's ID are
 * force-removed (listContainerForNode), the containers on attachable overlays are
 * disconnected and the node's instances of the swarm's networks go
 * (DaemonLeavesCluster). docker_gwbridge, a local network, stays.
 */
import type { Daemon } from '../../daemon/daemon.ts';
import { containerRemove } from '../../daemon/delete.ts';
import { unavailable } from '../../errdefs.ts';
import { membershipOf } from '../cluster.ts';
import { nodeLeftNetworks } from '../networking/membership.ts';
import { NO_SWARM } from './errors.ts';
import { abandonPendingJoin, forgetAdvertised } from './node-runner.ts';
import { reachability } from './raft.ts';
import { runtimeOf } from './runtime.ts';

/** Cluster.Leave */
export async function swarmLeave(d: Daemon, force: boolean): Promise<void> {
  const m = membershipOf(d);
  if (!m) {
    if (abandonPendingJoin(d)) return;
    throw unavailable(NO_SWARM);
  }
  const { cluster, nodeId } = m;
  const isManager = cluster.raft.has(nodeId);
  if (isManager && !force) throw unavailable(managerLeaveRefusal(d));
  const runtime = runtimeOf(cluster);
  await runtime.leaveAgent(nodeId);
  // another leave (or a `node rm --force`) finished while the agent was leaving
  if (membershipOf(d) !== m) return;
  if (isManager) cluster.raft.delete(nodeId);
  await removeNodeContainers(d, nodeId);
  nodeLeftNetworks(cluster, d, nodeId);
  cluster.removeMember(nodeId);
  forgetAdvertised(d);
  if (cluster.raft.size === 0) runtime.shutdown();
  else runtime.reconcile();
}

/** Why a manager may not leave without `--force` (the message Leave builds). */
function managerLeaveRefusal(d: Daemon): string {
  const { cluster, nodeId } = membershipOf(d)!;
  let msg = 'You are attempting to leave the swarm on a node that is participating as a manager. ';
  const leader = cluster.leader;
  if (leader !== undefined && cluster.reaches(nodeId, leader)) {
    let reachable = 0;
    let unreachable = 0;
    for (const id of cluster.raft.keys()) {
      if (reachability(cluster, id) === 'reachable') reachable++;
      else if (reachability(cluster, id) === 'unreachable') unreachable++;
    }
    // removingManagerCausesLossOfQuorum, isLastManager (daemon/cluster/utils.go)
    if (reachable - 2 <= unreachable) {
      if (reachable === 1 && unreachable === 0) {
        return (
          msg +
          'Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message. '
        );
      }
      msg += `Removing this node leaves ${reachable - 1} managers out of ${reachable + unreachable}. Without a Raft quorum your swarm will be inaccessible. `;
    }
  }
  return (
    msg +
    'The only way to restore a swarm that has lost consensus is to reinitialize it with `--force-new-cluster`. Use `--force` to suppress this message.'
  );
}

/**
 * listContainerForNode + ContainerRm(ForceRemove): the containers the agent left behind.
 * The list has no `all`, so only running ones are removed; a stopped one stays.
 */
async function removeNodeContainers(d: Daemon, nodeId: string): Promise<void> {
  const left = [...d.containers.values()].filter(
    (c) => c.isRunning && c.config.Labels?.['com.docker.swarm.node.id'] === nodeId,
  );
  for (const c of left) await containerRemove(d, c, { force: true, removeVolumes: false }).catch(() => {});
}
