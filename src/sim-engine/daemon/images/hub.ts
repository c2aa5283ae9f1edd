/**
 * The simulated Docker Hub: every repository of the image catalogue, served as the
 * registry would (tags, digests, layers), and the repositories learners push under
 * their own namespace (`learner/app`), kept in memory for the whole lab so another
 * node can pull them. Other registries' hosts are the lab's business (lab-registry.ts).
 *
 * Logging in (`POST /auth`, then X-Registry-Auth on a push): any username that follows
 * Docker ID rules (4 to 30 lowercase letters and digits) with any non-empty password is
 * accepted — there is no real account behind it — and may push to its own namespace
 * only. Differs from Docker: Hub accounts, passwords, tokens, private repositories and
 * organisations are not simulated.
 */
import type { AuthConfig } from '../../api/registry-auth.ts';
import { catalogue, catalogueLayers, resolve } from '../../images/index.ts';
import { digestOf } from '../../images/sha256.ts';
import type { CatalogueImage, HistoryEntry, ImageConfig } from '../../images/types.ts';
import type { Reference } from '../../images/reference.ts';
import type { PullLookup, Registry } from '../registry.ts';
import { parseManifest, type Blob, type ManifestAnswer, type RemoteRegistry } from './distribution.ts';
import type { LayerRecord } from './record.ts';

/** The Hub's answer to a wrong username or password (through the daemon's login). */
export const HUB_UNAUTHORIZED =
  'Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password';
export const DENIED = 'denied: requested access to the resource is denied';

/** Docker ID rules: 4 to 30 characters, lowercase letters and digits. */
export function validHubUsername(name: string): boolean {
  return /^[a-z0-9]{4,30}$/.test(name);
}

/** Whether these credentials log in to the simulated Hub. */
export function hubLogin(auth: AuthConfig): boolean {
  return validHubUsername(auth.username ?? '') && (auth.password ?? '') !== '';
}

interface PushedRepo {
  tags: Map<string, string>;
  manifests: Map<string, string>;
  blobs: Set<string>;
}

export class Hub implements Registry {
  readonly #repos = new Map<string, PushedRepo>();
  readonly #blobs = new Map<string, Blob>();

  lookup(ref: Reference): PullLookup {
    if (ref.domain !== 'docker.io') {
      const [host, port = '443'] = ref.domain.split(':');
      // localhost is an insecure registry, tried over plain HTTP last; nothing listens there
      const message =
        host === 'localhost' || host === '127.0.0.1'
          ? `Get "http://${ref.domain}/v2/": dial tcp 127.0.0.1:${port}: connect: connection refused`
          : `Get "https://${ref.domain}/v2/": dial tcp: lookup ${host} on 127.0.0.11:53: no such host`;
      return { ok: false, reason: 'unreachable', message };
    }
    const pushed = this.#repos.get(ref.path);
    if (pushed) return this.#lookupPushed(ref, pushed);
    const found = resolve(ref);
    if (!found.ok) {
      return {
        ok: false,
        reason: found.message.startsWith('pull access denied') ? 'no-repository' : 'no-manifest',
      };
    }
    const image = found.image;
    let cached: ReturnType<typeof catalogueLayers> | undefined;
    const layers: LayerRecord[] = image.layers.map((l, i) => ({
      diffId: l.diffId,
      size: l.size,
      entries: () => (cached ??= catalogueLayers(image))[i]!,
    }));
    return { ok: true, image, layers };
  }

