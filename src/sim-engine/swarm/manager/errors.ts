/**
 * The texts a swarm daemon answers with, each where moby or SwarmKit has it (paths in
 * moby v28.5.1). gRPC errors from SwarmKit's control API reach the CLI as
 * `rpc error: code = <Code> desc = <text>` (grpc status.Error's string).
 */
import type { DaemonError } from '../../errdefs.ts';
import { invalidParameter, notFound, systemError } from '../../errdefs.ts';

/** daemon/cluster/errors.go:5 errNoSwarm */
export const NO_SWARM = 'This node is not part of a swarm';
/** daemon/cluster/errors.go:8 errSwarmExists */
export const SWARM_EXISTS =
  'This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.';
/** daemon/cluster/errors.go:11 errSwarmJoinTimeoutReached */
export const JOIN_TIMEOUT =
  'Timeout was reached before node joined. The attempt to join the swarm will continue in the background. Use the "docker info" command to see the current swarm status of your node.';
/** daemon/cluster/cluster.go:360 errNoManager for a node in no swarm */
export const NOT_MANAGER_INACTIVE =
  'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';
/** daemon/cluster/cluster.go:365 (and errors.go:20 errSwarmNotManager) on a worker */
export const NOT_MANAGER_WORKER =
  "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.";
/** swarmkit manager/state/raft/raft.go:67 lostQuorumMessage, through the raft proxy (code Unknown) */
export const LOST_QUORUM =
  "rpc error: code = Unknown desc = The swarm does not have a leader. It's possible that too few managers are online. Make sure more than half of the managers are online.";
/** swarmkit ca/config.go:60 errInvalidJoinToken */
export const INVALID_JOIN_TOKEN = 'invalid join token';
/** swarmkit ca/server.go:296 (IssueNodeCertificate with an unknown secret) */
export const BAD_JOIN_SECRET =
  'rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster';

export const rpcError = (code: string, desc: string) => `rpc error: code = ${code} desc = ${desc}`;

/** grpc codes as moby's httpstatus maps them (api/server/httpstatus/status.go statusCodeFromGRPCError) */
export function grpcError(
  code: 'NotFound' | 'FailedPrecondition' | 'InvalidArgument' | 'Unknown',
  desc: string,
): DaemonError {
  const message = rpcError(code, desc);
  switch (code) {
    case 'NotFound':
      return notFound(message);
    case 'FailedPrecondition':
    case 'InvalidArgument':
      return invalidParameter(message);
    default:
      return systemError(message);
  }
}
