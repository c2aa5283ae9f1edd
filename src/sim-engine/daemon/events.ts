/**
 * The daemon's event log (`docker events`): every create, start, die, pull, mount…
 * as moby's events service records them, kept for `--since`/`--until` replay and
 * pushed to live subscribers.
 */
import type { EventMessage } from '../api/types/system.ts';
import type { Instant } from './instant.ts';

/** moby keeps the last 256 events for replay (events.eventsLimit). */
const LIMIT = 256;

export interface LoggedEvent {
  message: EventMessage;
  time: Instant;
}

export type EventSubscriber = (event: LoggedEvent) => void;

/**
 * Sort names in place by UTF-16 code units, as `sort()` does: an insertion sort, as
 * an event has a handful of attributes and `sort()` allocates a work copy per call.
 */
function sortNames(names: string[]): void {
  for (let i = 1; i < names.length; i++) {
    const name = names[i]!;
    let j = i - 1;
    while (j >= 0 && names[j]! > name) {
      names[j + 1] = names[j]!;
      j--;
    }
    names[j + 1] = name;
  }
}

export class EventLog {
  readonly #events: LoggedEvent[] = [];
  readonly #subscribers = new Set<EventSubscriber>();

  log(
    time: Instant,
    type: string,
    action: string,
    id: string,
    attributes: Record<string, string>,
    scope = 'local',
  ): void {
    const sorted: Record<string, string> = {};
    const keys = Object.keys(attributes);
    sortNames(keys);
    for (let i = 0; i < keys.length; i++) sorted[keys[i]!] = attributes[keys[i]!]!;
    const message: EventMessage = {
      Type: type,
      Action: action,
      Actor: { ID: id, Attributes: sorted },
      scope,
      time: Math.floor(time.ms / 1000),
      timeNano: time.ms * 1_000_000 + time.nano,
    };
    // Containers and images still carry the deprecated fields (daemon/events/events.go).
    if (type === 'container' || type === 'image') {
      const legacy: Partial<EventMessage> = { status: action, id };
      if (type === 'container' && attributes['image']) legacy.from = attributes['image'];
      this.push({ message: { ...legacy, ...message } as EventMessage, time });
      return;
    }
    this.push({ message, time });
  }

  private push(event: LoggedEvent): void {
    this.#events.push(event);
    if (this.#events.length > LIMIT) this.#events.shift();
    for (const s of this.#subscribers) s(event);
  }

  /** Past events (oldest first). */
  history(): readonly LoggedEvent[] {
    return this.#events;
  }

  subscribe(fn: EventSubscriber): () => void {
    this.#subscribers.add(fn);
    return () => this.#subscribers.delete(fn);
  }
}
