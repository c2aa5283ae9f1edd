/**
 * The Engine API requests each node's docker CLI sent for the last command typed in
 * its terminal (the API inspector). It watches through `Engine.observeRequests` (the
 * engine's hook on the CLI's ApiClient); the lab panel says when a command starts
 * (`begin`), and requests until the next one belong to it. Requests made before any
 * command (the lesson's setup) are not kept.
 */
import type { ApiRequest, ApiResponse, Engine } from '../sim-engine/index.ts';

/** One request and its answer, as text ready to show. */
export interface ApiExchange {
  method: string;
  /** the path with its query string (`/v1.51/services/abc/update?version=12`) */
  path: string;
  status: number;
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
/** Longest body text kept. */
const BODY_LIMIT = 4000;

function bodyText(body: unknown): string | undefined {
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
  return text.length > BODY_LIMIT ? `${text.slice(0, BODY_LIMIT)}\n…` : text;
}

export function exchange(request: ApiRequest, response: ApiResponse): ApiExchange {
  const query = new URLSearchParams(request.query ?? {}).toString();
  return {
    method: request.method,
    path: query ? `${request.path}?${query}` : request.path,
    status: response.status,
    requestBody: bodyText(request.body),
    responseBody: request.method === 'HEAD' ? undefined : bodyText(response.body),
  };
}

export class ApiLog {
  readonly #last = new Map<string, ApiCommand>();
  readonly #stops: (() => void)[] = [];
  readonly #listeners = new Set<(node: string) => void>();

  constructor(engine: Pick<Engine, 'observeRequests'>, nodes: readonly string[]) {
    for (const node of nodes)
      this.#stops.push(
        engine.observeRequests(node, (request, response) => {
          const command = this.#last.get(node);
          if (!command) return;
          if (command.requests.length >= LIMIT) command.dropped++;
          else command.requests.push(exchange(request, response));
          this.#changed(node);
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
