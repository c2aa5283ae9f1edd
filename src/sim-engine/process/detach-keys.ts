/**
 * The detach keys of an attach to a TTY (moby/term's ToBytes and escape proxy, which
 * the docker CLI and the daemon both use): `--detach-keys ctrl-p,ctrl-q` (the
 * default), and a reader that passes typed input on until those keys are typed in a
 * row, holding back a partial sequence until it knows whether it is one.
 */
import { byteLength } from '../golang/utf8.ts';
import type { Reader } from './types.ts';

/** Ctrl-P Ctrl-Q */
export const DEFAULT_DETACH_KEYS = '\x10\x11';

/** moby/term's names of the control keys, in code order (`ctrl-@` is 0, `ctrl-_` 31). */
const CONTROL_NAMES = [
  'ctrl-@',
  ...'abcdefghijklmnopqrstuvwxyz'.split('').map((c) => `ctrl-${c}`),
  'ctrl-[',
  'ctrl-\\',
  'ctrl-]',
  'ctrl-^',
  'ctrl-_',
];

/**
 * A key sequence as written for --detach-keys and the config file's detachKeys: keys
 * separated by commas, each a single character, `ctrl-<x>` or `DEL`. Throws
 * `Unknown character: '<key>'` for anything else (the empty key between two commas
 * included; a non-ASCII character is more than the one byte a key must be).
 */
export function toBytes(keys: string): string {
  let codes = '';
  for (const key of keys.split(',')) {
    if (byteLength(key) === 1) {
      codes += key;
      continue;
    }
    const control = CONTROL_NAMES.indexOf(key);
    if (control >= 0) codes += String.fromCharCode(control);
    else if (key === 'DEL') codes += '\x7f';
    else throw new Error(`Unknown character: '${key}'`);
  }
  return codes;
}

/**
 * Typed input with the detach keys taken out: `detached` resolves once they have been
 * read, and nothing is read after them. What came before them in the same chunk is
 * still handed over; keys that began the sequence and turned out not to be it are
 * handed over with what follows them. As moby/term's escapeProxy, a key that breaks a
 * partial sequence is not looked at as the start of a new one, and a partial sequence
 * at the end of input is dropped.
 */
export class EscapeProxy implements Reader {
  readonly detached: Promise<void>;
  readonly #source: Reader;
  readonly #keys: string;
  /** how many of the keys have been read in a row (held back) */
  #matched = 0;
  #done = false;
  #detach: () => void = () => {};

  constructor(source: Reader, keys: string = DEFAULT_DETACH_KEYS) {
    this.#source = source;
    this.#keys = keys;
    this.detached = new Promise((resolve) => (this.#detach = resolve));
  }

  async read(): Promise<string | null> {
    for (;;) {
      // after the keys nothing more is read: the attach is over
      if (this.#done) return new Promise(() => {});
      const chunk = await this.#source.read();
      if (this.#done) return new Promise(() => {});
      if (chunk === null) return null;
      if (this.#keys === '') return chunk;
      let out = '';
      for (const c of chunk) {
        if (c === this.#keys[this.#matched]) {
          this.#matched++;
          if (this.#matched === this.#keys.length) {
            this.#done = true;
            this.#detach();
            if (out !== '') return out;
            return new Promise(() => {});
          }
          continue;
        }
        out += this.#keys.slice(0, this.#matched) + c;
        this.#matched = 0;
      }
      if (out !== '') return out;
    }
  }
}
