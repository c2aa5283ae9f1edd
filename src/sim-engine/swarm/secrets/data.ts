/**
 * The `Data` of a secret or config as the Engine API carries it: Go's `[]byte` in JSON,
 * base64 with the standard alphabet and padding (encoding/json uses
 * base64.StdEncoding). The simulation's files are strings of text, so the bytes are
 * the UTF-8 of that text.
 */
import { base64Decode, base64Encode } from '../../api/registry-auth.ts';

const STD = /^[A-Za-z0-9+/]$/;

/**
 * Where base64.StdEncoding.Decode stops on `text`, as its CorruptInputError offset, or
 * -1 when all of it decodes: the first character outside the alphabet (or padding where
 * none may be), else the start of an unfinished last quantum.
 */
export function base64ErrorOffset(text: string): number {
  let pad = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '=') {
      // padding only in the last quantum's third or fourth place, and only to its end
      const inQuantum = i % 4;
      if (inQuantum < 2) return i;
      pad++;
      continue;
    }
    if (pad > 0 || !STD.test(ch)) return i;
  }
  if (text.length % 4 !== 0) return text.length - (text.length % 4);
  if (pad === 1 && text.length % 4 === 0 && text[text.length - 2] === '=') return text.length - 2;
  return -1;
}

/** How many bytes the base64 text decodes to. */
export function base64Length(text: string): number {
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - pad;
}

/** The text a file gets from base64 data. */
export function decodeData(data: string | null | undefined): string {
  return data ? (base64Decode(data) ?? '') : '';
}

/** The API's base64 of a text's UTF-8 bytes. */
export function encodeData(text: string): string {
  return base64Encode(text);
}
