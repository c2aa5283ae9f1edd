/** Volume objects of the Engine API (moby api/types/volume, v28.5.2), fields in Go order. */
export interface Volume {
  ClusterVolume?: ClusterVolume;
  CreatedAt?: string;
  Driver: string;
  Labels: Record<string, string> | null;
  Mountpoint: string;
  Name: string;
  Options: Record<string, string> | null;
  Scope: string;
  Status?: Record<string, unknown>;
  UsageData?: { RefCount: number; Size: number };
}

/** A swarm's cluster volume (CSI); the simulation has none, the CLI checks for it. */
export interface ClusterVolume {
  ID: string;
  Version: { Index: number };
  Spec: { Group?: string; Availability?: string };
}

export interface VolumeListResponse {
  Volumes: Volume[] | null;
  Warnings: string[] | null;
}

/** POST /volumes/create body (volume.CreateOptions) */
export interface VolumeCreateRequest {
  ClusterVolumeSpec?: Record<string, unknown> | null;
  Driver?: string;
  DriverOpts?: Record<string, string> | null;
  Labels?: Record<string, string> | null;
  Name?: string;
}

export interface VolumePruneReport {
  VolumesDeleted: string[] | null;
  SpaceReclaimed: number;
}
