/**
 * Swarm and Node as the Engine API sends them (moby v28.5.1 api/swagger.yaml
 * `Swarm`, `ClusterInfo`, `SwarmSpec`, `JoinTokens`, `Node`, `NodeSpec`,
 * `NodeDescription`, `NodeStatus`, `ManagerStatus`; Go: api/types/swarm). Field order
 * is the Go structs' order, which is the order `docker … inspect` prints.
 */

/** swarm.Version */
export interface SwarmVersion {
  Index: number;
}

/** swarm.TLSInfo */
export interface TLSInfo {
  TrustRoot?: string;
  /** base64 of the issuer's subject (ASN.1 DER) */
  CertIssuerSubject?: string;
  /** base64 of the issuer's public key */
  CertIssuerPublicKey?: string;
}

/** swarm.OrchestrationConfig */
export interface OrchestrationConfig {
  TaskHistoryRetentionLimit?: number;
}

/** swarm.RaftConfig */
export interface RaftConfig {
  SnapshotInterval?: number;
  KeepOldSnapshots?: number;
  LogEntriesForSlowFollowers?: number;
  ElectionTick: number;
  HeartbeatTick: number;
}

/** swarm.DispatcherConfig (HeartbeatPeriod in nanoseconds) */
export interface DispatcherConfig {
  HeartbeatPeriod?: number;
}

/** swarm.ExternalCA */
export interface ExternalCA {
  Protocol: string;
  URL: string;
  Options?: Record<string, string>;
  CACert: string;
}

/** swarm.CAConfig (NodeCertExpiry in nanoseconds) */
export interface CAConfig {
  NodeCertExpiry?: number;
  ExternalCAs?: ExternalCA[];
  SigningCACert?: string;
  SigningCAKey?: string;
  ForceRotate?: number;
}

/** swarm.TaskDefaults */
export interface TaskDefaults {
  LogDriver?: { Name?: string; Options?: Record<string, string> };
}

/** swarm.EncryptionConfig */
export interface EncryptionConfig {
  AutoLockManagers: boolean;
}

/** swarm.Spec */
export interface SwarmSpec {
  Name?: string;
  Labels?: Record<string, string>;
  Orchestration?: OrchestrationConfig;
  Raft?: RaftConfig;
  Dispatcher?: DispatcherConfig;
  CAConfig?: CAConfig;
  TaskDefaults?: TaskDefaults;
  EncryptionConfig?: EncryptionConfig;
}

/** swarm.ClusterInfo: what every manager's `docker info` shows under Swarm.Cluster */
export interface ClusterInfo {
  ID: string;
  Version: SwarmVersion;
  CreatedAt: string;
  UpdatedAt: string;
  Spec: SwarmSpec;
  TLSInfo: TLSInfo;
  RootRotationInProgress: boolean;
  DefaultAddrPool: string[] | null;
  SubnetSize: number;
  DataPathPort: number;
}

/** swarm.JoinTokens */
export interface JoinTokens {
  Worker: string;
  Manager: string;
}

/** swarm.Swarm: `GET /swarm` */
export interface Swarm extends ClusterInfo {
  JoinTokens: JoinTokens;
}

/** swarm.InitRequest: `POST /swarm/init` */
export interface InitRequest {
  ListenAddr?: string;
  AdvertiseAddr?: string;
  DataPathAddr?: string;
  DataPathPort?: number;
  ForceNewCluster?: boolean;
  Spec?: SwarmSpec;
  AutoLockManagers?: boolean;
  Availability?: NodeAvailability;
  DefaultAddrPool?: string[] | null;
  SubnetSize?: number;
}

/** swarm.JoinRequest: `POST /swarm/join` */
export interface JoinRequest {
  ListenAddr?: string;
  AdvertiseAddr?: string;
  DataPathAddr?: string;
  RemoteAddrs?: string[] | null;
  JoinToken?: string;
  Availability?: NodeAvailability;
}

/** swarm.UnlockKeyResponse: `GET /swarm/unlockkey` */
export interface UnlockKeyResponse {
  UnlockKey: string;
}

export type NodeRole = 'worker' | 'manager';
export type NodeAvailability = 'active' | 'pause' | 'drain';
export type NodeState = 'unknown' | 'down' | 'ready' | 'disconnected';
export type Reachability = 'unknown' | 'unreachable' | 'reachable';

/** swarm.NodeSpec */
export interface NodeSpec {
  Name?: string;
  Labels?: Record<string, string>;
  Role?: NodeRole;
  Availability?: NodeAvailability;
}

/** swarm.PluginDescription */
export interface PluginDescription {
  Type: string;
  Name: string;
}

/** swarm.NodeDescription */
export interface NodeDescription {
  Hostname?: string;
  Platform?: { Architecture?: string; OS?: string };
  Resources?: { NanoCPUs?: number; MemoryBytes?: number };
  Engine?: { EngineVersion?: string; Labels?: Record<string, string>; Plugins?: PluginDescription[] };
  TLSInfo?: TLSInfo;
  CSIInfo?: unknown[];
}

/** swarm.NodeStatus */
export interface NodeStatus {
  State: NodeState;
  Message?: string;
  Addr?: string;
}

/** swarm.ManagerStatus */
export interface ManagerStatus {
  Leader?: boolean;
  Reachability: Reachability;
  Addr: string;
}

/** swarm.Node */
export interface Node {
  ID: string;
  Version: SwarmVersion;
  CreatedAt: string;
  UpdatedAt: string;
  Spec: NodeSpec;
  Description: NodeDescription;
  Status: NodeStatus;
  ManagerStatus?: ManagerStatus;
}
