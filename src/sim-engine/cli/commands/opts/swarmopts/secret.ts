/** docker/cli opts/swarmopts/secret.go */
import { parseReference, type FileTarget } from './reference.ts';

/** api/types/swarm.SecretReference (SecretID is resolved by the run function). */
export interface SecretReference {
  File: FileTarget;
  SecretID?: string;
  SecretName: string;
}

/** swarmopts.SecretOpt.Set */
export function parseSecretOpt(value: string): SecretReference {
  const [name, file] = parseReference(value, 'secret');
  return { File: file, SecretName: name };
}
