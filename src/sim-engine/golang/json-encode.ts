/**
 * encoding/json Marshal over the data model of values.ts, byte for byte as the
 * daemon and CLI write it: struct fields in declaration order, map keys sorted,
 * `<`, `>`, `&`, U+2028 and U+2029 escaped (unless escapeHTML is off, as in the
 * CLI's `json` template function), floats like strconv with exponents below 1e-6
 * and from 1e21, nil slices and maps as `null`.
 */
import { formatFloat } from './float-format.ts';
import { compareGoStrings, jsonFields, method, typeName } from './reflect.ts';
import type { GoComplex, GoPointer } from './values.ts';
import {
  GoJSONNumber,
  goStructLayout,
  intValue,
  isGoBytes,
  isNilish,
  kindOf,
  mapEntries,
  mapSize,
  NO_VALUE,
  numberValue,
  stringValue,
} from './values.ts';

export class JSONError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JSONError';
  }
}

const hex = '0123456789abcdef';

/** What encodeString escapes or replaces (surrogates: a lone one becomes U+FFFD). */
// eslint-disable-next-line no-control-regex -- control characters are among what needs escaping
const NEEDS_ESCAPE_HTML = /[\u0000-\u001f"\\<>&\u2028\u2029\ud800-\udfff]/;
// eslint-disable-next-line no-control-regex -- as above
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\u2028\u2029\ud800-\udfff]/;

/** appendString: JSON string literal with Go's escapes. */
export function encodeString(s: string, escapeHTML = true): string {
  // most strings (names, ids, paths) need no escape: copied whole, not a character at a time
  if (!(escapeHTML ? NEEDS_ESCAPE_HTML : NEEDS_ESCAPE).test(s)) return '"' + s + '"';
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) {
      if (
        c >= 0x20 &&
        ch !== '"' &&
        ch !== '\\' &&
        !(escapeHTML && (ch === '<' || ch === '>' || ch === '&'))
      ) {
        out += ch;
        continue;
      }
      switch (ch) {
        case '\\':
        case '"':
          out += '\\' + ch;
          break;
        case '\b':
          out += '\\b';
          break;
        case '\f':
          out += '\\f';
          break;
        case '\n':
          out += '\\n';
          break;
        case '\r':
          out += '\\r';
          break;
        case '\t':
          out += '\\t';
          break;
        default:
          // control characters, and <, >, & so JSON is safe inside HTML <script> tags
          out += '\\u00' + hex[c >> 4] + hex[c & 15];
      }
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd';
    else if (c === 0x2028 || c === 0x2029) out += '\\u202' + hex[c & 15];
    else out += ch;
  }
  return out + '"';
}

/** floatEncoder: like strconv 'f', but 'e' (with a short exponent) for tiny and huge values. */
export function encodeFloat(f: number): string {
  if (!Number.isFinite(f)) throw new JSONError(`json: unsupported value: ${formatFloat(f, 'g', -1)}`);
  const abs = Math.abs(f);
  let fmt: 'e' | 'f' = 'f';
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) fmt = 'e';
  let s = formatFloat(f, fmt, -1);
  if (fmt === 'e') s = s.replace(/e-0(\d)$/, 'e-$1'); // clean up e-09 to e-9
  return s;
}

const validNumber = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

export interface MarshalOptions {
  /** escape <, > and & (default true; the CLI's `json` template function turns it off) */
  escapeHTML?: boolean;
}

class Encoder {
  readonly escapeHTML: boolean;
  readonly path = new Set<object>();

  constructor(opts: MarshalOptions) {
    this.escapeHTML = opts.escapeHTML ?? true;
  }

  encode(v: unknown): string {
    if (v === NO_VALUE || v === undefined) return 'null';
    const marshalJSON = method(v, 'MarshalJSON');
    if (marshalJSON) return this.fromMarshaler(v, marshalJSON);
    const marshalText = method(v, 'MarshalText');
    if (marshalText) return encodeString(String(marshalText()), this.escapeHTML);
    switch (kindOf(v)) {
      case 'invalid':
      case 'nil':
        return 'null';
      case 'ptr':
        return this.encode((v as GoPointer).elem);
      case 'bool':
        return v ? 'true' : 'false';
      case 'int':
        return typeof v !== 'number' || Math.abs(v) < 1e21 ? intValue(v).toString() : encodeFloat(v);
      case 'float':
        return encodeFloat(numberValue(v));
      case 'complex':
        throw new JSONError(`json: unsupported type: ${typeName(v as GoComplex)}`);
      case 'string':
        if (v instanceof GoJSONNumber) return this.number(v.text);
        return encodeString(v as string, this.escapeHTML);
      case 'func':
        throw new JSONError(`json: unsupported type: ${typeName(v)}`);
      case 'slice':
        // encoding/json: a []byte is base64 (StdEncoding, padded)
        if (isGoBytes(v)) return encodeString(base64Std(v), this.escapeHTML);
        return this.guard(
          v as object,
          () => '[' + (v as unknown[]).map((e) => this.encode(e)).join(',') + ']',
        );
      case 'map':
        return this.guard(v as object, () => this.map(v));
      case 'struct':
        return this.guard(v as object, () => this.struct(v as object));
    }
  }

