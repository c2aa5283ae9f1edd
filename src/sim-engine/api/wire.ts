/**
 * A request as it came off the wire (`dockersim serve`), read the way dockerd's
 * handlers read it once the route is known: the query with Go's url.ParseQuery
 * (httputils.ParseForm) and a JSON body with httputils.ReadJSON (a Content-Type check,
 * then Go's json.Decoder). The in-process clients hand the router decoded values and
 * never come here.
 */
import { decodeGoJson } from './go-json.ts';

export interface WireRequest {
  /** the query string as sent, without the `?` */
  query: string;
  /** the body as UTF-8 text ('' when there is none) */
  body: string;
  /** the Content-Type header ('' when absent) */
  contentType: string;
  /**
   * a body the server already decoded from another media type (a tar archive); the
   * route gets it as is
   */
  decodedBody?: unknown;
}

export type WireDecoded = { query: Record<string, string>; body: unknown } | { error: string };

/**
 * Query keys a client repeats (`t=a&t=b` for two tags); the routes take their values
 * joined by newlines, as the in-process client sends them. Every other key keeps its
 * first value, as Go's Form.Get does.
 */
const REPEATED_KEYS = new Set(['t', 'changes', 'nocache-filter']);

const HEX = /^[0-9a-fA-F]{2}$/;

/** Go's url.QueryUnescape; a bad escape is Go's EscapeError. */
function queryUnescape(s: string): string | { error: string } {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '%') {
      if (!HEX.test(s.slice(i + 1, i + 3)))
        return { error: `invalid URL escape ${goQuote(s.slice(i, i + 3))}` };
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (ch === '+') {
      bytes.push(0x20);
    } else {
      bytes.push(...utf8(ch.codePointAt(0)!));
      if (ch.codePointAt(0)! > 0xffff) i++;
    }
  }
  return decodeUtf8(bytes);
}

/** strconv.Quote of a short ASCII-ish string */
function goQuote(s: string): string {
  return JSON.stringify(s);
}

function utf8(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 0x3f)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
}

