/**
 * An HTTP request → the router's ApiRequest, read as dockerd's server reads it: the
 * request target split into path and query (Go's url.ParseRequestURI: a bad `%` escape
 * in the path is a 400 from the server itself), the path unescaped and, when it is not
 * clean (`//_ping`, `/a/../b`), a 301 to the clean one as gorilla/mux answers. The query
 * and body are handed over as sent: the router reads them once it knows the route.
 */
import type { IncomingMessage } from 'node:http';
import type { ApiRequest, HttpMethod } from '../../sim-engine/api/transport.ts';
import { canonicalHeaders } from './headers.ts';

const METHODS = new Set<string>(['GET', 'HEAD', 'POST', 'PUT', 'DELETE']);

export type Target =
  | { kind: 'ok'; path: string; rawQuery: string }
  /** Go's server refuses the request line */
  | { kind: 'bad' }
  /** mux's redirect to the clean path */
  | { kind: 'redirect'; location: string };

/** path.Clean, keeping a trailing slash as gorilla/mux's cleanPath does. */
export function cleanPath(p: string): string {
  if (p === '') return '/';
  if (!p.startsWith('/')) p = '/' + p;
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  let clean = '/' + out.join('/');
  if (p.endsWith('/') && clean !== '/') clean += '/';
  return clean;
}

const UNRESERVED = /[A-Za-z0-9\-_.~$&+,/:;=@]/;

/** url.URL's escaping of a path (encodePath mode): what the redirect's Location holds. */
export function escapePath(p: string): string {
  let out = '';
  for (const byte of Buffer.from(p, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Unescape `%XX` in a path; null when an escape is malformed (Go: url.EscapeError). */
export function unescapePath(raw: string): string | null {
  if (!raw.includes('%')) return raw;
  const bytes: number[] = [];
  const src = Buffer.from(raw, 'utf8');
  for (let i = 0; i < src.length; i++) {
    if (src[i] === 0x25) {
      const hex = src.subarray(i + 1, i + 3).toString('latin1');
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return null;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(src[i]!);
  }
  return new TextDecoder().decode(Uint8Array.from(bytes));
}

/** Read the request target (origin form, or absolute form as a proxy sends it). */
export function readTarget(url: string): Target {
  let target = url;
  const absolute = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?]*/.exec(target);
  if (absolute) target = target.slice(absolute[0].length) || '/';
  const q = target.indexOf('?');
  const rawPath = q < 0 ? target : target.slice(0, q);
  const rawQuery = q < 0 ? '' : target.slice(q + 1);
  const path = unescapePath(rawPath);
  if (path === null) return { kind: 'bad' };
  const clean = cleanPath(path);
  if (clean !== path)
    return { kind: 'redirect', location: escapePath(clean) + (rawQuery ? `?${rawQuery}` : '') };
  return { kind: 'ok', path, rawQuery };
}

/** The router decodes path parameters once: a `%` the client escaped must reach it escaped. */
function routerPath(path: string): string {
  return path.replaceAll('%', '%25');
}

export function isApiMethod(method: string | undefined): method is HttpMethod {
  return method !== undefined && METHODS.has(method);
}

export function apiRequest(
  req: IncomingMessage,
  method: HttpMethod,
  target: { path: string; rawQuery: string },
  body: Buffer,
): ApiRequest {
  const headers = canonicalHeaders(req.headers);
  return {
    method,
    path: routerPath(target.path),
    headers,
    wire: {
      query: target.rawQuery,
      body: new TextDecoder().decode(body),
      contentType: headers['Content-Type'] ?? '',
    },
  };
}

export class BodyTooLarge extends Error {
  constructor() {
    super('http: request body too large');
  }
}

/** Read the whole body, refusing it past `limit` bytes (announced or counted). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const announced = Number(req.headers['content-length'] ?? 0);
    if (announced > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
