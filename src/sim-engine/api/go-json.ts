/**
 * Reading a JSON request body as dockerd does: Go's `json.Decoder` reads the first value
 * and `More()` says whether anything but space or a closing bracket follows it. Its
 * syntax errors have Go's words ("invalid character 'x' looking for beginning of value",
 * "unexpected EOF"), which the docker CLI prints after "Error response from daemon:
 * invalid JSON: ". The scan follows Go's encoding/json scanner state by state; only the
 * value itself is then parsed by JSON.parse.
 *
 * Differs from Docker: Go decodes into typed structs and fails on a wrong type ("json:
 * cannot unmarshal number into Go struct field …"); here any well-formed JSON value is
 * accepted and the route reads what it understands.
 */

export type GoJsonResult =
  | { ok: true; value: unknown; more: boolean }
  /** `eof`: nothing but space (Go's io.EOF, which callers word themselves) */
  | { ok: false; error: string; eof?: boolean };

/** Go's encoding/json limit of nested arrays and objects. */
const MAX_DEPTH = 10000;

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

/**
 * The first UTF-8 byte of the character at `i`: Go's scanner steps through bytes and
 * names the byte it stopped at.
 */
function firstByte(text: string, i: number): number {
  const cp = text.codePointAt(i)!;
  if (cp < 0x80) return cp;
  if (cp < 0x800) return 0xc0 | (cp >> 6);
  if (cp < 0x10000) return 0xe0 | (cp >> 12);
  return 0xf0 | (cp >> 18);
}

/** strconv.Quote's escapes for the C-style control characters */
const C_ESCAPES: Record<number, string> = {
  0x07: '\\a',
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0b: '\\v',
  0x0c: '\\f',
  0x0d: '\\r',
};

/** Go's quoteChar: a byte as a quoted character literal, through strconv.Quote of its rune. */
export function quoteChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return `'"'`;
  if (c === 0x5c) return "'\\\\'";
  if (C_ESCAPES[c]) return `'${C_ESCAPES[c]}'`;
  if (c < 0x20 || c === 0x7f) return `'\\x${c.toString(16).padStart(2, '0')}'`;
  // U+0080–U+009F are controls, U+00A0 a space and U+00AD a format character: not printable
  if ((c >= 0x80 && c <= 0xa0) || c === 0xad) return `'\\u${c.toString(16).padStart(4, '0')}'`;
  return `'${String.fromCharCode(c)}'`;
}

type Container = 'key' | 'value' | 'array';

class SyntaxFailure {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

/**
 * Decode the first JSON value of `text` as Go's json.Decoder.Decode does, and tell
 * whether more follows as Decoder.More does.
 */
export function decodeGoJson(text: string): GoJsonResult {
  let i = 0;
  const n = text.length;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  if (i === n) return { ok: false, error: 'EOF', eof: true };
  const start = i;
  const fail = (at: number, context: string) =>
    new SyntaxFailure(`invalid character ${quoteChar(firstByte(text, at))} ${context}`);
  const stack: Container[] = [];
  const skipSpace = () => {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
  };
  try {
    // `value`: at the beginning of a value; `after`: after a value or an object key
    let phase: 'value' | 'after' = 'value';
    for (;;) {
      if (phase === 'value') {
        skipSpace();
        if (i === n) return unexpectedEof();
        const c = text.charCodeAt(i);
        if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
          stack.push(c === 0x7b ? 'key' : 'array');
          if (stack.length > MAX_DEPTH) throw fail(i, 'exceeded max depth');
          i++;
          skipSpace();
          if (i === n) return unexpectedEof();
          const d = text.charCodeAt(i);
          if (c === 0x7b) {
            // `{}`: the close is read as after a value; else a key must come
            if (d === 0x7d) stack[stack.length - 1] = 'value';
            else if (d !== 0x22) throw fail(i, 'looking for beginning of object key string');
            else if ((i = scanString(text, i, fail)) === -1) return unexpectedEof();
            phase = 'after';
          } else {
            // `[]`: the close is read as after a value
            phase = d === 0x5d ? 'after' : 'value';
          }
          continue;
        }
        i = scanScalar(text, i, fail);
        if (i === -1) return unexpectedEof();
        phase = 'after';
        continue;
      }
      if (stack.length === 0) {
        const value = JSON.parse(text.slice(start, i)) as unknown;
        return { ok: true, value, more: more(text, i) };
      }
      skipSpace();
      if (i === n) return unexpectedEof();
      const c = text.charCodeAt(i);
      const top = stack[stack.length - 1]!;
      if (top === 'key') {
        if (c !== 0x3a /* : */) throw fail(i, 'after object key');
        stack[stack.length - 1] = 'value';
        i++;
        phase = 'value';
      } else if (top === 'value') {
        if (c === 0x7d /* } */) {
          stack.pop();
          i++;
        } else if (c === 0x2c /* , */) {
          stack[stack.length - 1] = 'key';
          i++;
          skipSpace();
          if (i === n) return unexpectedEof();
          if (text.charCodeAt(i) !== 0x22) throw fail(i, 'looking for beginning of object key string');
          if ((i = scanString(text, i, fail)) === -1) return unexpectedEof();
        } else {
          throw fail(i, 'after object key:value pair');
        }
      } else if (c === 0x5d /* ] */) {
        stack.pop();
        i++;
      } else if (c === 0x2c) {
        i++;
        phase = 'value';
      } else {
        throw fail(i, 'after array element');
      }
    }
  } catch (err) {
    if (err instanceof SyntaxFailure) return { ok: false, error: err.message };
    throw err;
  }
}

