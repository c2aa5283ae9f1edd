/**
 * Shell pathname expansion (glob(7)): `*`, `?`, `[a-z]`, `[!x]`/`[^x]`, `[[:digit:]]`,
 * and `\` to quote the next character. The shell passes quoted parts of a word with
 * their magic characters escaped (`"*".txt` → `\*.txt`).
 *
 * As POSIX says, a leading `.` of a name is matched only by a literal `.` in the
 * pattern, so `*` leaves hidden files out. `.` and `..` are never produced (bash 5.2's
 * globskipdots). Results are sorted by code unit, as in the C locale containers run in.
 */
import type { FileSystem } from './types.ts';

type Token =
  | { t: 'lit'; ch: string }
  | { t: 'any' }
  | { t: 'star' }
  | { t: 'class'; negate: boolean; test: (ch: string) => boolean };

const CLASSES: Record<string, { test(ch: string): boolean }> = {
  alpha: /[A-Za-z]/,
  digit: /[0-9]/,
  alnum: /[A-Za-z0-9]/,
  upper: /[A-Z]/,
  lower: /[a-z]/,
  space: /[ \t\n\r\f\v]/,
  blank: /[ \t]/,
  punct: /[!-/:-@[-`{-~]/,
  xdigit: /[0-9A-Fa-f]/,
  print: /[ -~]/,
  graph: /[!-~]/,
  cntrl: { test: (ch) => ch < ' ' || ch === '\x7f' },
};

/** Parse a bracket expression starting after `[`; undefined if it is not closed. */
function parseClass(p: string, start: number): { token: Token; end: number } | undefined {
  let i = start;
  let negate = false;
  if (p[i] === '!' || p[i] === '^') {
    negate = true;
    i++;
  }
  const tests: ((ch: string) => boolean)[] = [];
  let first = true;
  while (i < p.length) {
    let ch = p[i]!;
    if (ch === ']' && !first) {
      return { token: { t: 'class', negate, test: (c) => tests.some((f) => f(c)) }, end: i + 1 };
    }
    first = false;
    if (ch === '[' && p[i + 1] === ':') {
      const close = p.indexOf(':]', i + 2);
      const re = close > 0 ? CLASSES[p.slice(i + 2, close)] : undefined;
      if (re) {
        tests.push((c) => re.test(c));
        i = close + 2;
        continue;
      }
    }
    if (ch === '\\' && i + 1 < p.length) ch = p[++i]!;
    if (p[i + 1] === '-' && p[i + 2] !== undefined && p[i + 2] !== ']') {
      let hi = p[i + 2]!;
      let next = i + 3;
      if (hi === '\\' && i + 3 < p.length) hi = p[next++]!;
      const lo = ch;
      tests.push((c) => c >= lo && c <= hi);
      i = next;
      continue;
    }
    const lit = ch;
    tests.push((c) => c === lit);
    i++;
  }
  return undefined;
}

function compile(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\' && i + 1 < pattern.length) tokens.push({ t: 'lit', ch: pattern[++i]! });
    else if (ch === '*') {
      if (tokens.at(-1)?.t !== 'star') tokens.push({ t: 'star' });
    } else if (ch === '?') tokens.push({ t: 'any' });
    else if (ch === '[') {
      const parsed = parseClass(pattern, i + 1);
      if (parsed) {
        tokens.push(parsed.token);
        i = parsed.end - 1;
      } else tokens.push({ t: 'lit', ch });
    } else tokens.push({ t: 'lit', ch });
  }
  return tokens;
}

/**
 * Compiled patterns (the last 64): a directory's names are each matched against the
 * same pattern, and the same patterns come back (nginx's include, a shell's `*.txt`).
 */
const compiledPatterns = new Map<string, readonly Token[]>();

function compiled(pattern: string): readonly Token[] {
  let tokens = compiledPatterns.get(pattern);
  if (!tokens) {
    tokens = compile(pattern);
    if (compiledPatterns.size >= 64) compiledPatterns.delete(compiledPatterns.keys().next().value!);
    compiledPatterns.set(pattern, tokens);
  }
  return tokens;
}

function matchOne(token: Token, ch: string): boolean {
  if (token.t === 'lit') return token.ch === ch;
  if (token.t === 'any') return true;
  if (token.t === 'class') return token.test(ch) !== token.negate;
  return false;
}

/** Whether one path component `name` matches the glob `pattern` (no `/` in either). */
export function matchGlob(pattern: string, name: string): boolean {
  const tokens = compiled(pattern);
  // a leading dot must be matched by a literal dot
  if (name.startsWith('.') && !(tokens[0]?.t === 'lit' && tokens[0].ch === '.')) return false;
  // iterative matching with one backtrack point: the last star seen
  let ti = 0;
  let ni = 0;
  let starTi = -1;
  let starNi = 0;
  while (ni < name.length) {
    const token = tokens[ti];
    if (token && token.t === 'star') {
      starTi = ti++;
      starNi = ni;
    } else if (token && matchOne(token, name[ni]!)) {
      ti++;
      ni++;
    } else if (starTi >= 0) {
      ti = starTi + 1;
      ni = ++starNi;
    } else return false;
  }
  while (tokens[ti]?.t === 'star') ti++;
  return ti === tokens.length;
}

/** Whether a word has unquoted glob characters (`*`, `?`, or a closed `[...]`). */
export function hasGlob(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const ch = word[i];
    if (ch === '\\') i++;
    else if (ch === '*' || ch === '?') return true;
    else if (ch === '[' && parseClass(word, i + 1)) return true;
  }
  return false;
}

function unescape(text: string): string {
  return text.includes('\\') ? text.replace(/\\(.)/g, '$1') : text;
}

/**
 * Expand a glob against a file system. `pattern` may be relative (to `cwd`, and the
 * matches stay relative) or absolute. Returns the sorted matches, or `[]` when nothing
 * matches (the shell then keeps the word as it is). A trailing `/` matches directories
 * only, and the matches keep it.
 */
export function expandGlob(fs: FileSystem, cwd: string, pattern: string): string[] {
  const absolute = pattern.startsWith('/');
  const trailing = pattern.endsWith('/');
  const parts = pattern.split('/').filter((p) => p !== '');
  // each candidate: the text as the user wrote it, and where it is on the file system
  let candidates: { shown: string; at: string }[] = [
    { shown: absolute ? '/' : '', at: absolute ? '/' : cwd },
  ];
  let lastLiteral = true;
  const child = (base: string, name: string) =>
    base === '' ? name : base.endsWith('/') ? base + name : `${base}/${name}`;
  for (const part of parts) {
    const next: { shown: string; at: string }[] = [];
    lastLiteral = !hasGlob(part);
    for (const c of candidates) {
      if (lastLiteral) {
        const name = unescape(part);
        next.push({ shown: child(c.shown, name), at: child(c.at, name) });
        continue;
      }
      let names: string[];
      try {
        names = fs.readdir(c.at);
      } catch {
        continue;
      }
      for (const name of names) {
        if (matchGlob(part, name)) next.push({ shown: child(c.shown, name), at: child(c.at, name) });
      }
    }
    candidates = next;
  }
  const results: string[] = [];
  for (const c of candidates) {
    if (trailing) {
      if (fs.stat(c.at)?.kind === 'dir') results.push(c.shown + '/');
    } else if (!lastLiteral || fs.lstat(c.at)) results.push(c.shown);
  }
  return results.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
