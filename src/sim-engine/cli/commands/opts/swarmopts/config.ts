/** docker/cli opts/swarmopts/config.go */
import { parseReference, type FileTarget } from './reference.ts';

/** api/types/swarm.ConfigReference (ConfigID is resolved by the run function). */
export interface ConfigReference {
  File: FileTarget;
  ConfigID?: string;
  ConfigName: string;
}

/** swarmopts.ConfigOpt.Set */
export function parseConfigOpt(value: string): ConfigReference {
  const [name, file] = parseReference(value, 'config');
  return { File: file, ConfigName: name };
}
