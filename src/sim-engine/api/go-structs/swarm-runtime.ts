/**
 * github.com/docker/docker/api/types/swarm runtime.go and runtime/runtime.go (v28.5.1, as
 * vendored by docker/cli v28.5.2): the other runtimes a TaskSpec can name. The plugin
 * spec's JSON keys are lower-case (its tags say so); its Go fields are not.
 */
import { type GoStructType, goField as f } from '../../golang/go-structs.ts';

export const SWARM_RUNTIME: Record<string, GoStructType> = {
  'swarm.NetworkAttachmentSpec': { fields: [f('ContainerID', 'string')] },
  'runtime.PluginSpec': {
    fields: [
      f('Name', 'string', 'name,omitempty'),
      f('Remote', 'string', 'remote,omitempty'),
      f('Privileges', '[]*runtime.PluginPrivilege', 'privileges,omitempty'),
      f('Disabled', 'bool', 'disabled,omitempty'),
      f('Env', '[]string', 'env,omitempty'),
    ],
  },
  'runtime.PluginPrivilege': {
    fields: [
      f('Name', 'string', 'name,omitempty'),
      f('Description', 'string', 'description,omitempty'),
      f('Value', '[]string', 'value,omitempty'),
    ],
  },
};
