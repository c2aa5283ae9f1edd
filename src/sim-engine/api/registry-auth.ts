/**
 * Registry credentials as the Engine API carries them (moby api/types/registry
 * AuthConfig, EncodeAuthConfig, DecodeAuthConfig): the `X-Registry-Auth` header of a
 * pull or push is the AuthConfig's JSON in base64url (with padding), `e30=` (`{}`) when
 * the client has none; `POST /auth` takes the same AuthConfig as its JSON body.
 */

export interface AuthConfig {
  username?: string;
  password?: string;
  auth?: string;
  email?: string;
  serveraddress?: string;
  identitytoken?: string;
  registrytoken?: string;
}

/** Docker Hub's key in a CLI's config.json and the daemon's index server. */
export const INDEX_SERVER = 'https://index.docker.io/v1/';

const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return bytes;
}

function fromUtf8(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    let c: number;
    if (b < 0x80) c = bytes[i++]!;
    else if (b < 0xe0) c = ((b & 31) << 6) | (bytes[i + 1]! & 63);
    else if (b < 0xf0) c = ((b & 15) << 12) | ((bytes[i + 1]! & 63) << 6) | (bytes[i + 2]! & 63);
    else
      c = ((b & 7) << 18) | ((bytes[i + 1]! & 63) << 12) | ((bytes[i + 2]! & 63) << 6) | (bytes[i + 3]! & 63);
    if (b >= 0x80) i += b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    out += String.fromCodePoint(c);
  }
  return out;
}

/** Go's base64.StdEncoding (or URLEncoding) of a string's UTF-8 bytes, padded. */
export function base64Encode(text: string, urlSafe = false): string {
  const alphabet = urlSafe ? URL_SAFE : STD;
  const bytes = utf8(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    out += alphabet[a >> 2]! + alphabet[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : alphabet[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : alphabet[c & 63]!;
  }
  return out;
}

/** Decode base64 (either alphabet, padding optional); undefined when it is not base64. */
export function base64Decode(text: string): string | undefined {
  const clean = text.replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/_-]*$/.test(clean) || clean.length % 4 === 1) return undefined;
  const bytes: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const ch of clean) {
    const v = ch === '-' ? 62 : ch === '_' ? 63 : STD.indexOf(ch);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  return fromUtf8(bytes);
}

/** The AuthConfig's JSON as Go marshals it: fields in struct order, empty ones left out. */
export function authConfigJson(config: AuthConfig): string {
  const out: Record<string, string> = {};
  for (const key of [
    'username',
    'password',
    'auth',
    'email',
    'serveraddress',
    'identitytoken',
    'registrytoken',
  ] as const) {
    const v = config[key];
    if (v) out[key] = v;
  }
  return JSON.stringify(out);
}

/** registry.EncodeAuthConfig: what a client puts in X-Registry-Auth. */
export function encodeAuthConfig(config: AuthConfig): string {
  return base64Encode(authConfigJson(config), true);
}

/** registry.DecodeAuthConfig: the header's AuthConfig ({} when absent or unreadable). */
export function decodeAuthConfig(header: string | undefined): AuthConfig {
  if (!header) return {};
  const text = base64Decode(header);
  if (text === undefined) return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as AuthConfig) : {};
  } catch {
    return {};
  }
}
