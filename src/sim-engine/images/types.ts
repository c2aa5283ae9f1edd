/**
 * The shapes of the simulated Docker Hub: an image as the registry serves it (config,
 * history, layers with their digests and sizes) and a layer's files as entries.
 */

/**
 * One entry of a layer, as in a layer tarball: a file, directory or symlink, or a
 * whiteout (the path was deleted) or an opaque directory (its lower contents hidden).
 * Same shape as fs/layer.ts's entry.
 */
export interface LayerEntry {
  path: string;
  kind: 'file' | 'dir' | 'symlink' | 'whiteout' | 'opaque';
  data?: string;
  mode?: number;
  uid?: number;
  gid?: number;
  mtime?: number;
  target?: string;
  /** the simulated executable this file is: `ls@gnu`, `sh@busybox`, `nginx`… */
  program?: string;
  /** the size to report instead of `data.length` (binaries) */
  size?: number;
}

/** The container config of an image (`docker image inspect` .Config), Docker's field names. */
export interface ImageConfig {
  User?: string;
  ExposedPorts?: Record<string, Record<string, never>>;
  Env?: string[];
  Cmd?: string[];
  Healthcheck?: {
    Test: string[];
    Interval?: number;
    Timeout?: number;
    StartPeriod?: number;
    Retries?: number;
  };
  ArgsEscaped?: boolean;
  Volumes?: Record<string, Record<string, never>>;
  WorkingDir?: string;
  Entrypoint?: string[];
  OnBuild?: string[];
  Labels?: Record<string, string>;
  StopSignal?: string;
  Shell?: string[];
}

/** A row of the image's history (`docker history`), as stored in the image config. */
export interface HistoryEntry {
  /** RFC 3339 */
  created: string;
  created_by: string;
  /** true for rows that made no layer (ENV, CMD…) */
  empty_layer?: boolean;
  comment?: string;
  author?: string;
}

/** A layer of a catalogue image. */
export interface CatalogueLayer {
  /** the recipe that builds its files (see fs/index.ts), e.g. `alpine:3.24.2`, `nginx-deb:1.31.3:trixie` */
  recipe: string;
  /** the compressed blob's digest: what `docker pull` shows (12 hex) and downloads */
  blob: string;
  /** the uncompressed tar's digest (RootFS.Layers in `docker image inspect`) */
  diffId: string;
  /** compressed bytes, for pull progress */
  download: number;
  /** uncompressed bytes, for `docker history` and `docker images` */
  size: number;
}

/** An image in the catalogue, for linux/amd64. */
export interface CatalogueImage {
  /** `library/nginx`, `traefik/whoami` */
  repository: string;
  /** the tags that point at this image */
  tags: readonly string[];
  /** `sha256:<64 hex>`, the image ID (digest of the config) */
  id: string;
  /** `sha256:<64 hex>`, the manifest (list) digest: RepoDigests and `Digest:` of a pull */
  digest: string;
  /** RFC 3339 */
  created: string;
  os: 'linux';
  architecture: 'amd64';
  variant?: string;
  /** `docker image inspect` .DockerVersion ('' for BuildKit-built images) */
  dockerVersion: string;
  author?: string;
  config: ImageConfig;
  history: readonly HistoryEntry[];
  /** in order, bottom first; one per history row without empty_layer */
  layers: readonly CatalogueLayer[];
  /** uncompressed bytes, what `docker images` shows */
  size: number;
}
