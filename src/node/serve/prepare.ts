/**
 * What a request becomes before the router sees it: the ApiRequest (request.ts reads
 * the target and headers), with a tar body decoded for the routes that take one — or an
 * answer the server gives itself, as Go's server and gorilla/mux do before any handler:
 * 400 for a request line it cannot read, 301 to a clean path, 404 for a method no route
 * has, 413 past the body limit.
 */
import type { IncomingMessage } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { commonHeaders, pageNotFound } from '../../sim-engine/api/router.ts';
import type { ApiRequest, ApiResponse } from '../../sim-engine/api/transport.ts';
import type { TarArchive } from '../../sim-engine/daemon/archive.ts';
import { apiRequest, BodyTooLarge, isApiMethod, readTarget } from './request.ts';
import { parseTar, TarError } from './tar.ts';

/** Bodies that are tar streams: the build context, and an upload of `docker cp`. */
function tarBody(method: string, path: string): boolean {
  const p = path.replace(/^\/v[0-9.]+/, '');
  return (
    (method === 'POST' && p === '/build') || (method === 'PUT' && /^\/containers\/[^/]+\/archive$/.test(p))
  );
}

/**
 * The build route's body from a classic `/build` request: the legacy builder finds the
 * Dockerfile (the `dockerfile` parameter, `Dockerfile` by default) and .dockerignore in
 * the context tar; the route takes the Dockerfile's text apart, as BuildKit's session
 * sends it.
 */
function buildBody(context: TarArchive, rawQuery: string): unknown {
  const name = (new URLSearchParams(rawQuery).get('dockerfile') || 'Dockerfile').replace(/^(\.\/)+/, '');
  const find = (path: string) => context.entries.find((e) => e.kind === 'file' && e.path === path);
  const ignore = find('.dockerignore');
  return {
    context,
    dockerfile: find(name)?.data,
    dockerignoreSize: ignore ? Buffer.byteLength(ignore.data ?? '') : 0,
  };
}

/** A gzip stream's contents (its magic bytes first); anything else as it is. */
export function gunzipped(body: Buffer): Buffer {
  if (body.length < 2 || body[0] !== 0x1f || body[1] !== 0x8b) return body;
  try {
    return gunzipSync(body);
  } catch (err) {
    throw new TarError(err instanceof Error ? err.message : String(err));
  }
}

/** `/containers/{name}/wait` answers its headers as soon as the wait is set up. */
export const isWait = (method: string, path: string) =>
  method === 'POST' && /^(?:\/v[0-9.]+)?\/containers\/[^/]+\/wait$/.test(path);

/** What a request's headers, body and target become: an ApiRequest, or a response already. */
export type Prepared = { request: ApiRequest } | { response: ApiResponse; close?: boolean };

/** A response dockerd's router never produced: the server's own (400, 413, 301). */
export function plain(status: number, headers: Record<string, string>, body?: unknown): ApiResponse {
  return { status, headers, body };
}

/**
 * The Host names a browser may not send to a loopback port (DNS rebinding: a web page
 * whose name resolves to 127.0.0.1 would reach the lab, and through bind mounts the
 * shared folder's files); the docker CLI names the address, or `api.moby.localhost` on a
 * socket. Differs from Docker: dockerd checks no Host.
 */
export function loopbackHost(host: string | undefined): boolean {
  if (host === undefined || host === '') return true;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d*$/, '');
  return ['localhost', '127.0.0.1', '[::1]', 'api.moby.localhost', 'docker'].includes(name.toLowerCase());
}

export function prepare(
  req: IncomingMessage,
  body: Buffer | BodyTooLarge,
  o: { checkHost?: boolean } = {},
): Prepared {
  if (o.checkHost && !loopbackHost(req.headers.host)) {
    return {
      response: plain(
        403,
        { 'Content-Type': 'application/json', ...commonHeaders() },
        { message: `dockersim serve answers requests for localhost only, not for ${req.headers.host}` },
      ),
      close: true,
    };
  }
  if (body instanceof BodyTooLarge) {
    // Differs from Docker: dockerd takes a body of any size; this server holds bodies in
    // memory, so past a limit it refuses them as Go's MaxBytesReader would
    return {
      response: plain(
        413,
        { 'Content-Type': 'application/json', ...commonHeaders() },
        { message: body.message },
      ),
      close: true,
    };
  }
  const target = readTarget(req.url ?? '/');
  if (target.kind === 'bad')
    return {
      response: plain(400, { 'Content-Type': 'text/plain; charset=utf-8' }, '400 Bad Request'),
      close: true,
    };
  if (target.kind === 'redirect') return { response: plain(301, { Location: target.location }) };
  const method = req.method ?? 'GET';
  // a method no route has: mux's MethodNotAllowedHandler, which is its 404
  if (!isApiMethod(method)) return { response: pageNotFound() };
  const request = apiRequest(req, method, target, body instanceof Buffer ? body : Buffer.alloc(0));
  if (tarBody(method, target.path) && body.length > 0) {
    try {
      // an upload is the archive itself; a build's context carries its Dockerfile, and
      // comes gzipped with `docker build --compress` (moby's DetectCompression)
      request.wire!.decodedBody =
        method === 'PUT' ? parseTar(body) : buildBody(parseTar(gunzipped(body)), target.rawQuery);
    } catch (err) {
      if (!(err instanceof TarError)) throw err;
      return {
        response: plain(
          400,
          { 'Content-Type': 'application/json', ...commonHeaders() },
          { message: err.message },
        ),
      };
    }
  }
  return { request };
}
