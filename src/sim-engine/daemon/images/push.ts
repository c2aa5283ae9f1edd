/**
 * `POST /images/{name}/push?tag=…` (moby distribution/push.go, push_v2.go and
 * xfer/upload.go): announce the repository, find the tag(s) to push, then prepare
 * every layer of the image top first (`Preparing`, by the first 12 digits of its diff
 * ID), five uploads at a time (the rest `Waiting`).
 *
 * Differs from Docker: there is no `docker login` in a lab, so Docker Hub refuses
 * every upload with the registry's `denied: requested access to the resource is
 * denied`, as it does for an anonymous push; other registries do not answer (they
 * come with the registry container).
 */
import { AsyncQueue } from '../../api/stream.ts';
import { invalidParameter } from '../../errdefs.ts';
import { familiarString, parseNormalizedNamed, type Reference } from '../../images/reference.ts';
import type { Daemon } from '../daemon.ts';
import { repoTagReference } from './tag.ts';
import { labRegistryAnswers, REGISTRY_CONTAINERS } from './pull.ts';

type Message = Record<string, unknown>;

/** dockerd's max-concurrent-uploads default. */
const CONCURRENCY = 5;
/** Time until the registry answers the first upload (token, then a blob HEAD). */
const ANSWER_MS = 700;

/** The route's reading of name and tag (RepoTagReference, or the name alone for -a). */
export function planPush(name: string, tag: string): Reference {
  if (tag !== '') return repoTagReference(name, tag)!;
  const parsed = parseNormalizedNamed(name);
  if (!parsed.ok) throw invalidParameter(parsed.error);
  return parsed.ref;
}

export function pushImage(d: Daemon, ref: Reference): AsyncQueue<Message> {
  const queue = new AsyncQueue<Message>();
  const fail = (message: string) => {
    queue.push({ errorDetail: { message }, error: message });
    queue.close();
  };
  queue.push({ status: `The push refers to repository [${ref.domain}/${ref.path}]` });
  const associations = d.images.referencesByName(ref.familiar);
  if (associations.length === 0) {
    fail(`An image does not exist locally with the tag: ${ref.familiar}`);
    return queue;
  }
  if (labRegistryAnswers(d, ref)) {
    d.clock.after(ANSWER_MS, () => fail(REGISTRY_CONTAINERS));
    return queue;
  }
  const found = d.registry.lookup(ref);
  if (!found.ok && found.reason === 'unreachable') {
    d.clock.after(ANSWER_MS, () => fail(found.message));
    return queue;
  }
  let imageId: string | undefined;
  if (ref.tag !== undefined) {
    imageId = d.images.byRef(ref)?.id;
    if (!imageId) {
      fail(`tag does not exist: ${familiarString(ref)}`);
      return queue;
    }
  } else {
    const first = associations.find((a) => a.tag !== undefined);
    if (!first) {
      fail(`no tags to push for ${ref.familiar}`);
      return queue;
    }
    imageId = first.id;
  }
  const image = d.images.get(imageId)!;
  const layers = [...image.layers].reverse();
  for (const l of layers) queue.push({ status: 'Preparing', progressDetail: {}, id: l.diffId.slice(7, 19) });
  const unique = [...new Set(layers.map((l) => l.diffId))];
  for (const diffId of unique.slice(CONCURRENCY))
    queue.push({ status: 'Waiting', progressDetail: {}, id: diffId.slice(7, 19) });
  d.clock.after(ANSWER_MS, () => fail('denied: requested access to the resource is denied'));
  return queue;
}
