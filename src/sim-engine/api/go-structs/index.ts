/**
 * The Go types of the Engine API's swarm objects, as data for golang/go-structs.ts. The
 * daemon's routes write their answers as encoding/json writes these structs
 * (`goJSON`), and a template on `docker service inspect` (and node, task, secret,
 * config) sees every field of the struct, zero values for the ones the JSON left out.
 * One file per Go source file of github.com/docker/docker/api/types (v28.5.1, the
 * version docker/cli v28.5.2 vendors); field names, types, order and JSON tags are Go's.
 */
import type { GoTypeTable } from '../../golang/go-structs.ts';
import { goJSONValue } from '../../golang/go-structs-json.ts';
import { CONTAINER } from './container.ts';
import { MOUNT } from './mount.ts';
import { SWARM_CLUSTER } from './swarm-cluster.ts';
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
      'swarm.ExternalCAProtocol',
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
    ...SWARM_CLUSTER,
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

/**
 * An API object as the daemon's encoding/json writes the moby struct `type`
 * (`swarm.Service`, `[]swarm.Task`…): Go's key order, omitempty, nil slices and maps.
 */
export function goJSON(value: unknown, type: string): unknown {
  return goJSONValue(value, type, DOCKER_GO_TYPES);
}
