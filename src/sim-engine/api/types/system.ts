/**
 * System objects of the Engine API (moby api/types, api/types/system,
 * api/types/events, v28.5.2): version, info, events, disk usage. Field order follows
 * the Go structs and keys are the JSON names, so the daemon's JSON reads as dockerd's.
 */
import type { ContainerSummary } from './container.ts';
import type { ImageSummary } from './image.ts';
import type { Volume } from './volume.ts';

export interface ComponentVersion {
  Name: string;
  Version: string;
  Details?: Record<string, string>;
}

/** GET /version (types.Version); `Experimental` is omitted when false. */
export interface VersionResponse {
  Platform: { Name: string };
  Components: ComponentVersion[];
  Version: string;
  ApiVersion: string;
  MinAPIVersion: string;
  GitCommit: string;
  GoVersion: string;
  Os: string;
  Arch: string;
  KernelVersion: string;
  Experimental?: boolean;
  BuildTime: string;
}

/** system.PluginsInfo */
export interface PluginsInfo {
  Volume: string[];
  Network: string[];
  Authorization: string[] | null;
  Log: string[];
}

/** registry.IndexInfo */
export interface IndexInfo {
  Mirrors: string[];
  Name: string;
  Official: boolean;
  Secure: boolean;
}

/**
 * registry.ServiceConfig as its MarshalJSON writes it: through a map, so keys are
 * sorted (IndexConfigs, InsecureRegistryCIDRs, Mirrors).
 */
export interface RegistryServiceConfig {
  IndexConfigs: Record<string, IndexInfo>;
  InsecureRegistryCIDRs: string[];
  Mirrors: string[];
}

/** system.RuntimeWithStatus (JSON names of system.Runtime are lower case). */
export interface RuntimeWithStatus {
  path?: string;
  runtimeArgs?: string[];
  runtimeType?: string;
  options?: Record<string, unknown>;
  status?: Record<string, string>;
}

/** system.Commit; `Expected` is only sent to API < 1.49. */
export interface Commit {
  ID: string;
  Expected?: string;
}

/** swarm.Peer */
export interface SwarmPeer {
  NodeID: string;
  Addr: string;
}

/** swarm.Info: what `docker info` shows under "Swarm:". */
export interface SwarmInfo {
  NodeID: string;
  NodeAddr: string;
  LocalNodeState: 'inactive' | 'pending' | 'active' | 'error' | 'locked';
  ControlAvailable: boolean;
  Error: string;
  RemoteManagers: SwarmPeer[] | null;
  Nodes?: number;
  Managers?: number;
  /** swarm.ClusterInfo, present on managers (filled by the swarm) */
  Cluster?: Record<string, unknown>;
  Warnings?: string[];
}

export interface NetworkAddressPool {
  Base: string;
  Size: number;
}

export interface FirewallInfo {
  Driver: string;
  Info?: [string, string][];
}

export interface ContainerdInfo {
  Address?: string;
  Namespaces: { Containers: string; Plugins: string };
}

/**
 * GET /info (system.Info) for API ≥ 1.50, in Go field order. Optional fields are the
 * `omitempty` ones dockerd leaves out when empty.
 */
export interface InfoResponse {
  ID: string;
  Containers: number;
  ContainersRunning: number;
  ContainersPaused: number;
  ContainersStopped: number;
  Images: number;
  Driver: string;
  DriverStatus: [string, string][];
  SystemStatus?: [string, string][];
  Plugins: PluginsInfo;
  MemoryLimit: boolean;
  SwapLimit: boolean;
  KernelMemory?: boolean;
  KernelMemoryTCP?: boolean;
  CpuCfsPeriod: boolean;
  CpuCfsQuota: boolean;
  CPUShares: boolean;
  CPUSet: boolean;
  PidsLimit: boolean;
  IPv4Forwarding: boolean;
  Debug: boolean;
  NFd: number;
  OomKillDisable: boolean;
  NGoroutines: number;
  SystemTime: string;
  LoggingDriver: string;
  CgroupDriver: string;
  CgroupVersion?: string;
  NEventsListener: number;
  KernelVersion: string;
  OperatingSystem: string;
  OSVersion: string;
  OSType: string;
  Architecture: string;
  IndexServerAddress: string;
  RegistryConfig: RegistryServiceConfig | null;
  NCPU: number;
  MemTotal: number;
  GenericResources: unknown[] | null;
  DockerRootDir: string;
  HttpProxy: string;
  HttpsProxy: string;
  NoProxy: string;
  Name: string;
  Labels: string[];
  ExperimentalBuild: boolean;
  ServerVersion: string;
  Runtimes: Record<string, RuntimeWithStatus>;
  DefaultRuntime: string;
  Swarm: SwarmInfo;
  LiveRestoreEnabled: boolean;
  Isolation: string;
  InitBinary: string;
  ContainerdCommit: Commit;
  RuncCommit: Commit;
  InitCommit: Commit;
  SecurityOptions: string[];
  ProductLicense?: string;
  DefaultAddressPools?: NetworkAddressPool[];
  FirewallBackend?: FirewallInfo;
  CDISpecDirs: string[];
  DiscoveredDevices?: { Source: string; ID: string }[];
  Containerd?: ContainerdInfo;
  Warnings: string[] | null;
}

/**
 * events.Message. `status`, `id` and `from` are the deprecated fields dockerd still
 * fills for container and image events. `timeNano` exceeds 2^53: the daemon's log
 * keeps a number, the API sends the exact value as a bigint (an int64 to Go's JSON).
 */
export interface EventMessage {
  status?: string;
  id?: string;
  from?: string;
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  scope: string;
  time: number;
  timeNano: number | bigint;
}

/** build.CacheRecord (`docker system df -v`, build cache rows). */
export interface BuildCacheRecord {
  ID: string;
  Parents?: string[];
  Type: string;
  Description: string;
  InUse: boolean;
  Shared: boolean;
  Size: number;
  CreatedAt: string;
  LastUsedAt: string | null;
  UsageCount: number;
}

/** GET /system/df (types.DiskUsage): each list is absent when its `type` was not asked for. */
export interface DiskUsage {
  LayersSize: number;
  Images: ImageSummary[] | null;
  Containers: ContainerSummary[] | null;
  Volumes: Volume[] | null;
  BuildCache: BuildCacheRecord[] | null;
  BuilderSize?: number;
}

/** POST /build/prune (build.CachePruneReport) */
export interface BuildCachePruneReport {
  CachesDeleted: string[] | null;
  SpaceReclaimed: number;
}
