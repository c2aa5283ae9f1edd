/**
 * github.com/docker/docker/api/types/swarm service.go (v28.5.1, as vendored by docker/cli
 * v28.5.2): what `docker service inspect` decodes a service into.
 */
import { type GoStructType, goField as f } from '../../golang/go-structs.ts';
import { ANNOTATIONS, META } from './swarm-common.ts';

const O = ',omitempty';

export const SWARM_SERVICE: Record<string, GoStructType> = {
  'swarm.Service': {
    fields: [
      f('ID', 'string'),
      META,
      f('Spec', 'swarm.ServiceSpec', O),
      f('PreviousSpec', '*swarm.ServiceSpec', O),
      f('Endpoint', 'swarm.Endpoint', O),
      f('UpdateStatus', '*swarm.UpdateStatus', O),
      f('ServiceStatus', '*swarm.ServiceStatus', O),
      f('JobStatus', '*swarm.JobStatus', O),
    ],
  },
  'swarm.ServiceSpec': {
    fields: [
      ANNOTATIONS,
      f('TaskTemplate', 'swarm.TaskSpec', O),
      f('Mode', 'swarm.ServiceMode', O),
      f('UpdateConfig', '*swarm.UpdateConfig', O),
      f('RollbackConfig', '*swarm.UpdateConfig', O),
      f('Networks', '[]swarm.NetworkAttachmentConfig', O),
      f('EndpointSpec', '*swarm.EndpointSpec', O),
    ],
  },
  'swarm.ServiceMode': {
    fields: [
      f('Replicated', '*swarm.ReplicatedService', O),
      f('Global', '*swarm.GlobalService', O),
      f('ReplicatedJob', '*swarm.ReplicatedJob', O),
      f('GlobalJob', '*swarm.GlobalJob', O),
    ],
  },
  'swarm.UpdateStatus': {
    fields: [
      f('State', 'swarm.UpdateState', O),
      f('StartedAt', '*time.Time', O),
      f('CompletedAt', '*time.Time', O),
      f('Message', 'string', O),
    ],
  },
  'swarm.ReplicatedService': { fields: [f('Replicas', '*uint64', O)] },
  'swarm.GlobalService': { fields: [] },
  'swarm.ReplicatedJob': {
    fields: [f('MaxConcurrent', '*uint64', O), f('TotalCompletions', '*uint64', O)],
  },
  'swarm.GlobalJob': { fields: [] },
  'swarm.UpdateConfig': {
    fields: [
      f('Parallelism', 'uint64'),
      f('Delay', 'time.Duration', O),
      f('FailureAction', 'string', O),
      f('Monitor', 'time.Duration', O),
      f('MaxFailureRatio', 'float32'),
      f('Order', 'string'),
    ],
  },
  'swarm.ServiceStatus': {
    fields: [f('RunningTasks', 'uint64'), f('DesiredTasks', 'uint64'), f('CompletedTasks', 'uint64')],
  },
  'swarm.JobStatus': {
    fields: [f('JobIteration', 'swarm.Version'), f('LastExecution', 'time.Time', O)],
  },
};
