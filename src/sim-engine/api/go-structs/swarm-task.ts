/**
 * github.com/docker/docker/api/types/swarm task.go (v28.5.1, as vendored by docker/cli
 * v28.5.2): a task, and the TaskSpec a service's TaskTemplate is.
 */
import { type GoStructType, goField as f } from '../../golang/go-structs.ts';
import { ANNOTATIONS, META } from './swarm-common.ts';

const O = ',omitempty';

export const SWARM_TASK: Record<string, GoStructType> = {
  'swarm.Task': {
    fields: [
      f('ID', 'string'),
      META,
      ANNOTATIONS,
      f('Spec', 'swarm.TaskSpec', O),
      f('ServiceID', 'string', O),
      f('Slot', 'int', O),
      f('NodeID', 'string', O),
      f('Status', 'swarm.TaskStatus', O),
      f('DesiredState', 'swarm.TaskState', O),
      f('NetworksAttachments', '[]swarm.NetworkAttachment', O),
      f('GenericResources', '[]swarm.GenericResource', O),
      f('JobIteration', '*swarm.Version', O),
      f('Volumes', '[]swarm.VolumeAttachment'),
    ],
  },
  'swarm.TaskSpec': {
    fields: [
      f('ContainerSpec', '*swarm.ContainerSpec', O),
      // swarm.RuntimeSpec is an alias of runtime.PluginSpec
      f('PluginSpec', '*runtime.PluginSpec', O),
      f('NetworkAttachmentSpec', '*swarm.NetworkAttachmentSpec', O),
      f('Resources', '*swarm.ResourceRequirements', O),
      f('RestartPolicy', '*swarm.RestartPolicy', O),
      f('Placement', '*swarm.Placement', O),
      f('Networks', '[]swarm.NetworkAttachmentConfig', O),
      f('LogDriver', '*swarm.Driver', O),
      f('ForceUpdate', 'uint64'),
      f('Runtime', 'swarm.RuntimeType', O),
    ],
  },
  'swarm.Resources': {
    fields: [
      f('NanoCPUs', 'int64', O),
      f('MemoryBytes', 'int64', O),
      f('GenericResources', '[]swarm.GenericResource', O),
    ],
  },
  'swarm.Limit': {
    fields: [f('NanoCPUs', 'int64', O), f('MemoryBytes', 'int64', O), f('Pids', 'int64', O)],
  },
  'swarm.GenericResource': {
    fields: [
      f('NamedResourceSpec', '*swarm.NamedGenericResource', O),
      f('DiscreteResourceSpec', '*swarm.DiscreteGenericResource', O),
    ],
  },
  'swarm.NamedGenericResource': { fields: [f('Kind', 'string', O), f('Value', 'string', O)] },
  'swarm.DiscreteGenericResource': { fields: [f('Kind', 'string', O), f('Value', 'int64', O)] },
  'swarm.ResourceRequirements': {
    fields: [f('Limits', '*swarm.Limit', O), f('Reservations', '*swarm.Resources', O)],
  },
  'swarm.Placement': {
    fields: [
      f('Constraints', '[]string', O),
      f('Preferences', '[]swarm.PlacementPreference', O),
      f('MaxReplicas', 'uint64', O),
      f('Platforms', '[]swarm.Platform', O),
    ],
  },
  'swarm.PlacementPreference': { fields: [f('Spread', '*swarm.SpreadOver')] },
  'swarm.SpreadOver': { fields: [f('SpreadDescriptor', 'string')] },
  'swarm.RestartPolicy': {
    fields: [
      f('Condition', 'swarm.RestartPolicyCondition', O),
      f('Delay', '*time.Duration', O),
      f('MaxAttempts', '*uint64', O),
      f('Window', '*time.Duration', O),
    ],
  },
  'swarm.TaskStatus': {
    fields: [
      f('Timestamp', 'time.Time', O),
      f('State', 'swarm.TaskState', O),
      f('Message', 'string', O),
      f('Err', 'string', O),
      f('ContainerStatus', '*swarm.ContainerStatus', O),
      f('PortStatus', 'swarm.PortStatus', O),
    ],
  },
  'swarm.ContainerStatus': {
    fields: [f('ContainerID', 'string'), f('PID', 'int'), f('ExitCode', 'int')],
  },
  'swarm.PortStatus': { fields: [f('Ports', '[]swarm.PortConfig', O)] },
  'swarm.VolumeAttachment': {
    fields: [f('ID', 'string', O), f('Source', 'string', O), f('Target', 'string', O)],
  },
};
