/**
 * The compact form catalogue data is written in, and helpers for the history rows
 * Docker stores (see ../README.md for the sources). History texts are the raw strings
 * of the image config: BuildKit rows (`RUN /bin/sh -c … # buildkit`, `ENV K=V`,
 * `EXPOSE map[80/tcp:{}]`) with comment `buildkit.dockerfile.v0`, legacy-builder rows
 * (`/bin/sh -c #(nop)  CMD ["bash"]`), debuerreotype's base row. Long RUN lines are cut
 * at about 110 characters and end with `...` to keep the bundle small.
 */
import type { HistoryEntry, ImageConfig } from '../types.ts';

/**
 * A layer: the recipe that builds its files, its compressed size, and optionally its
 * uncompressed size and real blob digest (hex, no prefix). Without them the size is
 * estimated from the download and the digest derived from the recipe.
 */
export type LayerSpec = readonly [recipe: string, download: number, size?: number, blob?: string];

export interface ImageSpec {
  /** `library/nginx`, `traefik/whoami` */
  repo: string;
  tags: readonly string[];
  /** real image ID (hex) when known */
  id?: string;
  /** real manifest-list digest (hex) when known */
  digest?: string;
  /** legacy-builder images record the Docker version that built them */
  dockerVersion?: string;
  config: ImageConfig;
  history: readonly HistoryEntry[];
  layers: readonly LayerSpec[];
}

export const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const BK = 'buildkit.dockerfile.v0';

/** Cut a long RUN line the way this catalogue stores it. */
export const cut = (s: string, n = 110): string => (s.length > n ? `${s.slice(0, n)}...` : s);

/** A BuildKit row; `layer` when it made a layer. */
export const bk = (created: string, created_by: string, layer = false): HistoryEntry =>
  layer ? { created, created_by, comment: BK } : { created, created_by, comment: BK, empty_layer: true };
/** A legacy-builder row. */
export const lg = (created: string, created_by: string, layer = false): HistoryEntry =>
  layer ? { created, created_by } : { created, created_by, empty_layer: true };
export const run = (c: string, s: string): HistoryEntry => bk(c, `RUN /bin/sh -c ${cut(s)} # buildkit`, true);
export const copy = (c: string, s: string): HistoryEntry => bk(c, `COPY ${s} # buildkit`, true);
export const env = (c: string, kv: readonly string[]): HistoryEntry[] => kv.map((e) => bk(c, `ENV ${e}`));
export const cmd = (c: string, argv: readonly string[]): HistoryEntry => bk(c, `CMD ${goList(argv)}`);
export const entrypoint = (c: string, argv: readonly string[]): HistoryEntry =>
  bk(c, `ENTRYPOINT ${goList(argv)}`);
export const expose = (c: string, ports: readonly string[]): HistoryEntry =>
  bk(c, `EXPOSE map[${ports.map((p) => `${p}:{}`).join(' ')}]`);
export const workdir = (c: string, dir: string): HistoryEntry => bk(c, `WORKDIR ${dir}`, true);

/** How BuildKit prints a JSON-form CMD/ENTRYPOINT in history: `["nginx" "-g" "daemon off;"]`. */
export const goList = (argv: readonly string[]): string =>
  `[${argv.map((a) => JSON.stringify(a)).join(' ')}]`;

/** The single row of a debuerreotype-built Debian image (debian:*, and the base of most images). */
export const debianBase = (created: string, suite: string, epoch: number): HistoryEntry => ({
  created,
  created_by: `# debian.sh --arch 'amd64' out/ '${suite}' '@${epoch}'`,
});

/** alpine: ADD of the minirootfs and CMD ["/bin/sh"]. */
export const alpineBase = (created: string, version: string): HistoryEntry[] => [
  bk(created, `ADD alpine-minirootfs-${version}-x86_64.tar.gz / # buildkit`, true),
  bk(created, 'CMD ["/bin/sh"]'),
];

/** Ports and volumes in config form. */
export const ports = (...p: string[]): Record<string, Record<string, never>> =>
  Object.fromEntries(p.map((x) => [x, {}]));
