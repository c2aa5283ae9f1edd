/**
 * The daemon's images and their names, as moby's image store and reference store
 * together: lookup by reference (`nginx`, `nginx:1.25`, `localhost:5000/app:1`), by
 * full or short ID, with Docker's "No such image" texts.
 */
import { notFound } from '../../errdefs.ts';
import { familiarString, parseNormalizedNamed, type Reference } from '../../images/reference.ts';
import type { ImageRecord } from './record.ts';

/** `nginx` → `nginx:latest`; a digest reference stays as it is. */
export function familiarTagged(ref: Reference): string {
  if (ref.digest || ref.tag) return familiarString(ref);
  return familiarString({ ...ref, tag: 'latest' });
}

export class ImageStore {
  readonly #byId = new Map<string, ImageRecord>();
  /** familiar reference (`nginx:latest`, `nginx@sha256:…`) → image id */
  readonly #refs = new Map<string, string>();

  all(): ImageRecord[] {
    return [...this.#byId.values()];
  }

  get(id: string): ImageRecord | undefined {
    return this.#byId.get(id);
  }

  add(image: ImageRecord): void {
    this.#byId.set(image.id, image);
  }

  delete(id: string): void {
    const image = this.#byId.get(id);
    if (!image) return;
    for (const t of image.repoTags) this.#refs.delete(t);
    for (const d of image.repoDigests) this.#refs.delete(d);
    this.#byId.delete(id);
  }

  /** Point `familiar` (e.g. `nginx:latest`) at image `id`, taking it from any other image. */
  tag(familiar: string, id: string): void {
    const previous = this.#refs.get(familiar);
    if (previous === id) return;
    if (previous) {
      const old = this.#byId.get(previous);
      if (old) old.repoTags = old.repoTags.filter((t) => t !== familiar);
    }
    this.#refs.set(familiar, id);
    const image = this.#byId.get(id)!;
    if (!image.repoTags.includes(familiar)) image.repoTags.push(familiar);
  }

  untag(familiar: string): void {
    const id = this.#refs.get(familiar);
    if (!id) return;
    this.#refs.delete(familiar);
    const image = this.#byId.get(id);
    if (image) {
      image.repoTags = image.repoTags.filter((t) => t !== familiar);
      image.repoDigests = image.repoDigests.filter((t) => t !== familiar);
    }
  }

  addDigest(familiar: string, id: string): void {
    this.#refs.set(familiar, id);
    const image = this.#byId.get(id)!;
    if (!image.repoDigests.includes(familiar)) image.repoDigests.push(familiar);
  }

  byReference(familiar: string): ImageRecord | undefined {
    const id = this.#refs.get(familiar);
    return id ? this.#byId.get(id) : undefined;
  }

  /**
   * moby's GetImage: a full or short image ID (with or without `sha256:`), else a
   * reference. Throws NotFound with Docker's text.
   */
  resolve(refOrId: string): ImageRecord {
    const found = this.find(refOrId);
    if (found) return found;
    throw notFound(`No such image: ${this.displayName(refOrId)}`);
  }

  find(refOrId: string): ImageRecord | undefined {
    const hex = refOrId.startsWith('sha256:') ? refOrId.slice(7) : refOrId;
    if (/^[0-9a-f]{64}$/.test(hex)) return this.#byId.get('sha256:' + hex);
    const parsed = parseNormalizedNamed(refOrId);
    if (parsed.ok) {
      const byRef = this.byReference(familiarTagged(parsed.ref));
      if (byRef) return byRef;
    }
    if (/^(sha256:)?[0-9a-f]{1,63}$/.test(refOrId)) {
      // a short ID: unique prefix of an image ID (moby requires the prefix to be unambiguous)
      const matches = this.all().filter((i) => i.id.slice(7).startsWith(hex));
      if (matches.length === 1) return matches[0];
    }
    return undefined;
  }

  /** The name "No such image" shows: a reference gets `:latest`, anything else stays. */
  displayName(refOrId: string): string {
    const parsed = parseNormalizedNamed(refOrId);
    return parsed.ok ? familiarTagged(parsed.ref) : refOrId;
  }
}
