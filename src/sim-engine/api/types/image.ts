/** Image objects of the Engine API (moby api/types/image, v28.5.2). */
import type { HealthConfig } from './container.ts';

export interface ImageConfig {
  User?: string;
  ExposedPorts?: Record<string, object>;
  Env?: string[];
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
  Volumes?: Record<string, object>;
  WorkingDir?: string;
  Labels?: Record<string, string> | null;
  StopSignal?: string;
  ArgsEscaped?: boolean;
  Healthcheck?: HealthConfig;
  OnBuild?: string[] | null;
  Shell?: string[];
}

export interface ImageInspect {
  Id: string;
  RepoTags: string[];
  RepoDigests: string[];
  Parent: string;
  Comment: string;
  Created?: string;
  DockerVersion: string;
  Author: string;
  Config: ImageConfig | null;
  Architecture: string;
  Variant?: string;
  Os: string;
  Size: number;
  GraphDriver: { Data: Record<string, string> | null; Name: string };
  RootFS: { Type: string; Layers?: string[] };
  Metadata: { LastTagTime?: string };
}

export interface ImageSummary {
  Containers: number;
  Created: number;
  Id: string;
  Labels: Record<string, string> | null;
  ParentId: string;
  RepoDigests: string[];
  RepoTags: string[];
  SharedSize: number;
  Size: number;
}

export interface HistoryItem {
  Comment: string;
  Created: number;
  CreatedBy: string;
  Id: string;
  Size: number;
  Tags: string[] | null;
}

export interface DeleteResponse {
  Deleted?: string;
  Untagged?: string;
}

export interface ImagePruneReport {
  ImagesDeleted: DeleteResponse[] | null;
  SpaceReclaimed: number;
}
