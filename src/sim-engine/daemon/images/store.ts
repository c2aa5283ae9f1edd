/**
 * The daemon's images and their names, as moby's image store and reference store
 * together: images by ID with their parent links, the references (`nginx:latest`,
 * `nginx@sha256:…`) that name them, and GetImage's lookup — a digest, a reference,
 * then a unique ID prefix — with Docker's "No such image" texts.
 */
import { invalidParameter, notFound, type DaemonError } from '../../errdefs.ts';
import {
  canonicalString,
  familiarString,
  parseNormalizedNamed,
  validateDigest,
  type Reference,
} from '../../images/reference.ts';
import type { ImageRecord } from './record.ts';

/** `nginx` → `nginx:latest`; a digest reference stays as it is (reference.TagNameOnly). */
export function familiarTagged(ref: Reference): string {
  if (ref.digest || ref.tag) return familiarString(ref);
  return familiarString({ ...ref, tag: 'latest' });
}

/** The key the reference store files a reference under: a digest wins over a tag (favorDigest). */
function storeKey(ref: Reference): string {
  return ref.digest ? familiarString({ ...ref, tag: undefined }) : familiarTagged(ref);
}

/** One name of an image, as the reference store keeps it. */
export interface ImageRef {
  /** `nginx:latest`, `nginx@sha256:…` (what RepoTags/RepoDigests list) */
  familiar: string;
  /** `docker.io/library/nginx:latest`: the order References() sorts by */
  canonical: string;
  /** `nginx`: the repository in familiar form (reference.FamiliarName) */
  name: string;
  /** `docker.io/library/nginx` (reference.Named.Name()) */
  fullName: string;
  tag?: string;
  digest?: string;
  id: string;
}

function toRef(familiar: string, id: string): ImageRef {
  const parsed = parseNormalizedNamed(familiar);
  if (!parsed.ok) throw new Error(`bad reference in the store: ${familiar}`);
  const r = parsed.ref;
  return {
    familiar,
    canonical: canonicalString(r),
    name: r.familiar,
    fullName: `${r.domain}/${r.path}`,
    tag: r.digest ? undefined : (r.tag ?? 'latest'),
    digest: r.digest,
    id,
  };
}

const byCanonical = (a: ImageRef, b: ImageRef) =>
  a.canonical < b.canonical ? -1 : a.canonical > b.canonical ? 1 : 0;

export class ImageStore {
  readonly #byId = new Map<string, ImageRecord>();
  /** images deleted while a container still stood on them: their layers stay (see layers.ts) */
  readonly #gone = new Map<string, ImageRecord>();
  /** familiar reference (`nginx:latest`, `nginx@sha256:…`) → its entry */
  readonly #refs = new Map<string, ImageRef>();

  all(): ImageRecord[] {
    return [...this.#byId.values()];
  }

  get(id: string): ImageRecord | undefined {
    return this.#byId.get(id);
  }

  /** An image, present or deleted, that containers may still be made from (their layers). */
  record(id: string): ImageRecord | undefined {
    return this.#byId.get(id) ?? this.#gone.get(id);
  }

  add(image: ImageRecord): void {
    this.#gone.delete(image.id);
    this.#byId.set(image.id, image);
  }

  /** Drop the image and every name of it (imageStore.Delete after the references went). */
  delete(id: string): void {
    const image = this.#byId.get(id);
    if (!image) return;
    for (const r of this.references(id)) this.#refs.delete(r.familiar);
    this.#byId.delete(id);
    this.#gone.set(id, image);
  }

  /** Deleted images no container stands on any more can be forgotten. */
  forget(keep: (id: string) => boolean): void {
    for (const id of [...this.#gone.keys()]) if (!keep(id)) this.#gone.delete(id);
  }

  deleted(): ImageRecord[] {
    return [...this.#gone.values()];
  }

  /** Images whose parent is `id` (imageStore.Children). */
  children(id: string): ImageRecord[] {
    return this.all().filter((i) => i.parent === id);
  }

  /** Every name of an image, sorted as moby's References() sorts them (by full name). */
  references(id: string): ImageRef[] {
    return [...this.#refs.values()].filter((r) => r.id === id).sort(byCanonical);
  }

  repoTags(id: string): string[] {
    return this.references(id)
      .filter((r) => r.tag !== undefined)
      .map((r) => r.familiar);
  }

  repoDigests(id: string): string[] {
    return this.references(id)
      .filter((r) => r.digest !== undefined)
      .map((r) => r.familiar);
  }

  /** Every reference in a repository (`nginx`), sorted (ReferencesByName). */
  referencesByName(name: string): ImageRef[] {
    return [...this.#refs.values()].filter((r) => r.name === name).sort(byCanonical);
  }

  /** Point `familiar` (e.g. `nginx:latest`) at image `id`, taking it from any other image. */
  tag(familiar: string, id: string): void {
    this.#refs.set(familiar, toRef(familiar, id));
  }

  addDigest(familiar: string, id: string): void {
    this.#refs.set(familiar, toRef(familiar, id));
  }

  /** Remove a reference; false when there was none (referenceStore.Delete). */
  untag(familiar: string): boolean {
    return this.#refs.delete(familiar);
  }

  byReference(familiar: string): ImageRecord | undefined {
    const r = this.#refs.get(familiar);
    return r ? this.#byId.get(r.id) : undefined;
  }

  /** The image a parsed reference names in the reference store (refStore.Get). */
  byRef(ref: Reference): ImageRecord | undefined {
    return this.byReference(storeKey(ref));
  }

  /**
   * moby's GetImage: a digest (`sha256:…` or 64 hex), a reference, then a unique
   * ID prefix. Throws NotFound with Docker's text, or InvalidParameter for a name that
   * is not a reference at all.
   */
  resolve(refOrId: string): ImageRecord {
    const found = this.lookup(refOrId);
    if ('error' in found) throw found.error;
    return found.image;
  }

  find(refOrId: string): ImageRecord | undefined {
    const found = this.lookup(refOrId);
    return 'image' in found ? found.image : undefined;
  }

  lookup(refOrId: string): { image: ImageRecord } | { error: DaemonError } {
    // reference.ParseAnyReference: 64 hex or a well-formed digest is an ID
    if (/^[a-f0-9]{64}$/.test(refOrId) || validateDigest(refOrId) === undefined) {
      const id = refOrId.includes(':') ? refOrId : `sha256:${refOrId}`;
      const image = this.#byId.get(id);
      return image ? { image } : { error: notFound(`No such image: ${id}`) };
    }
    const parsed = parseNormalizedNamed(refOrId);
    if (!parsed.ok) return { error: invalidParameter(parsed.error) };
    const byRef = this.byRef(parsed.ref);
    if (byRef) return { image: byRef };
    const byPrefix = this.#searchPrefix(refOrId);
    if (byPrefix) return { image: byPrefix };
    return { error: notFound(`No such image: ${familiarTagged(parsed.ref)}`) };
  }

  /** imageStore.Search: a short ID (`5ef79149`, `sha256:5ef7`) that names exactly one image. */
  #searchPrefix(term: string): ImageRecord | undefined {
    const m = /^(?:sha256:)?([a-f0-9]+)$/.exec(term);
    if (!m) return undefined;
    const matches = this.all().filter((i) => i.id.slice(7).startsWith(m[1]!));
    return matches.length === 1 ? matches[0] : undefined;
  }

  /** The name "No such image" shows: a reference gets `:latest`, anything else stays. */
  displayName(refOrId: string): string {
    const parsed = parseNormalizedNamed(refOrId);
    return parsed.ok ? familiarTagged(parsed.ref) : refOrId;
  }
}
