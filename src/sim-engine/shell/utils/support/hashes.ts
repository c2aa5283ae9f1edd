/** MD5 and SHA-1 of bytes, as md5sum and sha1sum print them (lower-case hex). */
function hex(words: number[], littleEndian: boolean): string {
  return words
    .map((w) => {
      const bytes = [w >>> 24, (w >>> 16) & 255, (w >>> 8) & 255, w & 255];
      return (littleEndian ? bytes.reverse() : bytes).map((b) => b.toString(16).padStart(2, '0')).join('');
    })
    .join('');
}

function pad(bytes: Uint8Array, littleEndian: boolean): Uint8Array {
  const len = bytes.length;
  const total = (((len + 8) >> 6) + 1) << 6;
  const out = new Uint8Array(total);
  out.set(bytes);
  out[len] = 0x80;
  const bits = len * 8;
  for (let i = 0; i < 8; i++) {
    const byte = Math.floor(bits / 2 ** (8 * i)) & 255;
    out[littleEndian ? total - 8 + i : total - 1 - i] = byte;
  }
  return out;
}

const S = [
  7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9,
  14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15,
  21, 6, 10, 15, 21,
];
const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

export function md5(bytes: Uint8Array): string {
  const m = pad(bytes, true);
  let [a0, b0, c0, d0] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  for (let off = 0; off < m.length; off += 64) {
    const w = Array.from(
      { length: 16 },
      (_, i) =>
        m[off + i * 4]! |
        (m[off + i * 4 + 1]! << 8) |
        (m[off + i * 4 + 2]! << 16) |
        (m[off + i * 4 + 3]! << 24),
    );
    let [a, b, c, d] = [a0, b0, c0, d0];
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) [f, g] = [(b & c) | (~b & d), i];
      else if (i < 32) [f, g] = [(d & b) | (~d & c), (5 * i + 1) % 16];
      else if (i < 48) [f, g] = [b ^ c ^ d, (3 * i + 5) % 16];
      else [f, g] = [c ^ (b | ~d), (7 * i) % 16];
      const t = d;
      d = c;
      c = b;
      const sum = (a + f + K[i]! + w[g]!) | 0;
      b = (b + ((sum << S[i]!) | (sum >>> (32 - S[i]!)))) | 0;
      a = t;
    }
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  }
  return hex([a0 >>> 0, b0 >>> 0, c0 >>> 0, d0 >>> 0], true);
}

export function sha1(bytes: Uint8Array): string {
  const m = pad(bytes, false);
  let h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  for (let off = 0; off < m.length; off += 64) {
    const w: number[] = [];
    for (let i = 0; i < 16; i++)
      w[i] =
        (m[off + i * 4]! << 24) |
        (m[off + i * 4 + 1]! << 16) |
        (m[off + i * 4 + 2]! << 8) |
        m[off + i * 4 + 3]!;
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!;
      w[i] = (x << 1) | (x >>> 31);
    }
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let i = 0; i < 80; i++) {
      const [f, k] =
        i < 20
          ? [(b & c) | (~b & d), 0x5a827999]
          : i < 40
            ? [b ^ c ^ d, 0x6ed9eba1]
            : i < 60
              ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc]
              : [b ^ c ^ d, 0xca62c1d6];
      const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    h = [(h[0]! + a) | 0, (h[1]! + b) | 0, (h[2]! + c) | 0, (h[3]! + d) | 0, (h[4]! + e) | 0];
  }
  return hex(
    h.map((x) => x >>> 0),
    false,
  );
}
