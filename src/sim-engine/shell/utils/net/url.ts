/**
 * URLs as curl and wget take them (no URL global in the engine): scheme defaults to
 * http, port to the scheme's, path to `/`.
 */
export interface Url {
  scheme: string;
  user?: string;
  host: string;
  port: number;
  /** path and query */
  path: string;
  /** host[:port] as the Host header and messages show it */
  authority: string;
}

const PORTS: Record<string, number> = { http: 80, https: 443, ftp: 21 };

export function parseUrl(text: string): Url | { error: 'scheme'; scheme: string } | { error: 'malformed' } {
  const m =
    /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?(?:([^@/?#]*)@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d*))?([^#]*)/.exec(
      text.trim(),
    );
  if (!m) return { error: 'malformed' };
  const scheme = (m[1] ?? 'http').toLowerCase();
  if (!(scheme in PORTS)) return { error: 'scheme', scheme };
  const host = m[3]!.replace(/^\[|\]$/g, '');
  if (host === '') return { error: 'malformed' };
  const port = m[4] ? Number(m[4]) : PORTS[scheme]!;
  if (port > 65535) return { error: 'malformed' };
  let path = m[5] || '/';
  if (!path.startsWith('/')) path = '/' + path;
  const url: Url = { scheme, host, port, path, authority: port === PORTS[scheme] ? host : `${host}:${port}` };
  if (m[2] !== undefined) url.user = decodeURIComponent(m[2]);
  return url;
}

/** Resolve a Location header against the URL it came from. */
export function resolveLocation(base: Url, location: string): string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(location)) return location;
  if (location.startsWith('//')) return `${base.scheme}:${location}`;
  const origin = `${base.scheme}://${base.authority}`;
  if (location.startsWith('/')) return origin + location;
  const dir = base.path.split('?')[0]!.replace(/[^/]*$/, '');
  return origin + dir + location;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of a string's UTF-8 bytes (for Basic auth). */
export function base64(text: string): string {
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    out += B64[a >> 2]! + B64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : B64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : B64[c & 63]!;
  }
  return out;
}

/** The reason phrase of a status, when a server gives none. */
export const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
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
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};
