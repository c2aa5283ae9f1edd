/**
 * Reading JSON as Go's encoding/json does: validation with the scanner's error texts
 * (`invalid character 'x' looking for beginning of value`, `unexpected end of JSON
 * input`), and Unmarshal into interface{} — objects become Go maps
 * (map[string]interface {}), numbers float64 or, with useNumber, json.Number; this
 * is what `docker inspect --format` falls back to for raw API objects.
 */
import { JSONError } from './json-encode.ts';
import { quote } from './strconv-quote.ts';
import { encodeUtf8 } from './utf8.ts';
import { goMap, GoFloat64, GoJSONNumber, GoNil, withGoType } from './values.ts';

export class JSONSyntaxError extends JSONError {
  /** byte offset after which the error was detected */
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.name = 'JSONSyntaxError';
    this.offset = offset;
  }
}

function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return `'"'`;
  // Go quotes the first byte of the character
  const b = encodeUtf8(c)[0]!;
  const q = quote(String.fromCharCode(b));
  return "'" + q.slice(1, -1) + "'";
}

export interface DecodeOptions {
  /** decode numbers as json.Number (the CLI's `dec.UseNumber()`) instead of float64 */
  useNumber?: boolean;
}

class Parser {
  readonly src: string;
  readonly useNumber: boolean;
  /** false: only check the text (json.Valid), building no values */
  readonly build: boolean;
  i = 0;

  constructor(src: string, opts: DecodeOptions, build = true) {
    this.src = src;
    this.useNumber = opts.useNumber ?? false;
    this.build = build;
  }

  fail(context: string): never {
    if (this.i >= this.src.length) throw new JSONSyntaxError('unexpected end of JSON input', this.src.length);
    const c = String.fromCodePoint(this.src.codePointAt(this.i)!);
    throw new JSONSyntaxError(`invalid character ${quoteChar(c)} ${context}`, this.i);
  }

  ws(): void {
    for (;;) {
      const c = this.src.charCodeAt(this.i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return;
      this.i++;
    }
  }

  top(): unknown {
    this.ws();
    const v = this.value();
    this.ws();
    if (this.i < this.src.length) this.fail('after top-level value');
    return v;
  }

  value(): unknown {
    const c = this.src[this.i];
    switch (c) {
      case '{':
        return this.object();
      case '[':
        return this.array();
      case '"':
        return this.string();
      case 't':
        return this.literal('true', true);
      case 'f':
        return this.literal('false', false);
      case 'n':
        return this.literal('null', this.build ? new GoNil('interface {}') : undefined);
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    return this.fail('looking for beginning of value');
  }

  object(): unknown {
    const obj = this.build ? goMap({} as Record<string, unknown>, 'map[string]interface {}') : undefined;
    this.i++;
    this.ws();
    if (this.src[this.i] === '}') {
      this.i++;
      return obj;
    }
    for (;;) {
      if (this.src[this.i] !== '"') this.fail('looking for beginning of object key string');
      const key = this.string();
      this.ws();
      if (this.src[this.i] !== ':') this.fail('after object key');
      this.i++;
      this.ws();
      const v = this.value();
      if (obj)
        Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
      this.ws();
      const c = this.src[this.i];
      if (c === ',') {
        this.i++;
        this.ws();
        continue;
      }
      if (c === '}') {
        this.i++;
        return obj;
      }
      this.fail('after object key:value pair');
    }
  }

  array(): unknown {
    const arr = this.build ? withGoType([] as unknown[], '[]interface {}') : undefined;
    this.i++;
    this.ws();
    if (this.src[this.i] === ']') {
      this.i++;
      return arr;
    }
    for (;;) {
      this.ws();
      const v = this.value();
      arr?.push(v);
      this.ws();
      const c = this.src[this.i];
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === ']') {
        this.i++;
        return arr;
      }
      this.fail('after array element');
    }
  }

  string(): string {
    const start = this.i;
    this.i++;
    for (;;) {
      const c = this.src[this.i];
      if (c === undefined) this.fail('in string literal');
      if (c === '"') break;
      if (c === '\\') {
        this.i++;
        const e = this.src[this.i];
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) {
            this.i++;
            if (!/[0-9a-fA-F]/.test(this.src[this.i] ?? '')) this.fail('in \\u hexadecimal character escape');
          }
        } else if (e === undefined || !'"\\/bfnrt'.includes(e)) this.fail('in string escape code');
      } else if (c < ' ') this.fail('in string literal');
      this.i++;
    }
    this.i++;
    if (!this.build) return '';
    // JSON.parse decodes escapes as Go does (lone surrogate escapes aside)
    return (JSON.parse(this.src.slice(start, this.i)) as string).replace(/[\ud800-\udfff]/gu, '\ufffd');
  }

  digits(context: string): void {
    if (!/[0-9]/.test(this.src[this.i] ?? '')) this.fail(context);
    while (/[0-9]/.test(this.src[this.i] ?? '')) this.i++;
  }

  number(): unknown {
    const start = this.i;
    if (this.src[this.i] === '-') this.i++;
    if (this.src[this.i] === '0') this.i++;
    else this.digits('in numeric literal');
    if (this.src[this.i] === '.') {
      this.i++;
      this.digits('after decimal point in numeric literal');
    }
    if (this.src[this.i] === 'e' || this.src[this.i] === 'E') {
      this.i++;
      if (this.src[this.i] === '+' || this.src[this.i] === '-') this.i++;
      this.digits('in exponent of numeric literal');
    }
    const text = this.src.slice(start, this.i);
    if (this.useNumber) return this.build ? new GoJSONNumber(text) : undefined;
    const f = Number(text);
    if (!Number.isFinite(f)) {
      throw new JSONError(`json: cannot unmarshal number ${text} into Go value of type float64`);
    }
    return this.build ? new GoFloat64(f) : undefined;
  }

  literal(word: string, value: unknown): unknown {
    for (let k = 0; k < word.length; k++) {
      if (this.src[this.i] !== word[k]) this.fail(`in literal ${word} (expecting ${quoteChar(word[k]!)})`);
      this.i++;
    }
    return value;
  }
}

/** json.Valid, with the error Go's scanner reports. Throws JSONSyntaxError. */
export function checkValid(src: string): void {
  new Parser(src, {}, false).top();
}

/** json.Unmarshal into an interface{}. Throws JSONSyntaxError. */
export function unmarshalAny(src: string, opts: DecodeOptions = {}): unknown {
  return new Parser(src, opts).top();
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * The bytes of a base64 (StdEncoding, padded) string, as encoding/json decodes a
 * []byte field; undefined when it is not base64 (Go fails the whole decode then).
 */
export function base64StdBytes(text: string): number[] | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const clean = text.replace(/=+$/, '');
  const bytes: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const ch of clean) {
    acc = ((acc << 6) | B64.indexOf(ch)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  return bytes;
}
