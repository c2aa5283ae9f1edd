/**
 * Go's encoding/json as Docker prints it: Marshal (json-encode.ts), MarshalIndent,
 * and Indent/Compact over JSON text — `docker inspect` indents the daemon's raw
 * bytes with `json.Indent(buf, raw, "", "    ")`, keeping every literal as sent.
 */
import { checkValid } from './json-decode.ts';
import { marshal, type MarshalOptions } from './json-encode.ts';

export { encodeFloat, encodeString, JSONError, marshal, type MarshalOptions } from './json-encode.ts';
export { checkValid, JSONSyntaxError, unmarshalAny, type DecodeOptions } from './json-decode.ts';

function newline(prefix: string, indentStr: string, depth: number): string {
  return '\n' + prefix + indentStr.repeat(depth);
}

/**
 * json.Indent: each element of an object or array on its own line, prefixed by
 * `prefix` and `indent` repeated per depth; empty objects and arrays stay `{}` and
 * `[]`; leading whitespace is dropped, trailing whitespace kept. Throws
 * JSONSyntaxError on invalid input.
 */
export function indent(src: string, prefix: string, indentStr: string): string {
  const trailing = /[ \t\r\n]*$/.exec(src)![0];
  checkValid(src);
  let out = '';
  let needIndent = false;
  let depth = 0;
  let inString = false;
  const body = src.slice(0, src.length - trailing.length);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += body[++i];
      else if (c === '"') inString = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    if (needIndent && c !== '}' && c !== ']') {
      needIndent = false;
      depth++;
      out += newline(prefix, indentStr, depth);
    }
    switch (c) {
      case '{':
      case '[':
        // delay indent so that empty object and array are formatted as {} and []
        needIndent = true;
        out += c;
        break;
      case ',':
        out += c + newline(prefix, indentStr, depth);
        break;
      case ':':
        out += ': ';
        break;
      case '}':
      case ']':
        if (needIndent)
          needIndent = false; // suppress indent in empty object/array
        else {
          depth--;
          out += newline(prefix, indentStr, depth);
        }
        out += c;
        break;
      case '"':
        inString = true;
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out + trailing;
}

/** json.Compact: drop insignificant whitespace. Throws JSONSyntaxError on invalid input. */
export function compact(src: string): string {
  checkValid(src);
  let out = '';
  let inString = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += src[++i];
      else if (c === '"') inString = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    if (c === '"') inString = true;
    out += c;
  }
  return out;
}

/** json.MarshalIndent */
export function marshalIndent(
  v: unknown,
  prefix: string,
  indentStr: string,
  opts: MarshalOptions = {},
): string {
  return indent(marshal(v, opts), prefix, indentStr);
}
