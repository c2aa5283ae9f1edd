/**
 * The Engine API requests a node's docker CLI sends, in the order it sends them (the
 * engine's observeRequests, which feeds the API inspector): for tests of what a command
 * puts on the wire.
 */
import type { ApiRequest } from '../../src/sim-engine/api/transport.ts';
import type { Engine } from '../../src/sim-engine/hosts/engine.ts';

export interface SentRequest {
  method: string;
  /** without the version prefix */
  path: string;
  query: Record<string, string>;
  body: unknown;
}

/** Start watching; the returned list grows as requests are sent (`clear()` empties it). */
export function watchRequests(engine: Engine, node = 'node1'): SentRequest[] & { clear(): void } {
  const sent = [] as unknown as SentRequest[] & { clear(): void };
  sent.clear = () => void sent.splice(0);
  engine.observeRequests(node, (r: ApiRequest) => {
    sent.push({
      method: r.method,
      path: r.path.replace(/^\/v\d+\.\d+(?=\/)/, ''),
      query: { ...(r.query ?? {}) },
      body: r.body,
    });
  });
  return sent;
}

/** `METHOD /path?k=v…` of each request, the query in the order the command gave it. */
export const lines = (sent: readonly SentRequest[]): string[] =>
  sent.map((r) => {
    const q = new URLSearchParams(r.query).toString();
    return `${r.method} ${r.path}${q ? `?${q}` : ''}`;
  });
