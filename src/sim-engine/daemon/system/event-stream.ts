/**
 * `GET /events` (moby api/server/router/system getEvents + daemon/events): replay the
 * kept events between `since` and `until`, then — unless `until` is already past —
 * follow new ones until `until` comes or the client hangs up. Times are
 * `seconds[.nanoseconds]` as the CLI's timetypes.GetTimestamp sends them.
 */
import { AsyncQueue } from '../../api/stream.ts';
import { FilterArgs } from '../../api/filters.ts';
import { parseInt10 } from '../../api/timetypes.ts';
import type { EventMessage } from '../../api/types/system.ts';
import { invalidParameter, systemError } from '../../errdefs.ts';
import type { Daemon } from '../daemon.ts';
import type { LoggedEvent } from '../events.ts';
import type { Instant } from '../instant.ts';
import { EventFilter } from './events-filter.ts';

const NS_PER_MS = 1_000_000n;
const NS_PER_S = 1_000_000_000n;

/** Open event streams per daemon (Events.SubscribersCount, `docker info`'s EventsListeners). */
const listeners = new WeakMap<Daemon, number>();

export function eventListeners(d: Daemon): number {
  return listeners.get(d) ?? 0;
}

/** An instant as nanoseconds since the epoch. */
export function instantNanos(t: Instant): bigint {
  return BigInt(t.ms) * NS_PER_MS + BigInt(t.nano);
}

/**
 * timetypes.ParseTimestamps(value, -1) then time.Unix: nanoseconds since the epoch,
 * or undefined for Go's zero time (no value, or `-1` seconds). A fraction longer than
 * nine digits is scaled down, as Go's float arithmetic does.
 */
export function parseEventTime(value: string | undefined): bigint | undefined {
  if (value === undefined || value === '') return undefined;
  const dot = value.indexOf('.');
  const secText = dot < 0 ? value : value.slice(0, dot);
  try {
    const sec = parseInt10(secText);
    let nsec = 0n;
    if (dot >= 0) {
      const frac = value.slice(dot + 1);
      const n = parseInt10(frac);
      nsec = BigInt(Math.trunc(Number(n) * 10 ** (9 - frac.length)));
    }
    if (sec === -1n) return undefined;
    return sec * NS_PER_S + nsec;
  } catch (err) {
    // a strconv error is no errdefs kind: dockerd answers 500
    throw systemError((err as Error).message);
  }
}

/** The message as the API sends it: timeNano exact (the log keeps a rounded number). */
function wire(e: LoggedEvent): Record<string, unknown> {
  const m: EventMessage = { ...e.message, timeNano: instantNanos(e.time) };
  return m as unknown as Record<string, unknown>;
}

export interface EventsQuery {
  since?: string;
  until?: string;
  filters?: string;
  /** the client's API version is below 1.46, which had no image `create` events */
  noImageCreate?: boolean;
}

/** Open an event stream; errors (bad times, bad filters) throw before anything is sent. */
export function streamEvents(d: Daemon, query: EventsQuery): AsyncQueue<Record<string, unknown>> {
  const since = parseEventTime(query.since);
  const until = parseEventTime(query.until);
  const nowNs = BigInt(d.clock.now()) * NS_PER_MS;
  let onlyPast = false;
  if (until !== undefined) {
    if (since !== undefined && until < since) {
      throw invalidParameter(
        `\`since\` time (${query.since ?? ''}) cannot be after \`until\` time (${query.until ?? ''})`,
      );
    }
    // Go compares with a nanosecond clock, which has always moved on; an `until` of
    // this very millisecond is past too (its timer would fire at once)
    onlyPast = until <= nowNs;
  }
  const filter = new EventFilter(FilterArgs.parse(query.filters));
  const take = (m: EventMessage) =>
    !(query.noImageCreate && m.Type === 'image' && m.Action === 'create') &&
    (filter.empty || filter.include(m));

  // set once the live subscription starts; the queue's close undoes whatever was set up
  const live: { unsubscribe?: () => void } = {};
  let timer: ReturnType<Daemon['clock']['at']> | undefined;
  let open = !onlyPast;
  if (open) listeners.set(d, eventListeners(d) + 1);
  const queue = new AsyncQueue<Record<string, unknown>>(() => {
    live.unsubscribe?.();
    d.clock.cancel(timer);
    if (open) listeners.set(d, eventListeners(d) - 1);
    open = false;
  });

  for (const e of buffered(d, since, until)) if (take(e.message)) queue.push(wire(e));
  if (onlyPast) {
    queue.close();
    return queue;
  }
  live.unsubscribe = d.events.subscribe((e) => {
    if (take(e.message)) queue.push(wire(e));
  });
  if (until !== undefined) {
    // the handler's timer: the stream ends when `until` comes
    const dueMs = Number((until + NS_PER_MS - 1n) / NS_PER_MS);
    timer = d.clock.at(dueMs, () => queue.close());
  }
  return queue;
}

/**
 * loadBufferedEvents: nothing when neither bound is set; otherwise the kept events
 * from `since` on, newest first until one is older than `since`, without those after
 * `until`, returned oldest first.
 */
function buffered(d: Daemon, since: bigint | undefined, until: bigint | undefined): LoggedEvent[] {
  if (since === undefined && until === undefined) return [];
  const from = since ?? 0n;
  const history = d.events.history();
  const out: LoggedEvent[] = [];
  for (let i = history.length - 1; i >= 0; i--) {
    const e = history[i]!;
    const t = instantNanos(e.time);
    if (t < from) break;
    if (until !== undefined && until > 0n && t > until) continue;
    out.push(e);
  }
  return out.reverse();
}
