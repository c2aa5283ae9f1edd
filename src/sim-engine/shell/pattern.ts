/**
 * Shell patterns (`case`, `${x#pat}`, `[[ x == pat ]]`) as regular expressions. A
 * pattern comes from expansion with its quoted characters escaped by a backslash
 * (`"*".txt` is `\*.txt`), the same convention as fs/glob.ts. Unlike pathname
 * expansion, a leading `.` is matched by `*` and `/` is an ordinary character.
 */

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
  word: 'A-Za-z0-9_',
};

const escapeRe = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** The bracket expression starting after `[` at `start`, as a regex class; undefined if not closed. */
function bracket(p: string, start: number): { re: string; end: number } | undefined {
  let i = start;
  let out = '[';
  if (p[i] === '!' || p[i] === '^') {
    out += '^';
    i++;
  }
  let first = true;
  while (i < p.length) {
    const c = p[i]!;
    if (c === ']' && !first) return { re: out + ']', end: i + 1 };
    first = false;
    if (c === '[' && p[i + 1] === ':') {
      const close = p.indexOf(':]', i + 2);
      const cls = close > 0 ? CLASSES[p.slice(i + 2, close)] : undefined;
      if (cls !== undefined) {
        out += cls;
        i = close + 2;
        continue;
      }
    }
    if (c === '\\' && i + 1 < p.length) {
      out += escapeRe(p[i + 1]!);
      i += 2;
      continue;
    }
    out += c === '-' && p[i + 1] !== ']' && out !== '[' && out !== '[^' ? '-' : escapeRe(c);
    i++;
  }
  return undefined;
}

/** The regular expression source for a pattern (not anchored). */
export function patternSource(p: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '\\' && i + 1 < p.length) out += escapeRe(p[++i]!);
    else if (c === '*') out += '[\\s\\S]*';
    else if (c === '?') out += '[\\s\\S]';
    else if (c === '[') {
      const b = bracket(p, i + 1);
      if (b) {
        out += b.re;
        i = b.end - 1;
      } else out += '\\[';
    } else out += escapeRe(c);
  }
  return out;
}

const cache = new Map<string, RegExp>();

function anchored(p: string): RegExp {
  let re = cache.get(p);
  if (!re) {
    if (cache.size > 500) cache.clear();
    re = new RegExp(`^(?:${patternSource(p)})$`);
    cache.set(p, re);
  }
  return re;
}

/** Whether the whole of `text` matches the pattern. */
export function matchPattern(p: string, text: string): boolean {
  return anchored(p).test(text);
}

/** Remove the shortest (or longest) prefix matching the pattern: `${x#p}`, `${x##p}`. */
export function removePrefix(text: string, p: string, longest: boolean): string {
  const re = anchored(p);
  if (longest) {
    for (let i = text.length; i >= 0; i--) if (re.test(text.slice(0, i))) return text.slice(i);
  } else {
    for (let i = 0; i <= text.length; i++) if (re.test(text.slice(0, i))) return text.slice(i);
  }
  return text;
}

/** Remove the shortest (or longest) suffix matching the pattern: `${x%p}`, `${x%%p}`. */
export function removeSuffix(text: string, p: string, longest: boolean): string {
  const re = anchored(p);
  if (longest) {
    for (let i = 0; i <= text.length; i++) if (re.test(text.slice(i))) return text.slice(0, i);
  } else {
    for (let i = text.length; i >= 0; i--) if (re.test(text.slice(i))) return text.slice(0, i);
  }
  return text;
}

/** `${x/p/r}` and friends: the longest match at the leftmost place, once or everywhere. */
export function replacePattern(
  text: string,
  p: string,
  replacement: string,
  mode: 'first' | 'all' | 'prefix' | 'suffix',
): string {
  if (p === '') return text;
  const re = anchored(p);
  if (mode === 'prefix') {
    for (let j = text.length; j >= 0; j--) if (re.test(text.slice(0, j))) return replacement + text.slice(j);
    return text;
  }
  if (mode === 'suffix') {
    for (let i = 0; i <= text.length; i++) if (re.test(text.slice(i))) return text.slice(0, i) + replacement;
    return text;
  }
  let out = '';
  let i = 0;
  while (i <= text.length) {
    let matched = -1;
    for (let j = text.length; j > i; j--)
      if (re.test(text.slice(i, j))) {
        matched = j;
        break;
      }
    if (matched < 0) {
      if (i < text.length) out += text[i];
      i++;
      continue;
    }
    out += replacement;
    i = matched;
    if (mode === 'first') return out + text.slice(i);
  }
  return out;
}
