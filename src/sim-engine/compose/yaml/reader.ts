/**
 * The input side of libyaml (readerc.go) as yaml.v3 feeds it a byte string: a UTF-8 BOM
 * is dropped, and every character is checked against YAML's printable set as the
 * 512-byte chunk holding it is decoded — so a control character fails the parse when
 * the scanner first reads near it, not before.
 */
import { YamlError } from './errors.ts';

const RAW_CHUNK = 512;

function printable(cp: number): boolean {
  return (
    cp === 0x09 ||
    cp === 0x0a ||
    cp === 0x0d ||
    (cp >= 0x20 && cp <= 0x7e) ||
    cp === 0x85 ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

const utf8Length = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

export class Reader {
  readonly #chars: number[];
  /** how many characters have been decoded (and checked) */
  #decoded = 0;
  #decodedBytes = 0;

  constructor(input: string) {
    // yaml.v3 newParser: an empty document is read as a single line break
    const text = input === '' ? '\n' : input;
    this.#chars = [];
    for (const ch of text) this.#chars.push(ch.codePointAt(0)!);
    if (this.#chars[0] === 0xfeff) this.#chars.shift();
  }

  /** The character at `pos`, or NUL past the end. */
  at(pos: number): number {
    while (pos >= this.#decoded && this.#decoded < this.#chars.length) this.#decodeChunk();
    return pos < this.#chars.length ? this.#chars[pos]! : 0;
  }

  #decodeChunk(): void {
    const limit = this.#decodedBytes + RAW_CHUNK;
    while (this.#decoded < this.#chars.length) {
      const cp = this.#chars[this.#decoded]!;
      const n = utf8Length(cp);
      if (this.#decodedBytes + n > limit && this.#decodedBytes !== limit - RAW_CHUNK) break;
      if (!printable(cp)) throw new YamlError('reader', 'control characters are not allowed');
      this.#decoded++;
      this.#decodedBytes += n;
    }
  }
}