  /** The tags of a pushed repository, sorted (a catalogue repository's come from the catalogue). */
  pushedTags(path: string): string[] {
    return [...(this.#repos.get(path)?.tags.keys() ?? [])].sort();
  }

  #lookupPushed(ref: Reference, repo: PushedRepo): PullLookup {
    const digest = ref.digest ?? repo.tags.get(ref.tag ?? 'latest');
    const content = digest === undefined ? undefined : repo.manifests.get(digest);
    const manifest = content === undefined ? undefined : parseManifest(content);
    if (!manifest || !digest) return { ok: false, reason: 'no-manifest' };
    const config = this.#blobs.get(manifest.config.digest);
    if (config?.kind !== 'config') return { ok: false, reason: 'no-manifest' };
    const layers: LayerRecord[] = [];
    for (const l of manifest.layers) {
      const blob = this.#blobs.get(l.digest);
      if (blob?.kind !== 'layer') return { ok: false, reason: 'no-manifest' };
      layers.push(blob.layer);
    }
    const image = imageFromConfig(
      ref.path,
      manifest.config.digest,
      digest,
      config.text,
      manifest.layers,
      layers,
    );
    return { ok: true, image, layers };
  }

  /** Docker Hub as a push sees it, for `auth` (credentials of the push). */
  remote(auth: AuthConfig): RemoteRegistry & { mayPush(repo: string): boolean } {
    const repoOf = (repo: string): PushedRepo => {
      let r = this.#repos.get(repo);
      if (!r) this.#repos.set(repo, (r = { tags: new Map(), manifests: new Map(), blobs: new Set() }));
      return r;
    };
    const inCatalogue = (repo: string, digest: string) =>
      catalogue().some((i) => i.repository === repo && i.layers.some((l) => l.blob === digest));
    const has = (repo: string, digest: string) =>
      (this.#repos.get(repo)?.blobs.has(digest) ?? false) || inCatalogue(repo, digest);
    const user = auth.username ?? '';
    return {
      domain: 'docker.io',
      mayPush: (repo) => hubLogin(auth) && user !== 'library' && repo.startsWith(`${user}/`),
      statBlob: async (repo, digest) => has(repo, digest),
      mountBlob: async (repo, digest, from) => {
        if (!has(from, digest)) return false;
        if (!this.#blobs.has(digest)) {
          const layer = catalogueBlob(digest);
          if (!layer) return false;
          this.#blobs.set(digest, { kind: 'layer', layer });
        }
        repoOf(repo).blobs.add(digest);
        return true;
      },
      putBlob: async (repo, digest, blob) => {
        this.#blobs.set(digest, blob);
        repoOf(repo).blobs.add(digest);
      },
      putManifest: async (repo, tag, content) => {
        const digest = digestOf(content);
        const r = repoOf(repo);
        r.manifests.set(digest, content);
        r.tags.set(tag, digest);
        return digest;
      },
      getManifest: async (repo, reference): Promise<ManifestAnswer> => {
        const r = this.#repos.get(repo);
        if (!r) return { ok: false, reason: 'no-repository' };
        const digest = reference.startsWith('sha256:') ? reference : r.tags.get(reference);
        const content = digest && r.manifests.get(digest);
        return content && digest ? { ok: true, digest, content } : { ok: false, reason: 'no-manifest' };
      },
      getConfig: async (_repo, digest) => {
        const b = this.#blobs.get(digest);
        return b?.kind === 'config' ? b.text : undefined;
      },
      getLayer: async (_repo, digest) => {
        const b = this.#blobs.get(digest);
        return b?.kind === 'layer' ? b.layer : undefined;
      },
      tags: async (repo) => this.pushedTags(repo),
    };
  }
}

/** A catalogue layer by its blob digest, as a layer record. */
function catalogueBlob(digest: string): LayerRecord | undefined {
  for (const image of catalogue()) {
    const i = image.layers.findIndex((l) => l.blob === digest);
    if (i >= 0) {
      const l = image.layers[i]!;
      return { diffId: l.diffId, size: l.size, entries: () => catalogueLayers(image)[i]! };
    }
  }
  return undefined;
}

interface ConfigDocument {
  architecture?: string;
  author?: string;
  comment?: string;
  config?: ImageConfig;
  created?: string;
  docker_version?: string;
  history?: HistoryEntry[];
  os?: string;
  variant?: string;
}

/**
 * An image a registry serves, in the shape pulls use: the config blob's digest is its
 * ID, the manifest's digest its repo digest, the layer sizes the manifest's.
 */
export function imageFromConfig(
  repository: string,
  id: string,
  digest: string,
  configText: string,
  descriptors: readonly { digest: string; size: number }[],
  layers: readonly LayerRecord[],
): CatalogueImage & { comment?: string } {
  const config = JSON.parse(configText) as ConfigDocument;
  return {
    repository,
    tags: [],
    id,
    digest,
    created: config.created ?? '0001-01-01T00:00:00Z',
    os: 'linux',
    architecture: 'amd64',
    ...(config.variant ? { variant: config.variant } : {}),
    dockerVersion: config.docker_version ?? '',
    ...(config.author ? { author: config.author } : {}),
    ...(config.comment ? { comment: config.comment } : {}),
    config: config.config ?? {},
    history: config.history ?? [],
    layers: layers.map((l, i) => ({
      recipe: '',
      blob: descriptors[i]!.digest,
      diffId: l.diffId,
      download: descriptors[i]!.size,
      size: l.size,
    })),
    size: layers.reduce((sum, l) => sum + l.size, 0),
  };
}
