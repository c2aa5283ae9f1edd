/**
 * Swarm services and tasks in the Engine API's JSON shapes (moby api/swagger.yaml
 * `ServiceSpec`, `Service`, `TaskSpec`, `Task`; api/types/swarm/{service,task,
 * container}.go). Durations are Go `time.Duration`s: integer nanoseconds. Optional
 * fields are the ones Go marks `omitempty`; a nil pointer is an absent key.
 */
import type { ConfigReference, SecretReference } from './secret.ts';

/** swarm.TaskState: the task state machine of SwarmKit (api/types.proto TaskState), lower-cased. */
export type TaskState =
  | 'new'
  | 'allocated'
  | 'pending'
  | 'assigned'
  | 'accepted'
  | 'preparing'
  | 'ready'
  | 'starting'
  | 'running'
  | 'complete'
  | 'shutdown'
  | 'failed'
  | 'rejected'
  | 'remove'
  | 'orphaned';

/** The states in their enum order (the numeric values of types.proto): states only move forward. */
export const TASK_STATE_ORDER: Record<TaskState, number> = {
  new: 0,
  allocated: 1, // the Engine API's name; SwarmKit has no separate number (allocator sets PENDING)
  pending: 64,
  assigned: 192,
  accepted: 256,
  preparing: 320,
  ready: 384,
  starting: 448,
  running: 512,
  complete: 576,
  shutdown: 640,
  failed: 704,
  rejected: 768,
  remove: 800,
  orphaned: 832,
};

export interface Annotations {
  Name?: string;
  Labels?: Record<string, string>;
}

export interface Meta {
  Version: { Index: number };
  CreatedAt: string;
  UpdatedAt: string;
}

/** mount.Mount, as a service's ContainerSpec carries it */
export interface ServiceMount {
  Type?: 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'cluster' | 'image';
  Source?: string;
  Target?: string;
  ReadOnly?: boolean;
  Consistency?: string;
  BindOptions?: Record<string, unknown>;
  VolumeOptions?: {
    NoCopy?: boolean;
    Labels?: Record<string, string>;
    Subpath?: string;
    DriverConfig?: { Name?: string; Options?: Record<string, string> };
  };
  TmpfsOptions?: { SizeBytes?: number; Mode?: number };
}

export interface HealthConfig {
  Test?: string[];
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
}

export interface ContainerSpec {
  Image?: string;
  Labels?: Record<string, string>;
  Command?: string[];
  Args?: string[];
  Hostname?: string;
  Env?: string[];
  Dir?: string;
  User?: string;
  Groups?: string[];
  Privileges?: Record<string, unknown>;
  Init?: boolean;
  StopSignal?: string;
  TTY?: boolean;
  OpenStdin?: boolean;
  ReadOnly?: boolean;
  Mounts?: ServiceMount[];
  StopGracePeriod?: number;
  Healthcheck?: HealthConfig;
  Hosts?: string[];
  DNSConfig?: { Nameservers?: string[]; Search?: string[]; Options?: string[] };
  Secrets?: SecretReference[];
  Configs?: ConfigReference[];
  Isolation?: string;
  Sysctls?: Record<string, string>;
  CapabilityAdd?: string[];
  CapabilityDrop?: string[];
  Ulimits?: { Name: string; Soft: number; Hard: number }[];
  OomScoreAdj?: number;
}

export interface GenericResource {
  NamedResourceSpec?: { Kind: string; Value: string };
  DiscreteResourceSpec?: { Kind: string; Value: number };
}

export interface Limit {
  NanoCPUs?: number;
  MemoryBytes?: number;
  Pids?: number;
}

export interface Resources {
  NanoCPUs?: number;
  MemoryBytes?: number;
  GenericResources?: GenericResource[];
}

export interface ResourceRequirements {
  Limits?: Limit;
  Reservations?: Resources;
}

export type RestartCondition = 'none' | 'on-failure' | 'any';

export interface RestartPolicy {
  Condition?: RestartCondition;
  /** ns */
  Delay?: number;
  MaxAttempts?: number;
  /** ns */
  Window?: number;
}

export interface Platform {
  Architecture?: string;
  OS?: string;
}

export interface PlacementPreference {
  Spread?: { SpreadDescriptor: string };
}

