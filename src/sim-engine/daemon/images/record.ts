/**
 * An image as the daemon stores it (moby's image.Image with its layer chain): its
 * config and history, its layers (each a list of file entries, turned into a shared
 * read-only tree on first use), and where it came from. The names that point at an
 * image live in the store's reference table, not here, as in moby's reference store.
 */
import type { HistoryEntry, ImageConfig, LayerEntry } from '../../images/types.ts';
import type { Instant } from '../instant.ts';

export interface LayerRecord {
  /** `sha256:…` of the uncompressed layer (RootFS.Layers) */
  diffId: string;
  /** uncompressed size in bytes (the layer's DiffSize) */
  size: number;
  /** the files of the layer, built on demand */
  entries: () => readonly LayerEntry[];
}

export interface ImageRecord {
  /** `sha256:<64 hex>` */
  id: string;
  /** the image this one was committed (or built) from, or '' */
  parent: string;
  /** the config's own comment (`docker commit -m`); '' for pulled images */
  comment: string;
  /** RFC 3339 creation time, and the same in ms since the epoch */
  created: string;
  createdMs: number;
  /** '' for BuildKit-built images */
  dockerVersion: string;
  author: string;
  config: ImageConfig;
  architecture: string;
  os: string;
  variant?: string;
  /** uncompressed size in bytes (what `docker images` shows): the sum of the layers */
  size: number;
  layers: LayerRecord[];
  history: HistoryEntry[];
  /** when a `docker tag` (or a commit with a name) last named it; unset after a pull */
  lastTagTime?: Instant;
  /** the container a commit made it from */
  container?: string;
}