/** UTF-8 bytes to text, an invalid sequence as U+FFFD (what Go prints of it). */
export function decodeUtf8(bytes: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need === 0) {
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    let cp = need === 1 ? b & 0x1f : need === 2 ? b & 0x0f : b & 0x07;
    let ok = need > 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    const min = need === 1 ? 0x80 : need === 2 ? 0x800 : 0x10000;
    if (!ok || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      out += '\ufffd';
      i++;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

/** Go's url.ParseQuery: every pair it can read, and the first error it met. */
export function parseGoQuery(raw: string): { values: Map<string, string[]>; error?: string } {
  const values = new Map<string, string[]>();
  let error: string | undefined;
  for (const pair of raw.split('&')) {
    if (pair.includes(';')) {
      error ??= 'invalid semicolon separator in query';
      continue;
    }
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = queryUnescape(eq < 0 ? pair : pair.slice(0, eq));
    const value = queryUnescape(eq < 0 ? '' : pair.slice(eq + 1));
    if (typeof key !== 'string') {
      error ??= key.error;
      continue;
    }
    if (typeof value !== 'string') {
      error ??= value.error;
      continue;
    }
    values.set(key, [...(values.get(key) ?? []), value]);
  }
  return { values, error };
}

const TSPECIALS = '()<>@,;:\\"/[]?=';
const isTokenChar = (ch: string) => {
  const c = ch.charCodeAt(0);
  return c > 0x20 && c < 0x7f && !TSPECIALS.includes(ch);
};

function consumeToken(v: string): [string, string] {
  let i = 0;
  while (i < v.length && isTokenChar(v[i]!)) i++;
  return [v.slice(0, i), v.slice(i)];
}

/** Go's unicode.IsSpace as strings.TrimLeftFunc uses it (Latin-1 and the Unicode spaces) */
const trimLeftSpace = (s: string) => s.replace(/^[\s\u0085]+/u, '');

/** A quoted-string or a token, as Go's mime consumeValue; ['', v] when neither. */
function consumeValue(v: string): [string, string] {
  if (v === '') return ['', ''];
  if (v[0] !== '"') return consumeToken(v);
  let out = '';
  for (let i = 1; i < v.length; i++) {
    const ch = v[i]!;
    if (ch === '"') return [out, v.slice(i + 1)];
    if (ch === '\\' && i + 1 < v.length && TSPECIALS.includes(v[i + 1]!)) {
      out += v[++i];
      continue;
    }
    if (ch === '\r' || ch === '\n') return ['', v];
    out += ch;
  }
  return ['', v];
}

/** Go's mime.ParseMediaType, as far as its media type and its errors go. */
export function parseMediaType(v: string): { type: string; error?: string } {
  const semi = v.indexOf(';');
  const base = semi < 0 ? v : v.slice(0, semi);
  const type = base.toLowerCase().trim();
  const [major, afterMajor] = consumeToken(type);
  if (major === '') return { type: '', error: 'mime: no media type' };
  if (afterMajor !== '') {
    if (!afterMajor.startsWith('/')) return { type: '', error: 'mime: expected slash after first token' };
    const [minor, rest] = consumeToken(afterMajor.slice(1));
    if (minor === '') return { type: '', error: 'mime: expected token after slash' };
    if (rest !== '') return { type: '', error: 'mime: unexpected content after media subtype' };
  }
  const params = new Map<string, string>();
  let rest = v.slice(base.length);
  while (rest.length > 0) {
    rest = trimLeftSpace(rest);
    if (rest === '') break;
    // consumeMediaParam: `; key=value`
    let r = rest;
    let key = '';
    let value = '';
    if (r.startsWith(';')) {
      r = trimLeftSpace(r.slice(1));
      const [k, afterKey] = consumeToken(r);
      key = k.toLowerCase();
      r = trimLeftSpace(afterKey);
      if (key !== '' && r.startsWith('=')) {
        r = trimLeftSpace(r.slice(1));
        const [val, afterValue] = consumeValue(r);
        if (val === '' && afterValue === r) key = '';
        else [value, r] = [val, afterValue];
      } else key = '';
    }
    if (key === '') {
      if (rest.trim() === ';') break;
      return { type, error: 'mime: invalid media parameter' };
    }
    const seen = params.get(key);
    if (seen !== undefined && seen !== value) return { type: '', error: 'mime: duplicate parameter name' };
    params.set(key, value);
    rest = r;
  }
  return { type };
}

/**
 * httputils.ReadJSON's errors for a body, or its value (undefined for an empty body, as
 * moby leaves the struct at its zero value).
 */
export function readJsonBody(body: string, contentType: string): { value: unknown } | { error: string } {
  // CheckForJSON: no Content-Type is fine only without a body
  if (contentType === '' && body.length === 0) return { value: undefined };
  const media = parseMediaType(contentType);
  if (media.error) return { error: `malformed Content-Type header (${contentType}): ${media.error}` };
  if (media.type !== 'application/json')
    return { error: `unsupported Content-Type header (${contentType}): must be 'application/json'` };
  if (body.length === 0) return { value: undefined };
  const decoded = decodeGoJson(body);
  if (!decoded.ok)
    return {
      error: decoded.eof
        ? 'invalid JSON: got EOF while reading request body'
        : `invalid JSON: ${decoded.error}`,
    };
  if (decoded.more) return { error: 'unexpected content after JSON' };
  return { value: decoded.value };
}

/** Read the query, and the body of a POST or PUT, as the matched route's handler would. */
export function decodeWire(wire: WireRequest, method: string): WireDecoded {
  const parsed = parseGoQuery(wire.query);
  if (parsed.error) return { error: parsed.error };
  const query: Record<string, string> = {};
  for (const [key, values] of parsed.values)
    query[key] = REPEATED_KEYS.has(key) ? values.join('\n') : values[0]!;
  if (wire.decodedBody !== undefined) return { query, body: wire.decodedBody };
  // Differs from Docker: only the handlers that read JSON check an empty body's
  // Content-Type; here no empty body is checked, as the Go client sends `text/plain` with
  // the empty body of every POST that carries nothing (start, attach, kill…)
  if ((method !== 'POST' && method !== 'PUT') || wire.body.length === 0) return { query, body: undefined };
  const body = readJsonBody(wire.body, wire.contentType);
  if ('error' in body) return body;
  return { query, body: body.value };
}
