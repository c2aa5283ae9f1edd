/**
 * `POST /images/{name}/tag?repo=…&tag=…` (moby image_routes.go postImagesTag and
 * daemon/images/image_tag.go): check the new name as httputils.RepoTagReference
 * does, find the image (any lookup failure answers 404), point the tag at it —
 * taking it from another image if it named one — and log `tag`.
 */
import { invalidParameter, notFound, DaemonError } from '../../errdefs.ts';
import { familiarString, isValidTag, parseNormalizedNamed, type Reference } from '../../images/reference.ts';
import type { Daemon } from '../daemon.ts';
import { logImageEvent } from './image-events.ts';

/**
 * httputils.RepoTagReference: `repo` with `tag` (or `latest`); a digest is refused.
 * Returns undefined for an empty repo (no name at all).
 */
export function repoTagReference(repo: string, tag: string): Reference | undefined {
  if (repo === '') return undefined;
  const parsed = parseNormalizedNamed(repo);
  if (!parsed.ok) throw invalidParameter(parsed.error);
  if (parsed.ref.digest) throw invalidParameter('cannot import digest reference');
  if (tag !== '') {
    // reference.WithTag
    if (!isValidTag(tag)) throw invalidParameter('invalid tag format');
    return { ...parsed.ref, tag };
  }
  return { ...parsed.ref, tag: parsed.ref.tag ?? 'latest' };
}

/** Point a tag at an image (TagImage): the tag moves, the image's LastTagTime is now. */
export function tagImageId(d: Daemon, imageId: string, ref: Reference): void {
  if (ref.familiar === 'sha256') {
    throw invalidParameter('refusing to create an ambiguous tag using digest algorithm as name');
  }
  const familiar = familiarString({ ...ref, digest: undefined });
  d.images.tag(familiar, imageId);
  const image = d.images.get(imageId);
  if (image) image.lastTagTime = d.instant();
  logImageEvent(d, imageId, familiar, 'tag');
}

/** Returns false when there was no `repo` (moby then answers 200 and tags nothing). */
export function imageTag(d: Daemon, name: string, repo: string, tag: string): boolean {
  const ref = repoTagReference(repo, tag);
  if (!ref) return false;
  if (ref.familiar === 'sha256') {
    throw invalidParameter('refusing to create an ambiguous tag using digest algorithm as name');
  }
  let imageId: string;
  try {
    imageId = d.images.resolve(name).id;
  } catch (err) {
    // the route wraps any lookup error as NotFound, the invalid-reference one included
    if (err instanceof DaemonError) throw notFound(err.message);
    throw err;
  }
  tagImageId(d, imageId, ref);
  return true;
}
