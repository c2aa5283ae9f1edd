/**
 * Bytes to text for the two places a YAML file spells bytes: `%xx` escapes in tag URIs
 * and `!!binary` base64. (The engine's lib has no TextDecoder or atob.)
 */

/** UTF-8 bytes as a string; an invalid sequence becomes U+FFFD, as Go's string conversion prints it. */
export function utf8Decode(bytes: readonly number[]): string {
  let s = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >= 0xf0 && b < 0xf8 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
    let cp = n === 1 ? b : n === 2 ? b & 0x1f : n === 3 ? b & 0x0f : b & 0x07;
    let ok = n > 0 && i + n <= bytes.length;
    for (let k = 1; ok && k < n; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (ok && (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    s += ok ? String.fromCodePoint(cp) : '\ufffd';
    i += ok ? n : 1;
  }
  return s;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** base64.StdEncoding.DecodeString: undefined when the text is not padded base64. */
export function base64Decode(text: string): number[] | undefined {
  text = text.replace(/[\r\n]/g, '');
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 4) {
    const q = [...text.slice(i, i + 4)].map((ch) => (ch === '=' ? -1 : B64.indexOf(ch)));
    const [a, b, c, d] = q as [number, number, number, number];
    out.push(((a << 2) | (b >> 4)) & 0xff);
    if (c >= 0) out.push(((b << 4) | (c >> 2)) & 0xff);
    if (d >= 0) out.push(((c << 6) | d) & 0xff);
  }
  return out;
}
