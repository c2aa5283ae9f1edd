/** System objects of the Engine API: version, info, events, disk usage. */
import type { ContainerSummary } from './container.ts';
import type { ImageSummary } from './image.ts';
import type { Volume } from './volume.ts';

export interface ComponentVersion {
  Name: string;
  Version: string;
  Details?: Record<string, string>;
}

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
  BuildTime: string;
}

/** GET /info: the fields Dockyard fills (the real object has more; see docs/differences.md). */
export type InfoResponse = Record<string, unknown> & {
  ID: string;
  Containers: number;
  ContainersRunning: number;
  ContainersPaused: number;
  ContainersStopped: number;
  Images: number;
  Name: string;
  ServerVersion: string;
  Swarm: Record<string, unknown> & { LocalNodeState: string; NodeID: string };
};

export interface EventMessage {
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  scope: string;
  time: number;
  timeNano: number;
  /** deprecated fields still sent for containers */
  status?: string;
  id?: string;
  from?: string;
}

export interface DiskUsage {
  LayersSize: number;
  Images: ImageSummary[];
  Containers: ContainerSummary[];
  Volumes: Volume[];
  BuildCache: unknown[];
}
