/**
 * github.com/docker/docker/api/types/swarm secret.go and config.go (v28.5.1, as vendored
 * by docker/cli v28.5.2): secrets, configs, and a ContainerSpec's references to them.
 */
import { type GoStructType, goField as f } from '../../golang/go-structs.ts';
import { ANNOTATIONS, META } from './swarm-common.ts';

const O = ',omitempty';

/** SecretReferenceFileTarget and ConfigReferenceFileTarget */
const FILE_TARGET: GoStructType = {
  fields: [f('Name', 'string'), f('UID', 'string'), f('GID', 'string'), f('Mode', 'os.FileMode')],
};

export const SWARM_SECRET: Record<string, GoStructType> = {
  'swarm.Secret': { fields: [f('ID', 'string'), META, f('Spec', 'swarm.SecretSpec')] },
  'swarm.SecretSpec': {
    fields: [
      ANNOTATIONS,
      f('Data', '[]byte', O),
      f('Driver', '*swarm.Driver', O),
      f('Templating', '*swarm.Driver', O),
    ],
  },
  'swarm.SecretReferenceFileTarget': FILE_TARGET,
  'swarm.SecretReference': {
    fields: [
      f('File', '*swarm.SecretReferenceFileTarget'),
      f('SecretID', 'string'),
      f('SecretName', 'string'),
    ],
  },
  'swarm.Config': { fields: [f('ID', 'string'), META, f('Spec', 'swarm.ConfigSpec')] },
  'swarm.ConfigSpec': {
    fields: [ANNOTATIONS, f('Data', '[]byte', O), f('Templating', '*swarm.Driver', O)],
  },
  'swarm.ConfigReferenceFileTarget': FILE_TARGET,
  'swarm.ConfigReferenceRuntimeTarget': { fields: [] },
  'swarm.ConfigReference': {
    fields: [
      f('File', '*swarm.ConfigReferenceFileTarget', O),
      f('Runtime', '*swarm.ConfigReferenceRuntimeTarget', O),
      f('ConfigID', 'string'),
      f('ConfigName', 'string'),
    ],
  },
};
