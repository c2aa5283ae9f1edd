/**
 * An image as the daemon stores it: its config and history, its layers (each a list
 * of file entries, turned into a shared read-only tree on first use), and the
 * references that name it.
 */
import type { HistoryEntry, ImageConfig, LayerEntry } from '../../images/types.ts';

export interface LayerRecord {
  /** `sha256:…` of the uncompressed layer (RootFS.Layers) */
  diffId: string;
  /** uncompressed size in bytes */
  size: number;
  /** the files of the layer, built on demand */
  entries: () => readonly LayerEntry[];
}

export interface ImageRecord {
  /** `sha256:<64 hex>` */
  id: string;
  /** familiar references that point here, in the order they were added (`nginx:latest`) */
  repoTags: string[];
  /** `nginx@sha256:…` for images that came from a registry */
  repoDigests: string[];
  /** the image this one was built from (local builds), or '' */
  parent: string;
  comment: string;
  /** RFC 3339 creation time, and the same in ms since the epoch */
  created: string;
  createdMs: number;
  dockerVersion: string;
  author: string;
  config: ImageConfig;
  architecture: string;
  os: string;
  variant?: string;
  /** uncompressed size in bytes (what `docker images` shows) */
  size: number;
  layers: LayerRecord[];
  history: HistoryEntry[];
  /** RFC 3339 time of the last tag, '' when never tagged locally */
  lastTagTime: string;
}
