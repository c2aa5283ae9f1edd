/** HTTP bits the servers share: reason phrases, byte lengths, paths, MIME types. */
import { utf8Length } from '../../../fs/node.ts';

export const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  206: 'Partial Content',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  413: 'Request Entity Too Large',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Bytes of a text as sent (UTF-8), for Content-Length and the access logs. */
export const byteLength = (text: string): number => utf8Length(text);

/** A request header by name, whatever its case. */
export function header(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** Split `/a/b?x=1` into the path and the query (without `?`). */
export function splitPath(path: string): { path: string; query: string } {
  const q = path.indexOf('?');
  return q < 0 ? { path, query: '' } : { path: path.slice(0, q), query: path.slice(q + 1) };
}

/**
 * Percent-decode and normalise a request path as servers do before mapping it to
 * files (`//` merged, `.` and `..` resolved); undefined when `..` climbs above `/`.
 */
export function normalizeUri(raw: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    decoded = raw;
  }
  const parts: string[] = [];
  for (const part of decoded.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  const trailing = decoded.endsWith('/') || decoded.endsWith('/.') || decoded.endsWith('/..');
  return `/${parts.join('/')}${trailing && parts.length ? '/' : ''}`;
}

/** Common types by extension, for servers without a mime.types of their own. */
export const COMMON_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html',
  htm: 'text/html',
  css: 'text/css',
  js: 'application/javascript',
  mjs: 'application/javascript',
  json: 'application/json',
  txt: 'text/plain',
  xml: 'text/xml',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  ico: 'image/x-icon',
  webp: 'image/webp',
  pdf: 'application/pdf',
  zip: 'application/zip',
  md: 'text/markdown',
  py: 'text/x-python',
  sh: 'application/x-sh',
};

export function extension(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}
