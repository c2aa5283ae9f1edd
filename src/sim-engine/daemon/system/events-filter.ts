/**
 * Which events a `docker events --filter …` subscriber gets (moby daemon/events/
 * filter.go). Every condition must hold; within one key any value may match. Names
 * match by prefix ("fuzzy"), so `container=web` also takes `web2`; `image` matches
 * the image with or without its tag; keys the daemon does not know are ignored.
 */
import type { FilterArgs } from '../../api/filters.ts';
import type { EventMessage } from '../../api/types/system.ts';
import { parseNormalizedNamed } from '../../images/reference.ts';

/** The keys filter.go reads; any other key is accepted and has no effect. */
export const EVENT_FILTER_KEYS = [
  'config',
  'container',
  'daemon',
  'event',
  'image',
  'label',
  'network',
  'node',
  'plugin',
  'scope',
  'secret',
  'service',
  'type',
  'volume',
] as const;

/** Event actions that carry a suffix (`health_status: healthy`, `exec_start: sh`). */
const PREFIXED_ACTIONS = new Set(['health_status', 'exec_create', 'exec_start']);

/** Args.FuzzyMatch: no values, an equal value, or a value that starts `source`. */
export function fuzzyMatch(f: FilterArgs, key: string, source: string): boolean {
  if (f.exactMatch(key, source)) return true;
  return f.get(key).some((prefix) => source.startsWith(prefix));
}

/** reference.FamiliarName when the name parses; the name as it is otherwise. */
function stripTag(image: string): string {
  const parsed = parseNormalizedNamed(image);
  return parsed.ok ? parsed.ref.familiar : image;
}

export class EventFilter {
  readonly #f: FilterArgs;

  constructor(filters: FilterArgs) {
    this.#f = filters;
  }

  /** A filter with no keys takes every event (SubscribeTopic then uses no topic). */
  get empty(): boolean {
    return this.#f.size === 0;
  }

  include(ev: EventMessage): boolean {
    const f = this.#f;
    return (
      this.#matchEvent(ev) &&
      f.exactMatch('type', ev.Type) &&
      (!f.contains('scope') || f.exactMatch('scope', ev.scope)) &&
      this.#name(ev, 'daemon') &&
      this.#name(ev, 'container') &&
      this.#name(ev, 'plugin') &&
      this.#name(ev, 'volume') &&
      this.#name(ev, 'network') &&
      this.#image(ev) &&
      this.#name(ev, 'node') &&
      this.#name(ev, 'service') &&
      this.#name(ev, 'secret') &&
      this.#name(ev, 'config') &&
      (!f.contains('label') || f.matchKVList('label', ev.Actor.Attributes))
    );
  }

  #matchEvent(ev: EventMessage): boolean {
    // moby #25798: `event=health_status` must take `health_status: healthy` too
    if (this.#f.get('event').some((v) => PREFIXED_ACTIONS.has(v))) {
      return fuzzyMatch(this.#f, 'event', ev.Action);
    }
    return this.#f.exactMatch('event', ev.Action);
  }

  /** fuzzyMatchName: the actor's ID or its `name` attribute. */
  #name(ev: EventMessage, key: string): boolean {
    return (
      fuzzyMatch(this.#f, key, ev.Actor.ID) || fuzzyMatch(this.#f, key, ev.Actor.Attributes['name'] ?? '')
    );
  }

  /**
   * matchImage: image events by their ID and `name`, container events by their
   * `image` attribute, each also without its tag.
   */
  #image(ev: EventMessage): boolean {
    const id = ev.Actor.ID;
    const name = ev.Actor.Attributes[ev.Type === 'image' ? 'name' : 'image'] ?? '';
    const f = this.#f;
    return (
      f.exactMatch('image', id) ||
      f.exactMatch('image', name) ||
      f.exactMatch('image', stripTag(id)) ||
      f.exactMatch('image', stripTag(name))
    );
  }
}
