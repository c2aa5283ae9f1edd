/**
 * A loaded compose file — docker/cli cli/compose/types/types.go, field for field (Go
 * names in camelCase). `undefined` is Go's nil pointer or empty value where the
 * difference matters to the converter (a nil `replicas` lets the daemon default to 1).
 */
import type { YamlValue } from './yaml/index.ts';

/** The service keys `docker stack deploy` ignores with a warning (types.UnsupportedProperties). */
export const UNSUPPORTED_PROPERTIES = [
  'build',
  'cgroupns_mode',
  'cgroup_parent',
  'devices',
  'domainname',
  'external_links',
  'ipc',
  'links',
  'mac_address',
  'network_mode',
  'pid',
  'privileged',
  'restart',
  'security_opt',
  'shm_size',
  'userns_mode',
];

/** Keys removed from the v3 format whose use changes nothing (types.DeprecatedProperties). */
export const DEPRECATED_PROPERTIES: Record<string, string> = {
  container_name: 'Setting the container name is not supported.',
  expose:
    "Exposing ports is unnecessary - services on the same network can access each other's containers on any port.",
};

/** Keys a stack file may not use at all (types.ForbiddenProperties). */
export const FORBIDDEN_PROPERTIES: Record<string, string> = {
  extends: 'Support for `extends` is not implemented yet.',
  volume_driver:
    'Instead of setting the volume driver on the service, define a volume using the top-level `volumes` option and specify the driver there.',
  volumes_from:
    'To share a volume between services, define it using the top-level `volumes` option and reference it from each service that shares it using the service-level `volumes` option.',
  cpu_quota: 'Set resource limits using deploy.resources',
  cpu_shares: 'Set resource limits using deploy.resources',
  cpuset: 'Set resource limits using deploy.resources',
  mem_limit: 'Set resource limits using deploy.resources',
  memswap_limit: 'Set resource limits using deploy.resources',
};

/** A duration in nanoseconds (types.Duration). */
export type Duration = number;

export interface ConfigFile {
  filename: string;
  config: Record<string, YamlValue>;
}

export interface ConfigDetails {
  version: string;
  workingDir: string;
  configFiles: ConfigFile[];
  environment: ReadonlyMap<string, string>;
}

export interface Config {
  filename: string;
  version: string;
  services: ServiceConfig[];
  networks: Record<string, NetworkConfig>;
  volumes: Record<string, VolumeConfig>;
  secrets: Record<string, FileObjectConfig>;
  configs: Record<string, FileObjectConfig>;
  extras?: Record<string, YamlValue>;
}

export interface BuildConfig {
  context?: string;
  dockerfile?: string;
}

export interface ServiceConfig {
  name: string;
  build?: BuildConfig;
  capAdd?: string[];
  capDrop?: string[];
  cgroupNSMode?: string;
  cgroupParent?: string;
  command?: string[];
  configs?: FileReferenceConfig[];
  containerName?: string;
  credentialSpec: CredentialSpecConfig;
  dependsOn?: string[];
  deploy: DeployConfig;
  devices?: string[];
  dns?: string[];
  dnsSearch?: string[];
  domainName?: string;
  entrypoint?: string[];
  /** KEY → value, or null for a bare KEY (MappingWithEquals) */
  environment: Map<string, string | null>;
  envFile?: string[];
  expose?: string[];
  externalLinks?: string[];
  extraHosts?: string[];
  hostname?: string;
  healthCheck?: HealthCheckConfig;
  image?: string;
  init?: boolean;
  ipc?: string;
  isolation?: string;
  labels?: Record<string, string>;
  links?: string[];
  logging?: LoggingConfig;
  macAddress?: string;
  networkMode?: string;
  /** network name → its attachment options (null when given as a list or `name:` with no options) */
  networks?: Map<string, ServiceNetworkConfig | null>;
  pid?: string;
  ports?: ServicePortConfig[];
  privileged?: boolean;
  readOnly?: boolean;
  restart?: string;
  secrets?: FileReferenceConfig[];
  securityOpt?: string[];
  shmSize?: string;
  stdinOpen?: boolean;
  stopGracePeriod?: Duration;
  stopSignal?: string;
  sysctls?: Record<string, string>;
  tmpfs?: string[];
  tty?: boolean;
  ulimits?: Record<string, UlimitsConfig>;
  user?: string;
  oomScoreAdj?: number;
  userNSMode?: string;
  volumes?: ServiceVolumeConfig[];
  workingDir?: string;
  extras?: Record<string, YamlValue>;
}

