/**
 * The Go types the docker CLI decodes the daemon's swarm objects into, as data for
 * golang/go-structs.ts: a template on `docker service inspect` (and node, task, secret,
 * config) sees every field of the struct, zero values for the ones the JSON left out.
 * One file per Go source file of github.com/docker/docker/api/types (v28.5.1, the
 * version docker/cli v28.5.2 vendors); field names, types, order and JSON tags are Go's.
 */
import type { GoTypeTable } from '../../golang/go-structs.ts';
import { CONTAINER } from './container.ts';
import { MOUNT } from './mount.ts';
import { SWARM_COMMON } from './swarm-common.ts';
import { SWARM_CONTAINER } from './swarm-container.ts';
import { SWARM_NETWORK } from './swarm-network.ts';
import { SWARM_NODE } from './swarm-node.ts';
import { SWARM_RUNTIME } from './swarm-runtime.ts';
import { SWARM_SECRET } from './swarm-secret.ts';
import { SWARM_SERVICE } from './swarm-service.ts';
import { SWARM_TASK } from './swarm-task.ts';

/** Named types of a basic kind (their zero value is the underlying type's). */
const NAMED: Record<string, string> = {
  ...Object.fromEntries(
    [
      'swarm.UpdateState',
      'swarm.TaskState',
      'swarm.RestartPolicyCondition',
      'swarm.ResolutionMode',
      'swarm.PortConfigPublishMode',
      'swarm.PortConfigProtocol',
      'swarm.NodeRole',
      'swarm.NodeAvailability',
      'swarm.Reachability',
      'swarm.NodeState',
      'swarm.RuntimeType',
      'swarm.SeccompMode',
      'swarm.AppArmorMode',
      'mount.Type',
      'mount.Consistency',
      'mount.Propagation',
      'container.Isolation',
    ].map((t) => [t, 'string']),
  ),
};

export const DOCKER_GO_TYPES: GoTypeTable = {
  structs: {
    ...SWARM_COMMON,
    ...SWARM_SERVICE,
    ...SWARM_TASK,
    ...SWARM_CONTAINER,
    ...SWARM_NETWORK,
    ...SWARM_NODE,
    ...SWARM_SECRET,
    ...SWARM_RUNTIME,
    ...MOUNT,
    ...CONTAINER,
  },
  named: NAMED,
};
