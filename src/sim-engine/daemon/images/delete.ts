/**
 * `DELETE /images/{name}?force=&noprune=` (moby daemon/images/image_delete.go).
 *
 * A name removes that reference ("untag"); the image itself goes only when no other
 * reference is left, quietly skipping any conflict. An ID (or ID prefix) deletes the
 * image, with its references when they are all in one repository. What can stop a
 * deletion:
 *
 * - hard (never forced): a child image; a running container using the image;
 * - soft (`-f` overrides): other references; a stopped container using the image.
 *
 * The response lists `Untagged:` and `Deleted:` records in the order they happened:
 * references, the image, the layers it freed (top first), then the same for each
 * untagged parent (unless `noprune`).
 */
import type { DeleteResponse } from '../../api/types/image.ts';
import { conflict, DaemonError, invalidParameter } from '../../errdefs.ts';
import { parseNormalizedNamed } from '../../images/reference.ts';
import type { Container } from '../container.ts';
import type { Daemon } from '../daemon.ts';
import { logImageEvent } from './image-events.ts';
import { releasedLayers } from './layers.ts';
import { familiarTagged, type ImageRef } from './store.ts';

const DEPENDENT_CHILD = 1;
const RUNNING_CONTAINER = 2;
const ACTIVE_REFERENCE = 4;
const STOPPED_CONTAINER = 8;
const HARD = DEPENDENT_CHILD | RUNNING_CONTAINER;
const SOFT = ACTIVE_REFERENCE | STOPPED_CONTAINER;

export interface ImageDeleteOptions {
  force: boolean;
  /** delete untagged parents too (`!noprune`) */
  prune: boolean;
}

/** moby's imageDeleteConflict: its text, and whether a container was the cause. */
class DeleteConflict extends DaemonError {
  readonly used: boolean;
  constructor(imageId: string, hard: boolean, used: boolean, message: string) {
    super(
      'Conflict',
      `conflict: unable to delete ${short(imageId)} (${hard ? 'cannot be forced' : 'must be forced'}) - ${message}`,
    );
    this.used = used;
  }
}

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

/** A running container in moby's sense: restarting counts, as State.Running stays set. */
const isRunning = (c: Container) => c.isRunning || c.status === 'restarting';

/** containers.First: the first container (in creation order) that matches. */
function firstContainer(d: Daemon, match: (c: Container) => boolean): Container | undefined {
  return [...d.containers.values()].find(match);
}

export function imageDelete(d: Daemon, imageRef: string, options: ImageDeleteOptions): DeleteResponse[] {
  if (imageRef.trim() === '') throw invalidParameter('image name cannot be blank');
  const records: DeleteResponse[] = [];
  const image = d.images.resolve(imageRef);
  const id = image.id;
  let repoRefs = d.images.references(id);
  let removedRepositoryRef = false;

  if (!isImageIdPrefix(id, imageRef)) {
    // A name: remove that reference first, unless a container would be left with a
    // nameless image and the user did not insist.
    if (!options.force && isSingleReference(repoRefs)) {
      const c = firstContainer(d, (x) => x.imageId === id);
      if (c) {
        throw conflict(
          `conflict: unable to remove repository reference "${imageRef}" (must force) - container ${short(c.id)} is using its referenced image ${short(id)}`,
        );
      }
    }
    const parsed = parseNormalizedNamed(imageRef);
    if (!parsed.ok) throw new Error(parsed.error);
    // the store files `name:tag@digest` under its digest; the record keeps what was given
    d.images.untag(familiarTagged(parsed.ref.digest ? { ...parsed.ref, tag: undefined } : parsed.ref));
    records.push({ Untagged: familiarTagged(parsed.ref) });
    logImageEvent(d, id, id, 'untag');
    repoRefs = d.images.references(id);

    // A tag went and no other tag of that repository is left: its digests go too.
    const fullName = `${parsed.ref.domain}/${parsed.ref.path}`;
    if (!parsed.ref.digest && !repoRefs.some((r) => !r.digest && r.fullName === fullName)) {
      const remaining: ImageRef[] = [];
      for (const r of repoRefs) {
        if (r.digest && r.fullName === fullName) {
          d.images.untag(r.familiar);
          records.push({ Untagged: r.familiar });
        } else remaining.push(r);
      }
      repoRefs = remaining;
    }
    if (repoRefs.length > 0) return records;
    removedRepositoryRef = true;
  } else if (isSingleReference(repoRefs)) {
    // An ID, and all its names in one repository: they go with it.
    const mask = options.force ? HARD : HARD | (SOFT & ~ACTIVE_REFERENCE);
    const found = checkConflict(d, id, mask);
    if (found) throw found;
    for (const r of repoRefs) {
      d.images.untag(r.familiar);
      logImageEvent(d, id, id, 'untag');
      records.push({ Untagged: r.familiar });
    }
  }

  deleteHelper(d, id, records, options.force, options.prune, removedRepositoryRef);
  return records;
}

