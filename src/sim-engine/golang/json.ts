/**
 * Go's encoding/json as Docker prints it: Marshal (json-encode.ts), MarshalIndent,
 * and Indent/Compact over JSON text — `docker inspect` indents the daemon's raw
 * bytes with `json.Indent(buf, raw, "", "    ")`, keeping every literal as sent.
 */
import { checkValid } from './json-decode.ts';
import { marshal, type MarshalOptions } from './json-encode.ts';

export { encodeFloat, encodeString, JSONError, marshal, type MarshalOptions } from './json-encode.ts';
export { checkValid, JSONSyntaxError, unmarshalAny, type DecodeOptions } from './json-decode.ts';

/**
 * json.Indent: each element of an object or array on its own line, prefixed by
 * `prefix` and `indent` repeated per depth; empty objects and arrays stay `{}` and
 * `[]`; leading whitespace is dropped, trailing whitespace kept. Throws
 * JSONSyntaxError on invalid input.
 */
export function indent(src: string, prefix: string, indentStr: string): string {
  let end = src.length;
  while (end > 0 && ' \t\r\n'.includes(src[end - 1]!)) end--;
  const trailing = src.slice(end);
  checkValid(src);
  // the line breaks by depth, made once each
  const newlines: string[] = [];
  const newline = (depth: number) => (newlines[depth] ??= '\n' + prefix + indentStr.repeat(depth));
  let out = '';
  let needIndent = false;
  let depth = 0;
  const body = src.slice(0, src.length - trailing.length);
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (needIndent && c !== '}' && c !== ']') {
      needIndent = false;
      depth++;
      out += newline(depth);
    }
    switch (c) {
      case '{':
      case '[':
        // delay indent so that empty object and array are formatted as {} and []
        needIndent = true;
        out += c;
        i++;
        break;
      case ',':
        out += ',' + newline(depth);
        i++;
        break;
      case ':':
        out += ': ';
        i++;
        break;
      case '}':
      case ']':
        if (needIndent)
          needIndent = false; // suppress indent in empty object/array
        else {
          depth--;
          out += newline(depth);
        }
        out += c;
        i++;
        break;
      case '"': {
        // a string is copied whole, escapes included
        let j = i + 1;
        while (j < body.length && body[j] !== '"') j += body[j] === '\\' ? 2 : 1;
        out += body.slice(i, j + 1);
        i = j + 1;
        break;
      }
      default: {
        // a number, true, false or null
        let j = i + 1;
        while (j < body.length && !LITERAL_END.has(body[j]!)) j++;
        out += body.slice(i, j);
        i = j;
      }
    }
  }
  return out + trailing;
}

/** What ends a literal in valid JSON: whitespace or the next token. */
const LITERAL_END = new Set([' ', '\t', '\n', '\r', '{', '}', '[', ']', ',', ':', '"']);

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
