/**
 * Swarm secrets and configs in the Engine API's JSON shapes (moby api/swagger.yaml
 * `Secret`, `SecretSpec`, `Config`, `ConfigSpec`; api/types/swarm/{secret,config}.go).
 * `Data` is Go's `[]byte`, so base64 (standard alphabet, padded) in JSON. The keys are
 * in the Go structs' order, which is the order `docker … inspect` prints them in.
 */

/** swarm.Driver: a secrets backend or a templating engine */
export interface Driver {
  Name?: string;
  Options?: Record<string, string>;
}

export interface SecretSpec {
  Name?: string;
  Labels?: Record<string, string> | null;
  /** base64; only sent to create a secret, never returned */
  Data?: string | null;
  Driver?: Driver | null;
  Templating?: Driver | null;
}

export interface ConfigSpec {
  Name?: string;
  Labels?: Record<string, string> | null;
  /** base64 */
  Data?: string | null;
  Templating?: Driver | null;
}

export interface Secret {
  ID: string;
  Version: { Index: number };
  CreatedAt: string;
  UpdatedAt: string;
  Spec: SecretSpec;
}

export interface Config {
  ID: string;
  Version: { Index: number };
  CreatedAt: string;
  UpdatedAt: string;
  Spec: ConfigSpec;
}

/** swarm.SecretReferenceFileTarget / ConfigReferenceFileTarget (Mode is an os.FileMode) */
export interface FileTarget {
  Name: string;
  UID: string;
  GID: string;
  Mode: number;
}

/** swarm.SecretReference, as a service's ContainerSpec.Secrets holds it */
export interface SecretReference {
  File?: FileTarget;
  SecretID?: string;
  SecretName?: string;
}

/** swarm.ConfigReference; a Runtime target is a credential spec's, never a file */
export interface ConfigReference {
  File?: FileTarget;
  Runtime?: Record<string, never>;
  ConfigID?: string;
  ConfigName?: string;
}

/** POST /secrets/create and /configs/create answer 201 with the new object's ID */
export interface IDResponse {
  ID: string;
}
