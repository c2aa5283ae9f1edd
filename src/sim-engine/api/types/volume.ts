/** Volume objects of the Engine API (moby api/types/volume, v28.5.2). */
export interface Volume {
  CreatedAt?: string;
  Driver: string;
  Labels: Record<string, string> | null;
  Mountpoint: string;
  Name: string;
  Options: Record<string, string> | null;
  Scope: string;
  UsageData?: { RefCount: number; Size: number };
}

export interface VolumeListResponse {
  Volumes: Volume[] | null;
  Warnings: string[] | null;
}

export interface VolumeCreateRequest {
  Name?: string;
  Driver?: string;
  DriverOpts?: Record<string, string>;
  Labels?: Record<string, string>;
}

export interface VolumePruneReport {
  VolumesDeleted: string[] | null;
  SpaceReclaimed: number;
}