export interface LoggingConfig {
  driver?: string;
  options?: Record<string, string>;
}

export interface DeployConfig {
  mode?: string;
  replicas?: number;
  labels?: Record<string, string>;
  updateConfig?: UpdateConfig;
  rollbackConfig?: UpdateConfig;
  resources: Resources;
  restartPolicy?: RestartPolicy;
  placement: Placement;
  endpointMode?: string;
}

export interface HealthCheckConfig {
  test?: string[];
  timeout?: Duration;
  interval?: Duration;
  retries?: number;
  startPeriod?: Duration;
  startInterval?: Duration;
  disable?: boolean;
}

export interface UpdateConfig {
  parallelism?: number;
  delay?: Duration;
  failureAction?: string;
  monitor?: Duration;
  maxFailureRatio?: number;
  order?: string;
}

export interface Resources {
  limits?: { nanoCPUs?: string; memoryBytes?: number; pids?: number };
  reservations?: { nanoCPUs?: string; memoryBytes?: number; genericResources?: GenericResource[] };
}

export interface GenericResource {
  discreteResourceSpec?: { kind: string; value: number };
}

export interface RestartPolicy {
  condition?: string;
  delay?: Duration;
  maxAttempts?: number;
  window?: Duration;
}

export interface Placement {
  constraints?: string[];
  preferences?: { spread?: string }[];
  maxReplicas?: number;
}

export interface ServiceNetworkConfig {
  aliases?: string[];
  driverOpts?: Record<string, string>;
  ipv4Address?: string;
  ipv6Address?: string;
}

export interface ServicePortConfig {
  mode?: string;
  target?: number;
  published?: number;
  protocol?: string;
}

export interface ServiceVolumeConfig {
  type?: string;
  source?: string;
  target?: string;
  readOnly?: boolean;
  consistency?: string;
  bind?: { propagation?: string };
  volume?: { noCopy?: boolean; subpath?: string };
  image?: { subpath?: string };
  tmpfs?: { size?: number };
  cluster?: Record<string, never>;
}

/** A service's reference to a secret or config (FileReferenceConfig). */
export interface FileReferenceConfig {
  source?: string;
  target?: string;
  uid?: string;
  gid?: string;
  mode?: number;
}

export interface UlimitsConfig {
  single?: number;
  soft?: number;
  hard?: number;
}

export interface External {
  name?: string;
  external?: boolean;
}

export interface NetworkConfig {
  name?: string;
  driver?: string;
  driverOpts?: Record<string, string>;
  ipam: { driver?: string; config?: { subnet?: string }[] };
  external: External;
  internal?: boolean;
  attachable?: boolean;
  labels?: Record<string, string>;
  extras?: Record<string, YamlValue>;
}

export interface VolumeConfig {
  name?: string;
  driver?: string;
  driverOpts?: Record<string, string>;
  external: External;
  labels?: Record<string, string>;
  extras?: Record<string, YamlValue>;
}

export interface CredentialSpecConfig {
  config?: string;
  file?: string;
  registry?: string;
}

/** A top-level secret or config (FileObjectConfig). */
export interface FileObjectConfig {
  name?: string;
  file?: string;
  external: External;
  labels?: Record<string, string>;
  driver?: string;
  driverOpts?: Record<string, string>;
  templateDriver?: string;
  extras?: Record<string, YamlValue>;
}