export interface Placement {
  Constraints?: string[];
  Preferences?: PlacementPreference[];
  MaxReplicas?: number;
  Platforms?: Platform[];
}

export interface NetworkAttachmentConfig {
  Target?: string;
  Aliases?: string[];
  DriverOpts?: Record<string, string>;
}

export interface Driver {
  Name?: string;
  Options?: Record<string, string>;
}

export interface TaskSpec {
  ContainerSpec?: ContainerSpec;
  Resources?: ResourceRequirements;
  RestartPolicy?: RestartPolicy;
  Placement?: Placement;
  Networks?: NetworkAttachmentConfig[];
  LogDriver?: Driver;
  /** a counter: a change of it alone makes `service update --force` replace every task */
  ForceUpdate?: number;
  Runtime?: string;
}

export interface ReplicatedService {
  Replicas?: number;
}

export interface ReplicatedJob {
  MaxConcurrent?: number;
  TotalCompletions?: number;
}

export interface ServiceMode {
  Replicated?: ReplicatedService;
  Global?: Record<string, never>;
  ReplicatedJob?: ReplicatedJob;
  GlobalJob?: Record<string, never>;
}

export interface UpdateConfig {
  Parallelism?: number;
  /** ns */
  Delay?: number;
  FailureAction?: 'pause' | 'continue' | 'rollback';
  /** ns */
  Monitor?: number;
  MaxFailureRatio?: number;
  Order?: 'stop-first' | 'start-first';
}

export interface PortConfig {
  Name?: string;
  Protocol?: 'tcp' | 'udp' | 'sctp';
  TargetPort?: number;
  PublishedPort?: number;
  PublishMode?: 'ingress' | 'host';
}

export interface EndpointSpec {
  Mode?: 'vip' | 'dnsrr';
  Ports?: PortConfig[];
}

export interface ServiceSpec extends Annotations {
  TaskTemplate?: TaskSpec;
  Mode?: ServiceMode;
  UpdateConfig?: UpdateConfig;
  RollbackConfig?: UpdateConfig;
  /** deprecated since API 1.44: TaskTemplate.Networks */
  Networks?: NetworkAttachmentConfig[];
  EndpointSpec?: EndpointSpec;
}

export interface Endpoint {
  Spec?: EndpointSpec;
  Ports?: PortConfig[];
  VirtualIPs?: { NetworkID: string; Addr: string }[];
}

export type UpdateState =
  'updating' | 'paused' | 'completed' | 'rollback_started' | 'rollback_paused' | 'rollback_completed';

export interface UpdateStatus {
  State?: UpdateState;
  StartedAt?: string;
  CompletedAt?: string;
  Message?: string;
}

/** `GET /services?status=true`: counts the daemon adds (ListServiceStatuses) */
export interface ServiceStatus {
  RunningTasks: number;
  DesiredTasks: number;
  CompletedTasks: number;
}

export interface JobStatus {
  JobIteration: { Index: number };
  LastExecution?: string;
}

export interface Service extends Meta {
  ID: string;
  Spec: ServiceSpec;
  PreviousSpec?: ServiceSpec;
  Endpoint: Endpoint;
  UpdateStatus?: UpdateStatus;
  ServiceStatus?: ServiceStatus;
  JobStatus?: JobStatus;
}

export interface ContainerStatus {
  ContainerID?: string;
  PID?: number;
  ExitCode?: number;
}

export interface TaskStatus {
  Timestamp?: string;
  State?: TaskState;
  Message?: string;
  Err?: string;
  ContainerStatus?: ContainerStatus;
  PortStatus?: { Ports?: PortConfig[] };
}

export interface Task extends Meta {
  ID: string;
  Name?: string;
  Labels?: Record<string, string>;
  Spec: TaskSpec;
  ServiceID?: string;
  Slot?: number;
  NodeID?: string;
  Status: TaskStatus;
  DesiredState?: TaskState;
  NetworksAttachments?: unknown[];
  JobIteration?: { Index: number };
}

/** `POST /services/create` answer (swarm.ServiceCreateResponse) */
export interface ServiceCreateResponse {
  ID: string;
  Warnings?: string[] | null;
}

/** `POST /services/{id}/update` answer (swarm.ServiceUpdateResponse) */
export interface ServiceUpdateResponse {
  Warnings?: string[] | null;
}
