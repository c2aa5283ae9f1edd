/**
 * Go's path.Match, which the `reference` filter of `docker images` uses through
 * reference.FamiliarMatch: `*` is any run of characters but `/`, `?` one character
 * but `/`, `[a-z]`/`[^…]` a class, `\` escapes; the whole name must match. A malformed
 * pattern is `syntax error in pattern` — even when the match has already failed,
 * Go checks the rest of the pattern first, and so does this port.
 */

export const ERR_BAD_PATTERN = 'syntax error in pattern';

export class BadPatternError extends Error {
  constructor() {
    super(ERR_BAD_PATTERN);
  }
}

type Chars = readonly string[];

/** path.Match(pattern, name); throws BadPatternError for a malformed pattern. */
export function pathMatch(pattern: string, name: string): boolean {
  let p: Chars = [...pattern];
  let n: Chars = [...name];
  outer: while (p.length > 0) {
    const { star, chunk, rest } = scanChunk(p);
    p = rest;
    if (star && chunk.length === 0) return !n.includes('/');
    const here = matchChunk(chunk, n);
    if (here !== undefined && (here.length === 0 || p.length > 0)) {
      n = here;
      continue;
    }
    if (star) {
      for (let i = 0; i < n.length && n[i] !== '/'; i++) {
        const t = matchChunk(chunk, n.slice(i + 1));
        if (t !== undefined) {
          if (p.length === 0 && t.length > 0) continue;
          n = t;
          continue outer;
        }
      }
    }
    // before answering no, the rest of the pattern must still be well-formed
    while (p.length > 0) {
      const next = scanChunk(p);
      p = next.rest;
      matchChunk(next.chunk, []);
    }
    return false;
  }
  return n.length === 0;
}

function scanChunk(pattern: Chars): { star: boolean; chunk: Chars; rest: Chars } {
  let start = 0;
  while (start < pattern.length && pattern[start] === '*') start++;
  let inRange = false;
  let i = start;
  scan: for (; i < pattern.length; i++) {
    switch (pattern[i]) {
      case '\\':
        if (i + 1 < pattern.length) i++;
        break;
      case '[':
        inRange = true;
        break;
      case ']':
        inRange = false;
        break;
      case '*':
        if (!inRange) break scan;
        break;
    }
  }
  return { star: start > 0, chunk: pattern.slice(start, i), rest: pattern.slice(i) };
}

/** The rest of `s` after `chunk` matched its start, or undefined; throws on a bad chunk. */
function matchChunk(chunk: Chars, s: Chars): Chars | undefined {
  let c = 0;
  let i = 0;
  // after a mismatch the chunk is still read to the end, to check its syntax
  let failed = false;
  while (c < chunk.length) {
    if (!failed && i >= s.length) failed = true;
    const ch = chunk[c]!;
    if (ch === '[') {
      const r = failed ? undefined : s[i++];
      c++;
      let negated = false;
      if (c < chunk.length && chunk[c] === '^') {
        negated = true;
        c++;
      }
      let match = false;
      let ranges = 0;
      for (;;) {
        if (c < chunk.length && chunk[c] === ']' && ranges > 0) {
          c++;
          break;
        }
        const lo = getEsc(chunk, c);
        c = lo.next;
        let hi = lo;
        if (chunk[c] === '-') {
          hi = getEsc(chunk, c + 1);
          c = hi.next;
        }
        if (r !== undefined && cp(lo.ch) <= cp(r) && cp(r) <= cp(hi.ch)) match = true;
        ranges++;
      }
      if (match === negated) failed = true;
    } else if (ch === '?') {
      if (!failed) {
        if (s[i] === '/') failed = true;
        i++;
      }
      c++;
    } else {
      let lit = ch;
      if (ch === '\\') {
        c++;
        if (c >= chunk.length) throw new BadPatternError();
        lit = chunk[c]!;
      }
      if (!failed) {
        if (lit !== s[i]) failed = true;
        i++;
      }
      c++;
    }
  }
  return failed ? undefined : s.slice(i);
}

const cp = (ch: string) => ch.codePointAt(0)!;

/** A possibly escaped character of a class; Go's getEsc, with its errors. */
function getEsc(chunk: Chars, at: number): { ch: string; next: number } {
  let c = at;
  if (c >= chunk.length || chunk[c] === '-' || chunk[c] === ']') throw new BadPatternError();
  if (chunk[c] === '\\') {
    c++;
    if (c >= chunk.length) throw new BadPatternError();
  }
  const ch = chunk[c]!;
  c++;
  if (c >= chunk.length) throw new BadPatternError();
  return { ch, next: c };
}
