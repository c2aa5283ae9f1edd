/**
 * The Engine API requests each node's docker CLI sent for the last command typed in
 * its terminal (the API inspector). It watches through `Engine.observeRequests` (the
 * engine's hook on the CLI's ApiClient); the lab panel says when a command starts
 * (`begin`), and requests until the next one belong to it, in the order the CLI sends
 * them, each answered when its answer comes. Requests made before any command (the
 * lesson's setup) are not kept.
 */
import type { ApiRequest, ApiResponse, Engine } from '../sim-engine/index.ts';

/** One request and its answer, as text ready to show. */
export interface ApiExchange {
  method: string;
  /**
   * the path with its query string as the docker CLI puts it on the wire
   * (`/v1.51/containers/json?all=1&filters=%7B%22status%22%3A%7B%22exited%22%3Atrue%7D%7D`)
   */
  path: string;
  /** the answer's status; undefined while none has come (a wait, until the container exits) */
  status?: number;
  /** the request's JSON body, pretty-printed; undefined when none */
  requestBody?: string;
  /** the answer's body, pretty-printed (`(stream)` for a streamed one); undefined when none */
  responseBody?: string;
}

export interface ApiCommand {
  node: string;
  line: string;
  requests: ApiExchange[];
  /** requests left out past the limit */
  dropped: number;
}

/** Most requests kept for one command (a `service create` that waits polls many times). */
const LIMIT = 500;
/**
 * Longest body text kept: a request's (a `container create` or `service update` body,
 * pretty-printed, is a few KB, and is shown whole) and an answer's (a list can be long).
 */
const REQUEST_BODY_LIMIT = 64_000;
const RESPONSE_BODY_LIMIT = 4000;

function bodyText(body: unknown, limit: number): string | undefined {
  if (body === undefined || body === null || body === '') return undefined;
  let text: string;
  if (typeof body === 'string') text = body;
  else if (typeof body === 'object' && ('kind' in body || Symbol.asyncIterator in body)) return '(stream)';
  else {
    try {
      text = JSON.stringify(body, null, 2);
    } catch {
      return '(not JSON)';
    }
  }
  return text.length > limit ? `${text.slice(0, limit)}\n…` : text;
}

/**
 * Query keys the in-process client sends once with their values joined by newlines
 * (api/wire.ts), which the Go client repeats (`t=a&t=b`).
 */
const REPEATED_KEYS = new Set(['t', 'changes', 'nocache-filter']);

/** Go's url.QueryEscape: only letters, digits and `-_.~` stay; a space is `+`. */
export function goQueryEscape(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(ch)) out += ch;
    else if (byte === 0x20) out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * The query string as the docker CLI sends it: moby's client builds a url.Values, whose
 * Encode sorts the keys and escapes them with QueryEscape.
 */
export function goQueryString(query: Record<string, string>): string {
  const pairs: string[] = [];
  for (const key of Object.keys(query).sort()) {
    const value = query[key]!;
    const values = REPEATED_KEYS.has(key) ? value.split('\n') : [value];
    for (const v of values) pairs.push(`${goQueryEscape(key)}=${goQueryEscape(v)}`);
  }
  return pairs.join('&');
}

/** A request as sent; its answer is filled in when it comes (`answer`). */
export function exchange(request: ApiRequest): ApiExchange {
  const query = goQueryString(request.query ?? {});
  return {
    method: request.method,
    path: query ? `${request.path}?${query}` : request.path,
    requestBody: bodyText(request.body, REQUEST_BODY_LIMIT),
  };
}

/** Fill in an exchange's answer. */
export function answer(exchanged: ApiExchange, method: string, response: ApiResponse): void {
  exchanged.status = response.status;
  exchanged.responseBody = method === 'HEAD' ? undefined : bodyText(response.body, RESPONSE_BODY_LIMIT);
}

export class ApiLog {
  readonly #last = new Map<string, ApiCommand>();
  readonly #stops: (() => void)[] = [];
  readonly #listeners = new Set<(node: string) => void>();

  constructor(engine: Pick<Engine, 'observeRequests'>, nodes: readonly string[]) {
    for (const node of nodes)
      this.#stops.push(
        engine.observeRequests(node, (request) => {
          const command = this.#last.get(node);
          if (!command) return;
          if (command.requests.length >= LIMIT) {
            command.dropped++;
            this.#changed(node);
            return;
          }
          const sent = exchange(request);
          command.requests.push(sent);
          this.#changed(node);
          return (response) => {
            answer(sent, request.method, response);
            // an answer to a command no longer shown changes nothing on screen
            if (this.#last.get(node) === command) this.#changed(node);
          };
        }),
      );
  }

  /** A command line was started in `node`'s terminal: its requests replace the last command's. */
  begin(node: string, line: string): void {
    this.#last.set(node, { node, line, requests: [], dropped: 0 });
    this.#changed(node);
  }

  /** The last command started on `node`, with the requests its docker CLI sent so far. */
  last(node: string): ApiCommand | undefined {
    return this.#last.get(node);
  }

  /** Be told when a node's last command or its requests change. */
  onChange(listener: (node: string) => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  dispose(): void {
    for (const stop of this.#stops) stop();
    this.#listeners.clear();
  }

  #changed(node: string): void {
    for (const l of this.#listeners) l(node);
  }
}

const logs = new WeakMap<object, ApiLog>();

/** The API log of a page lab, made the first time it is asked for (the lab panel asks as the lab starts). */
export function apiLogFor(lab: {
  engine: Pick<Engine, 'observeRequests'>;
  nodes: readonly string[];
}): ApiLog {
  let log = logs.get(lab);
  if (!log) logs.set(lab, (log = new ApiLog(lab.engine, lab.nodes)));
  return log;
}
