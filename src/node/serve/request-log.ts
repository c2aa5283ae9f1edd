/**
 * `dockersim serve --log-requests FILE`: each request a daemon receives, one JSON object
 * a line, in the order they arrive — what a docker CLI sends for a command, to read
 * beside the lab's API inspector (test/serve/requests records fixtures from it).
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import type { ApiRequest } from '../../sim-engine/api/transport.ts';

export interface LoggedRequest {
  node: string;
  method: string;
  /** the path, its escapes decoded, its version prefix kept */
  path: string;
  /** the query string as sent, without the `?` ('' when none) */
  query: string;
  /** the body as UTF-8 text; left out when there is none or it is a tar archive */
  body?: string;
}

/** What one request becomes in the log. */
export function loggedRequest(node: string, request: ApiRequest): LoggedRequest {
  const wire = request.wire;
  const entry: LoggedRequest = {
    node,
    method: request.method,
    // the router's path has every `%` escaped once more (request.ts routerPath): undone
    path: request.path.replaceAll('%25', '%'),
    query: wire?.query ?? new URLSearchParams(request.query ?? {}).toString(),
  };
  // a build context or a `docker cp` upload is binary: the server decoded it as a tar
  if (wire && wire.body !== '' && wire.decodedBody === undefined) entry.body = wire.body;
  return entry;
}

/** The log file cannot be written: serve says so and does not start. */
export class RequestLogError extends Error {}

/** A log in `file`, emptied at the start; each line is written as the request arrives. */
export function requestLog(file: string): (node: string, request: ApiRequest) => void {
  try {
    writeFileSync(file, '');
  } catch (err) {
    throw new RequestLogError(`cannot write the request log: ${(err as Error).message}`);
  }
  return (node, request) => appendFileSync(file, JSON.stringify(loggedRequest(node, request)) + '\n');
}
