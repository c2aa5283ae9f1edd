/**
 * Response headers as Go's net/http writes dockerd's: the handler's headers sorted by
 * name (Header.WriteSubset), then Date, Content-Length, Connection (`close` only, when
 * the client asked it) and Transfer-Encoding. No `Connection: keep-alive`: HTTP/1.1
 * needs none, and Go sends none. Incoming header names
 * are put in Go's canonical form (`x-registry-auth` → `X-Registry-Auth`), as handlers
 * read them.
 */
import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';

/** textproto.CanonicalMIMEHeaderKey: a name with a byte outside a token stays as it is. */
export function canonicalHeaderKey(key: string): string {
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(key)) return key;
  return key
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
    .join('-');
}

/** Node's incoming headers (lower-case names, repeats joined) in Go's canonical names. */
export function canonicalHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[canonicalHeaderKey(key)] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** http.TimeFormat: `Mon, 02 Jan 2006 15:04:05 GMT` */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** http.StatusText, with moby's own 101 reason for an upgraded attach/exec. */
export function statusText(status: number): string {
  return STATUS_CODES[status] ?? '';
}

export interface HeaderOptions {
  /** the virtual clock's time, for Date */
  now: number;
  /** the body's length when it is known and written at once; else chunked, or no body */
  contentLength?: number;
  chunked?: boolean;
  /** the connection closes after this response (the request asked it) */
  close?: boolean;
}

/**
 * The header list Node writes as given (a flat [name, value, …] array keeps the order):
 * the handler's headers sorted, Date, then the framing.
 */
export function goHeaderList(headers: Record<string, string>, o: HeaderOptions): string[] {
  const framing = new Set(['date', 'content-length', 'transfer-encoding', 'connection']);
  const own = Object.entries(headers)
    .filter(([k]) => !framing.has(k.toLowerCase()))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const out: string[] = [];
  // a Content-Length the handler set itself (HEAD /_ping) sorts with the others
  const handlerLength = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-length');
  const sorted = handlerLength
    ? [...own, handlerLength].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    : own;
  for (const [k, v] of sorted) out.push(k, v);
  out.push('Date', httpDate(o.now));
  if (!handlerLength && o.contentLength !== undefined) out.push('Content-Length', String(o.contentLength));
  // Go's extraHeader order: Date, Content-Length, Connection, Transfer-Encoding
  if (o.close) out.push('Connection', 'close');
  if (o.chunked) out.push('Transfer-Encoding', 'chunked');
  return out;
}