  number(text: string): string {
    if (text === '') return '0';
    if (!validNumber.test(text)) throw new JSONError(`json: invalid number literal ${JSON.stringify(text)}`);
    return text;
  }

  fromMarshaler(v: unknown, fn: (...a: unknown[]) => unknown): string {
    let raw: unknown;
    try {
      raw = fn();
    } catch (e) {
      throw new JSONError(`json: error calling MarshalJSON for type ${typeName(v)}: ${(e as Error).message}`);
    }
    const text = String(raw);
    try {
      JSON.parse(text);
    } catch {
      throw new JSONError(`json: error calling MarshalJSON for type ${typeName(v)}: invalid JSON`);
    }
    // Go compacts a Marshaler's output, and escapes it like its own strings.
    return compactText(text, this.escapeHTML);
  }

  guard(obj: object, f: () => string): string {
    if (this.path.has(obj))
      throw new JSONError(`json: unsupported value: encountered a cycle via ${typeName(obj)}`);
    this.path.add(obj);
    try {
      return f();
    } finally {
      this.path.delete(obj);
    }
  }

  map(m: unknown): string {
    const entries = mapEntries(m).map(([k, v]): [string, unknown] => {
      switch (kindOf(k)) {
        case 'string':
          return [String(k instanceof GoJSONNumber ? k.text : k), v];
        case 'int':
          return [intValue(k).toString(), v];
        default: {
          const text = method(k, 'MarshalText');
          if (text) return [String(text()), v];
          throw new JSONError(`json: unsupported type: ${typeName(m)}`);
        }
      }
    });
    entries.sort(([a], [b]) => compareGoStrings(a, b));
    return (
      '{' + entries.map(([k, v]) => encodeString(k, this.escapeHTML) + ':' + this.encode(v)).join(',') + '}'
    );
  }

  struct(obj: object): string {
    const parts: string[] = [];
    const layout = goStructLayout(obj);
    if (layout?.json) {
      // a Go struct: its fields in declaration order, omitempty ones left out when empty
      for (const f of layout.json) {
        const v = (obj as Record<string, unknown>)[f.name];
        if (f.omitempty && isEmptyValue(v, f.type)) continue;
        parts.push(encodeString(f.key, this.escapeHTML) + ':' + this.encode(v));
      }
      return '{' + parts.join(',') + '}';
    }
    for (const [k, v] of jsonFields(obj)) {
      // an undefined property is an omitted field (like `omitempty`)
      if (v === undefined) continue;
      parts.push(encodeString(k, this.escapeHTML) + ':' + this.encode(v));
    }
    return '{' + parts.join(',') + '}';
  }
}

/**
 * encoding/json's isEmptyValue, for omitempty: false, 0, "", a nil pointer, an empty
 * slice or map; never a struct. A pointer's value (`Init: false` behind a *bool) is not
 * empty, so the field's type decides.
 */
function isEmptyValue(v: unknown, type: string): boolean {
  if (isNilish(v) || v === NO_VALUE) return true;
  if (type.startsWith('*')) return false;
  switch (kindOf(v)) {
    case 'bool':
      return v === false;
    case 'int':
      return intValue(v) === 0n;
    case 'float':
      return numberValue(v) === 0;
    case 'string':
      return stringValue(v) === '';
    case 'slice':
      return (v as unknown[]).length === 0;
    case 'map':
      return mapSize(v) === 0;
    default:
      return false;
  }
}

/** Re-emit valid JSON text without insignificant whitespace (json.Compact with Go's escaping). */
export function compactText(text: string, escapeHTML: boolean): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (ch === '\\') {
        out += ch + text[++i];
        continue;
      }
      if (ch === '"') inString = false;
      if (escapeHTML && (ch === '<' || ch === '>' || ch === '&'))
        out += '\\u00' + hex[ch.charCodeAt(0) >> 4] + hex[ch.charCodeAt(0) & 15];
      else if (escapeHTML && (ch === '\u2028' || ch === '\u2029'))
        out += '\\u202' + (ch === '\u2028' ? '8' : '9');
      else out += ch;
      continue;
    }
    if (ch === '"') inString = true;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') continue;
    out += ch;
  }
  return out;
}

/** json.Marshal */
export function marshal(v: unknown, opts: MarshalOptions = {}): string {
  return new Encoder(opts).encode(v);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** base64.StdEncoding.EncodeToString */
function base64Std(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]! & 255, bytes[i + 1], bytes[i + 2]];
    out += B64[a >> 2]! + B64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : B64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : B64[c & 63]!;
  }
  return out;
}
