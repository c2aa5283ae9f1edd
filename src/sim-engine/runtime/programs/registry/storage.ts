/**
 * The registry's storage, in distribution's own layout under its root directory
 * (/var/lib/registry, the image's VOLUME, so a volume keeps what was pushed):
 *
 *   docker/registry/v2/blobs/sha256/<2 hex>/<hex>/data           the blob (manifest or layer)
 *   docker/registry/v2/repositories/<name>/_layers/sha256/<hex>/link
 *   docker/registry/v2/repositories/<name>/_manifests/revisions/sha256/<hex>/link
 *   docker/registry/v2/repositories/<name>/_manifests/tags/<tag>/current/link
 *   docker/registry/v2/repositories/<name>/_uploads/<uuid>/data  an upload in progress
 *
 * The daemon's `docker push`/`docker pull` reach it through the HTTP API (api.ts), over
 * the lab's network, as dockerd does.
 *
 * Differs from distribution: blobs are text (the simulation's layers are data, not
 * tarballs: see daemon/images/distribution.ts); digests are whatever the caller gives
 * (the daemon's, checked only in form).
 */
import type { FileSystem } from '../../../fs/types.ts';
import { digestOf } from '../../../images/index.ts';

export const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
];

/** A manifest's type, from its own `mediaType` field (as distribution reads it). */
export function mediaTypeOf(content: string): string {
  try {
    return (JSON.parse(content) as { mediaType?: string }).mediaType ?? MANIFEST_TYPES[1]!;
  } catch {
    return MANIFEST_TYPES[1]!;
  }
}

export interface StoredManifest {
  digest: string;
  mediaType: string;
  content: string;
}

export interface RegistryStorage {
  /** Store a blob; returns its digest (computed when not given). */
  putBlob(content: string, digest?: string): string;
  hasBlob(digest: string): boolean;
  getBlob(digest: string): string | undefined;
  /** Link a stored blob into a repository (a layer of it). */
  linkLayer(name: string, digest: string): void;
  /** Whether a repository links this blob (as a layer or config, or as a manifest). */
  linked(name: string, digest: string): boolean;
  /** Store a manifest under a tag (or by digest when `reference` is one); returns its digest. */
  putManifest(name: string, reference: string, content: string): string;
  getManifest(name: string, reference: string): StoredManifest | undefined;
  tags(name: string): string[] | undefined;
  repositories(): string[];
}

const V2 = 'docker/registry/v2';

export function registryStorage(fs: FileSystem, root = '/var/lib/registry'): RegistryStorage {
  const base = `${root}/${V2}`;
  const hex = (digest: string) => digest.replace(/^sha256:/, '');
  const blobPath = (digest: string) => `${base}/blobs/sha256/${hex(digest).slice(0, 2)}/${hex(digest)}/data`;
  const repo = (name: string) => `${base}/repositories/${name}`;
  const write = (path: string, text: string) => {
    fs.mkdir(path.slice(0, path.lastIndexOf('/')), { parents: true });
    fs.writeFile(path, text);
  };
  const read = (path: string): string | undefined => {
    try {
      return fs.readFile(path);
    } catch {
      return undefined;
    }
  };
  const storage: RegistryStorage = {
    putBlob(content, digest) {
      const d = digest ?? digestOf(content);
      write(blobPath(d), content);
      return d;
    },
    hasBlob: (digest) => fs.stat(blobPath(digest)) !== undefined,
    getBlob: (digest) => read(blobPath(digest)),
    linkLayer(name, digest) {
      write(`${repo(name)}/_layers/sha256/${hex(digest)}/link`, digest);
    },
    linked: (name, digest) =>
      /^sha256:[a-f0-9]{64}$/.test(digest) &&
      fs.stat(blobPath(digest)) !== undefined &&
      (fs.stat(`${repo(name)}/_layers/sha256/${hex(digest)}/link`) !== undefined ||
        fs.stat(`${repo(name)}/_manifests/revisions/sha256/${hex(digest)}/link`) !== undefined),
    putManifest(name, reference, content) {
      const digest = storage.putBlob(content);
      write(`${repo(name)}/_manifests/revisions/sha256/${hex(digest)}/link`, digest);
      if (!reference.startsWith('sha256:'))
        write(`${repo(name)}/_manifests/tags/${reference}/current/link`, digest);
      return digest;
    },
    getManifest(name, reference) {
      const digest = reference.startsWith('sha256:')
        ? reference
        : read(`${repo(name)}/_manifests/tags/${reference}/current/link`);
      if (!digest || !fs.stat(`${repo(name)}/_manifests/revisions/sha256/${hex(digest)}/link`))
        return undefined;
      const content = read(blobPath(digest));
      if (content === undefined) return undefined;
      return { digest, mediaType: mediaTypeOf(content), content };
    },
    tags(name) {
      try {
        return fs.readdir(`${repo(name)}/_manifests/tags`);
      } catch {
        return fs.stat(repo(name)) ? [] : undefined;
      }
    },
    repositories() {
      const out: string[] = [];
      const walk = (dir: string, prefix: string) => {
        let names: string[];
        try {
          names = fs.readdir(dir);
        } catch {
          return;
        }
        if (names.includes('_manifests')) out.push(prefix);
        for (const n of names) if (!n.startsWith('_')) walk(`${dir}/${n}`, prefix ? `${prefix}/${n}` : n);
      };
      walk(`${base}/repositories`, '');
      return out.sort();
    },
  };
  return storage;
}
