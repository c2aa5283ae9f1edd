/**
 * The Engine API router: (method, path, query, body) → response, as dockerd's HTTP
 * server answers. Routes are one explicit list per object kind (routes/*.ts), matched
 * top to bottom. Version prefixes (`/v1.51/…`) are checked as moby's version
 * middleware does; errors become `{"message": …}` with the status of their kind.
 */
import { DaemonError } from '../errdefs.ts';
import type { ApiRequest, ApiResponse, ApiTransport, HttpMethod } from './transport.ts';
import { API_VERSION, ENGINE_VERSION, MIN_API_VERSION, compareVersions } from './version.ts';
import { decodeWire } from './wire.ts';

export interface RouteContext<D> {
  daemon: D;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  /** the API version the client asked for (the prefix), or the server's own */
  version: string;
  request: ApiRequest;
}

export type RouteHandler<D> = (ctx: RouteContext<D>) => Promise<ApiResponse> | ApiResponse;

export interface Route<D> {
  method: HttpMethod;
  /** e.g. `/containers/{name}/start`; `{name*}` matches the rest, slashes included */
  path: string;
  handler: RouteHandler<D>;
}

interface CompiledRoute<D> extends Route<D> {
  regex: RegExp;
  names: string[];
}

function compile<D>(route: Route<D>): CompiledRoute<D> {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const m = /^\{(\w+)(\*)?\}$/.exec(segment);
      if (!m) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(m[1]!);
      return m[2] ? '(.+)' : '([^/]+)';
    })
    .join('/');
  return { ...route, regex: new RegExp(`^${source}$`), names };
}

const SERVER = `Docker/${ENGINE_VERSION} (linux)`;

/** Headers every dockerd response carries. */
export function commonHeaders(version = API_VERSION): Record<string, string> {
  return {
    'Api-Version': version,
    'Docker-Experimental': 'false',
    Ostype: 'linux',
    Server: SERVER,
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { 'Content-Type': 'application/json', ...commonHeaders(), ...headers }, body };
}

export function noContent(status = 204): ApiResponse {
  return { status, headers: commonHeaders() };
}

export function errorResponse(status: number, message: string): ApiResponse {
  return json(status, { message });
}

/**
 * A path no route serves, or a method it does not take: moby's NotFoundHandler (also its
 * MethodNotAllowedHandler) runs outside the middlewares, so only Content-Type is set.
 */
export function pageNotFound(): ApiResponse {
  return {
    status: 404,
    headers: { 'Content-Type': 'application/json' },
    body: { message: 'page not found' },
  };
}

/**
 * A refused API version. The version middleware sets Server, Api-Version and Ostype and
 * fails before the experimental one adds Docker-Experimental; to a client older than
 * API 1.24 makeHTTPHandler answers in plain text (http.Error), which it can read.
 */
function versionError(version: string, message: string): ApiResponse {
  const { 'Docker-Experimental': _experimental, ...headers } = commonHeaders();
  if (compareVersions(version, '1.24') < 0) {
    return {
      status: 400,
      headers: {
        ...headers,
        'Content-Type': 'text/plain; charset=utf-8',
        'X-Content-Type-Options': 'nosniff',
      },
      body: `${message}\n`,
    };
  }
  return { status: 400, headers: { 'Content-Type': 'application/json', ...headers }, body: { message } };
}

/** gorilla/mux's `/v{version:[0-9.]+}` prefix */
const VERSION_PREFIX = /^\/v([0-9.]+)(\/.*)$/;

/** `/containers/{name}/json` → `containers`: routes are looked up by their first segment */
function firstSegment(path: string): string {
  const end = path.indexOf('/', 1);
  return end < 0 ? path.slice(1) : path.slice(1, end);
}

/**
 * @param settle runs before each request: what the daemon does at once in reaction to
 * an earlier request (a swarm orchestrator's reconciliation, a zero-delay timer) has
 * happened by the time the next request is served, as it has on a real daemon, where
 * those reactions take microseconds and requests arrive milliseconds apart.
 */
export function createRouter<D>(
  daemon: D,
  routes: ReadonlyArray<Route<D>>,
  settle: () => void = () => {},
): ApiTransport {
  const byFirst = new Map<string, CompiledRoute<D>[]>();
  for (const route of routes.map(compile)) {
    const key = firstSegment(route.path);
    byFirst.set(key, [...(byFirst.get(key) ?? []), route]);
  }
  return async (request: ApiRequest): Promise<ApiResponse> => {
    settle();
    let path = request.path;
    let version = API_VERSION;
    const prefixed = VERSION_PREFIX.exec(path);
    if (prefixed) {
      version = prefixed[1]!;
      path = prefixed[2]!;
    }
    const candidates = byFirst.get(firstSegment(path)) ?? [];
    for (let r = 0; r < candidates.length; r++) {
      const route = candidates[r]!;
      // the method first: it rules out most routes without running their pattern (a
      // GET route does not take HEAD: mux matches methods exactly)
      if (route.method !== request.method) continue;
      const m = route.regex.exec(path);
      if (!m) continue;
      // the version middleware runs only for a path some route serves
      if (compareVersions(version, API_VERSION) > 0) {
        return versionError(
          version,
          `client version ${version} is too new. Maximum supported API version is ${API_VERSION}`,
        );
      }
      if (compareVersions(version, MIN_API_VERSION) < 0) {
        return versionError(
          version,
          `client version ${version} is too old. Minimum supported API version is ${MIN_API_VERSION}, please upgrade your client to a newer version`,
        );
      }
      let query = request.query ?? {};
      let body = request.body;
      if (request.wire) {
        const decoded = decodeWire(request.wire, request.method);
        if ('error' in decoded) return errorResponse(400, decoded.error);
        ({ query, body } = decoded);
      }
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => {
        params[name] = safeDecode(m[i + 1]!);
      });
      try {
        return await route.handler({
          daemon,
          params,
          query,
          body,
          version,
          request,
        });
      } catch (err) {
        return fromError(err);
      }
    }
    // moby answers a wrong method as it answers a wrong path (its MethodNotAllowedHandler)
    return pageNotFound();
  };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A daemon error becomes its status and message; anything else is a 500 with its text. */
export function fromError(err: unknown): ApiResponse {
  if (err instanceof DaemonError) {
    if (err.status === 304) return noContent(304);
    return errorResponse(err.status, err.message);
  }
  const message = err instanceof Error ? err.message : String(err);
  return errorResponse(500, message);
}
