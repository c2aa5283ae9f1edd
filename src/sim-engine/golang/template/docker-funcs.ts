/**
 * The functions docker/cli adds to every template (cli/templates/templates.go):
 * json, split, join, title, lower, upper, pad, truncate — and HeaderFunctions, the
 * stand-ins a table's header row is rendered with so that `{{upper .Name}}` still
 * prints the column title NAME unchanged.
 */
import { marshal } from '../json-encode.ts';
import { isDigit, isLetter, isSpace } from '../unicode.ts';
import { byteLength, sliceBytes } from '../utf8.ts';
import { goFunc, type FuncMap } from './func-types.ts';

/** Map each rune with a single-rune case mapping, as Go's unicode tables do (ß stays ß). */
function mapRunes(s: string, f: (c: string) => string): string {
  let out = '';
  for (const ch of s) {
    const m = f(ch);
    out += [...m].length === 1 ? m : ch;
  }
  return out;
}

function isASCII(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** strings.ToUpper */
export function toUpper(s: string): string {
  return isASCII(s) ? s.toUpperCase() : mapRunes(s, (c) => c.toUpperCase());
}

/** strings.ToLower */
export function toLower(s: string): string {
  return isASCII(s) ? s.toLowerCase() : mapRunes(s, (c) => c.toLowerCase());
}

/** strings.Title's word boundary test */
function isSeparator(cp: number): boolean {
  if (cp <= 0x7f) {
    if (
      (cp >= 0x30 && cp <= 0x39) ||
      (cp >= 0x61 && cp <= 0x7a) ||
      (cp >= 0x41 && cp <= 0x5a) ||
      cp === 0x5f
    ) {
      return false;
    }
    return true;
  }
  if (isLetter(cp) || isDigit(cp)) return false;
  return isSpace(cp);
}

/** strings.Title (deprecated in Go, still what docker uses): upper-case the first letter of each word. */
export function title(s: string): string {
  let prev = 0x20;
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out += isSeparator(prev) ? mapRunes(ch, (c) => c.toUpperCase()) : ch;
    prev = cp;
  }
  return out;
}

/** strings.Split */
export function split(s: string, sep: string): string[] {
  if (sep === '') return [...s];
  return s.split(sep);
}

/** The CLI's `json`: Encoder with SetEscapeHTML(false), trailing newline trimmed. */
function jsonFunc(v: unknown): string {
  return marshal(v, { escapeHTML: false }).trim();
}

/** padWithSpace: only non-empty strings are padded. */
function pad(source: string, prefix: number, suffix: number): string {
  if (source === '') return source;
  return ' '.repeat(Math.max(0, prefix)) + source + ' '.repeat(Math.max(0, suffix));
}

/** truncateWithLength: byte length, as Go slices the string. */
function truncate(source: string, length: number): string {
  if (byteLength(source) < length) return source;
  if (length < 0) throw new Error(`runtime error: slice bounds out of range [:${length}]`);
  return sliceBytes(source, 0, length);
}

/** templates.basicFunctions */
export const dockerTemplateFuncs: FuncMap = {
  json: goFunc(['any'], jsonFunc),
  split: goFunc(['string', 'string'], split),
  join: goFunc(['[]string', 'string'], (a: string[], sep: string) => a.join(sep)),
  title: goFunc(['string'], title),
  lower: goFunc(['string'], toLower),
  upper: goFunc(['string'], toUpper),
  pad: goFunc(['string', 'int', 'int'], pad),
  truncate: goFunc(['string', 'int'], truncate),
};

/** templates.HeaderFunctions: like the basic ones but leave the header text alone. */
export const dockerHeaderFuncs: FuncMap = {
  json: goFunc(['string'], (v: string) => v),
  split: goFunc(['string', 'string'], (v: string) => v),
  join: goFunc(['string', 'string'], (v: string) => v),
  title: goFunc(['string'], (v: string) => v),
  lower: goFunc(['string'], (v: string) => v),
  upper: goFunc(['string'], (v: string) => v),
  truncate: goFunc(['string', 'int'], (v: string) => v),
};
