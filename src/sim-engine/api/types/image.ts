/** Image objects of the Engine API (moby api/types/image, registry and container, v28.5.2). */
import type { HealthConfig } from './container.ts';

/** The image config (DockerOCIImageConfig) as `GET /images/{name}/json` shows it: keys sorted. */
export interface ImageConfig {
  ArgsEscaped?: boolean;
  Cmd?: string[] | null;
  Entrypoint?: string[] | null;
  Env?: string[] | null;
  ExposedPorts?: Record<string, object>;
  Healthcheck?: HealthConfig;
  Labels?: Record<string, string> | null;
  OnBuild?: string[] | null;
  Shell?: string[];
  StopSignal?: string;
  User?: string;
  Volumes?: Record<string, object> | null;
  WorkingDir?: string;
}

/**
 * `GET /images/{name}/json`, in the order Engine 28 writes it (see
 * daemon/images/inspect.ts for why Config is last).
 */
export interface ImageInspect {
  Id: string;
  RepoTags: string[];
  RepoDigests: string[];
  Parent: string;
  Comment: string;
  Created?: string;
  DockerVersion: string;
  Author: string;
  Architecture: string;
  Variant?: string;
  Os: string;
  Size: number;
  GraphDriver: { Data: Record<string, string> | null; Name: string };
  RootFS: { Type: string; Layers?: string[] };
  Metadata: { LastTagTime: string };
  Config: ImageConfig | null;
}

/** An item of `GET /images/json` (image.Summary; Containers is -1 before API 1.51). */
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

/** An item of `GET /images/{name}/history`, newest row first. */
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

/** An item of `GET /images/search` (registry.SearchResult). */
export interface SearchResult {
  star_count: number;
  is_official: boolean;
  name: string;
  is_automated: boolean;
  description: string;
}

/** `POST /commit` (container.CommitResponse). */
export interface CommitResponse {
  Id: string;
}
