/**
 * github.com/docker/docker/api/types/swarm swarm.go (v28.5.1, as vendored by docker/cli
 * v28.5.2): the cluster as `GET /swarm` answers it (`docker swarm inspect`, which
 * `docker swarm update` and `join-token` read too).
 */
import { embeddedField, type GoStructType, goField as f } from '../../golang/go-structs.ts';
import { ANNOTATIONS, META } from './swarm-common.ts';

const O = ',omitempty';

export const SWARM_CLUSTER: Record<string, GoStructType> = {
  'swarm.ClusterInfo': {
    fields: [
      f('ID', 'string'),
      META,
      f('Spec', 'swarm.Spec'),
      f('TLSInfo', 'swarm.TLSInfo'),
      f('RootRotationInProgress', 'bool'),
      f('DefaultAddrPool', '[]string'),
      f('SubnetSize', 'uint32'),
      f('DataPathPort', 'uint32'),
    ],
  },
  'swarm.Swarm': {
    fields: [embeddedField('swarm.ClusterInfo'), f('JoinTokens', 'swarm.JoinTokens')],
  },
  'swarm.JoinTokens': { fields: [f('Worker', 'string'), f('Manager', 'string')] },
  'swarm.Spec': {
    fields: [
      ANNOTATIONS,
      f('Orchestration', 'swarm.OrchestrationConfig', O),
      f('Raft', 'swarm.RaftConfig', O),
      f('Dispatcher', 'swarm.DispatcherConfig', O),
      f('CAConfig', 'swarm.CAConfig', O),
      f('TaskDefaults', 'swarm.TaskDefaults', O),
      f('EncryptionConfig', 'swarm.EncryptionConfig', O),
    ],
  },
  'swarm.OrchestrationConfig': { fields: [f('TaskHistoryRetentionLimit', '*int64', O)] },
  'swarm.TaskDefaults': { fields: [f('LogDriver', '*swarm.Driver', O)] },
  'swarm.EncryptionConfig': { fields: [f('AutoLockManagers', 'bool')] },
  'swarm.RaftConfig': {
    fields: [
      f('SnapshotInterval', 'uint64', O),
      f('KeepOldSnapshots', '*uint64', O),
      f('LogEntriesForSlowFollowers', 'uint64', O),
      f('ElectionTick', 'int'),
      f('HeartbeatTick', 'int'),
    ],
  },
  'swarm.DispatcherConfig': { fields: [f('HeartbeatPeriod', 'time.Duration', O)] },
  'swarm.CAConfig': {
    fields: [
      f('NodeCertExpiry', 'time.Duration', O),
      f('ExternalCAs', '[]*swarm.ExternalCA', O),
      f('SigningCACert', 'string', O),
      f('SigningCAKey', 'string', O),
      f('ForceRotate', 'uint64', O),
    ],
  },
  'swarm.ExternalCA': {
    fields: [
      f('Protocol', 'swarm.ExternalCAProtocol'),
      f('URL', 'string'),
      f('Options', 'map[string]string', O),
      f('CACert', 'string'),
    ],
  },
};
