/**
 * The `X-Docker-Container-Path-Stat` header of the archive endpoints: the path's stat
 * as JSON, base64-encoded (moby's setContainerPathStatHeader uses StdEncoding; the
 * client's getContainerPathStatFromHeader decodes it).
 */
import type { PathStat } from './types/container.ts';
import { decodeUtf8 } from './wire.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else
      out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return out;
}

/** base64.StdEncoding.EncodeToString */
export function base64Encode(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    out += b === undefined ? '=' : ALPHABET[(n >> 6) & 63]!;
    out += c === undefined ? '=' : ALPHABET[n & 63]!;
  }
  return out;
}

/** base64.StdEncoding.DecodeString; undefined when the text is not padded base64. */
export function base64Decode(text: string): number[] | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 4) {
    const quad = text.slice(i, i + 4);
    const n = [...quad].reduce((acc, ch) => (acc << 6) | (ch === '=' ? 0 : ALPHABET.indexOf(ch)), 0);
    out.push((n >> 16) & 255);
    if (quad[2] !== '=') out.push((n >> 8) & 255);
    if (quad[3] !== '=') out.push(n & 255);
  }
  return out;
}

export function encodePathStat(stat: PathStat): string {
  return base64Encode(utf8Bytes(JSON.stringify(stat)));
}

/** The stat a header carries; undefined when there is none or it does not decode. */
export function decodePathStat(header: string | undefined): PathStat | undefined {
  const bytes = header === undefined ? undefined : base64Decode(header);
  if (!bytes) return undefined;
  try {
    return JSON.parse(decodeUtf8(bytes)) as PathStat;
  } catch {
    return undefined;
  }
}
