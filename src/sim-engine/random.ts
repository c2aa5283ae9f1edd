/**
 * The engine's only source of randomness: a seeded generator (sfc32), so the same
 * script with the same seed gives the same IDs, names and choices every time.
 */
/** Two hex digits per byte value: `hex` makes IDs a byte at a time, not through toString(16). */
const BYTE_HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export class Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number | string = 1) {
    // Derive four 32-bit words from the seed with a string hash (xmur3).
    const text = String(seed);
    let h = 1779033703 ^ text.length;
    for (let i = 0; i < text.length; i++) {
      h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
      h = (h << 13) | (h >>> 19);
    }
    const next = () => {
      h = Math.imul(h ^ (h >>> 16), 2246822507);
      h = Math.imul(h ^ (h >>> 13), 3266489909);
      return (h ^= h >>> 16) >>> 0;
    };
    this.#a = next();
    this.#b = next();
    this.#c = next();
    this.#d = next();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  uint32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** `n` lowercase hex digits, as in container, image and network IDs (n = 64). */
  hex(n: number): string {
    let out = '';
    while (out.length < n) {
      const v = this.uint32();
      out +=
        BYTE_HEX[v >>> 24]! + BYTE_HEX[(v >>> 16) & 255]! + BYTE_HEX[(v >>> 8) & 255]! + BYTE_HEX[v & 255]!;
    }
    return out.slice(0, n);
  }

  /** `n` base-36 digits, as in swarm node, service and task IDs (n = 25). */
  base36(n: number): string {
    const digits = '0123456789abcdefghijklmnopqrstuvwxyz';
    let out = '';
    for (let i = 0; i < n; i++) out += digits[this.int(36)];
    return out;
  }

  /** The generator's state, to save a lab and resume it with the same future. */
  state(): [number, number, number, number] {
    return [this.#a, this.#b, this.#c, this.#d];
  }

  static fromState(state: readonly [number, number, number, number]): Random {
    const r = new Random(0);
    [r.#a, r.#b, r.#c, r.#d] = state;
    return r;
  }
}