function unexpectedEof(): GoJsonResult {
  return { ok: false, error: 'unexpected EOF' };
}

/** Decoder.More after the first value: the next non-space byte is there and closes nothing. */
function more(text: string, i: number): boolean {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (i === text.length) return false;
  const c = text.charCodeAt(i);
  return c !== 0x5d && c !== 0x7d;
}

type Fail = (at: number, context: string) => SyntaxFailure;

/** A string from its opening quote; the index after its closing quote, or -1 at the end. */
function scanString(text: string, i: number, fail: Fail): number {
  const n = text.length;
  i++;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c === 0x5c) {
      i++;
      if (i === n) return -1;
      const e = text.charCodeAt(i);
      if (e === 0x75 /* u */) {
        for (let k = 1; k <= 4; k++) {
          if (i + k >= n) return -1;
          if (!isHex(text.charCodeAt(i + k))) throw fail(i + k, 'in \\u hexadecimal character escape');
        }
        i += 5;
        continue;
      }
      if (!'bfnrt\\/"'.includes(text[i]!)) throw fail(i, 'in string escape code');
      i++;
      continue;
    }
    if (c < 0x20) throw fail(i, 'in string literal');
    i++;
  }
  return -1;
}

/**
 * A number, string or literal; the index after it, or -1 when the input ends inside it.
 * A number at the very end of the input is complete (Go's scanner is fed a space at EOF).
 */
function scanScalar(text: string, i: number, fail: Fail): number {
  const n = text.length;
  const c = text.charCodeAt(i);
  if (c === 0x22) return scanString(text, i, fail);
  for (const word of ['true', 'false', 'null']) {
    if (c !== word.charCodeAt(0)) continue;
    for (let k = 1; k < word.length; k++) {
      if (i + k >= n) return -1;
      if (text[i + k] !== word[k]) throw fail(i + k, `in literal ${word} (expecting '${word[k]}')`);
    }
    return i + word.length;
  }
  if (c !== 0x2d && !isDigit(c)) throw fail(i, 'looking for beginning of value');
  if (c === 0x2d) {
    i++;
    if (i === n) return -1;
    if (!isDigit(text.charCodeAt(i))) throw fail(i, 'in numeric literal');
  }
  // a leading 0 takes no more digits: `01` is 0 followed by 1
  if (text.charCodeAt(i) === 0x30) i++;
  else while (i < n && isDigit(text.charCodeAt(i))) i++;
  if (i < n && text.charCodeAt(i) === 0x2e /* . */) {
    i++;
    if (i === n) return -1;
    if (!isDigit(text.charCodeAt(i))) throw fail(i, 'after decimal point in numeric literal');
    while (i < n && isDigit(text.charCodeAt(i))) i++;
  }
  if (i < n && (text.charCodeAt(i) === 0x65 || text.charCodeAt(i) === 0x45) /* e E */) {
    i++;
    if (i < n && (text.charCodeAt(i) === 0x2b || text.charCodeAt(i) === 0x2d)) i++;
    if (i === n) return -1;
    if (!isDigit(text.charCodeAt(i))) throw fail(i, 'in exponent of numeric literal');
    while (i < n && isDigit(text.charCodeAt(i))) i++;
  }
  return i;
}