/**
 * imageDeleteHelper: delete the image if nothing stops it, then its untagged parent
 * (quietly). `quiet` skips a conflict unless the image is dangling and unused.
 */
function deleteHelper(
  d: Daemon,
  id: string,
  records: DeleteResponse[],
  force: boolean,
  prune: boolean,
  quiet: boolean,
): void {
  const found = checkConflict(d, id, force ? HARD : HARD | SOFT);
  if (found) {
    if (quiet && (!isDangling(d, id) || found.used)) return;
    throw found;
  }
  const image = d.images.get(id)!;
  for (const r of d.images.references(id)) {
    d.images.untag(r.familiar);
    logImageEvent(d, id, id, 'untag');
    records.push({ Untagged: r.familiar });
  }
  const freed = releasedLayers(d, image);
  d.images.delete(id);
  logImageEvent(d, id, id, 'delete');
  records.push({ Deleted: id });
  for (const layer of freed) records.push({ Deleted: layer.chainId });
  if (!prune || image.parent === '' || !d.images.get(image.parent)) return;
  deleteHelper(d, image.parent, records, false, true, true);
}

function checkConflict(d: Daemon, id: string, mask: number): DeleteConflict | undefined {
  if (mask & DEPENDENT_CHILD && d.images.children(id).length > 0) {
    return new DeleteConflict(id, true, false, 'image has dependent child images');
  }
  if (mask & RUNNING_CONTAINER) {
    const c = firstContainer(d, (x) => x.imageId === id && isRunning(x));
    if (c)
      return new DeleteConflict(id, true, true, `image is being used by running container ${short(c.id)}`);
  }
  if (mask & ACTIVE_REFERENCE && d.images.references(id).length > 0) {
    return new DeleteConflict(id, false, false, 'image is referenced in multiple repositories');
  }
  if (mask & STOPPED_CONTAINER) {
    const c = firstContainer(d, (x) => !isRunning(x) && x.imageId === id);
    if (c)
      return new DeleteConflict(id, false, true, `image is being used by stopped container ${short(c.id)}`);
  }
  return undefined;
}

function isDangling(d: Daemon, id: string): boolean {
  return d.images.references(id).length === 0 && d.images.children(id).length === 0;
}

/** isSingleReference: at most one tag, and every reference in that tag's repository. */
export function isSingleReference(refs: readonly ImageRef[]): boolean {
  if (refs.length <= 1) return refs.length === 1;
  let single: ImageRef | undefined;
  const digestRepos = new Set<string>();
  for (const r of refs) {
    if (r.digest) digestRepos.add(r.fullName);
    else if (!single) single = r;
    else return false;
  }
  single ??= refs[0]!;
  return digestRepos.size === 1 && digestRepos.has(single.fullName);
}

/** isImageIDPrefix: `imageRef` starts the ID, with or without its `sha256:`. */
export function isImageIdPrefix(imageId: string, imageRef: string): boolean {
  if (imageId.startsWith(imageRef)) return true;
  const colon = imageId.indexOf(':');
  return colon >= 0 && imageId.slice(colon + 1).startsWith(imageRef);
}
