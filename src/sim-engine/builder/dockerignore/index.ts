/**
 * .dockerignore as Docker 28 reads and applies it: moby/patternmatcher/ignorefile
 * (ReadAll), moby/patternmatcher (Pattern, MatchesUsingParentResults) and the walk of
 * tonistiigi/fsutil's filterFS, which decides per entry with its parent directory's
 * match results and skips whole directories when no exception can reach inside.
 * Choosing `<Dockerfile>.dockerignore` over `.dockerignore` is the caller's job.
 */

/** filepath.Clean for "/"-separated paths. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const s = out.join('/');
  if (rooted) return '/' + s;
  return s === '' ? '.' : s;
}

/**
 * ignorefile.ReadAll: the patterns of a .dockerignore. A BOM is dropped; lines
 * starting with "#" are comments (only in the first column); each pattern is trimmed,
 * cleaned and loses a leading "/", keeping a "!" in front.
 */
export function parseDockerignore(text: string): string[] {
  const out: string[] = [];
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const lines = text.split('\n');
  // bufio.ScanLines: no empty token after a final newline, and "\r\n" ends a line
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  for (let raw of lines) {
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    if (raw.startsWith('#')) continue;
    let pattern = goTrimSpace(raw);
    if (pattern === '') continue;
    const invert = pattern[0] === '!';
    if (invert) pattern = goTrimSpace(pattern.slice(1));
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern[0] === '/') pattern = pattern.slice(1);
    }
    if (invert) pattern = '!' + pattern;
    out.push(pattern);
  }
  return out;
}

function goTrimSpace(s: string): string {
  // strings.TrimSpace: Unicode White_Space, as unicode.IsSpace
  return s.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, '');
}

/** filepath.ErrBadPattern's text. */
const ERR_BAD_PATTERN = 'syntax error in pattern';

/** filepath.Match's syntax check (it validates the whole pattern even on a mismatch). */
function validGlob(p: string): boolean {
  const cps = Array.from(p);
  let i = 0;
  const getEsc = (): boolean => {
    // a class member: not empty, not "-" or "]", an escape needs a character, and more must follow
    if (i >= cps.length || cps[i] === '-' || cps[i] === ']') return false;
    if (cps[i] === '\\') {
      i++;
      if (i >= cps.length) return false;
    }
    i++;
    return i < cps.length;
  };
  while (i < cps.length) {
    const c = cps[i]!;
    if (c === '\\') {
      i++;
      if (i >= cps.length) return false;
      i++;
    } else if (c === '[') {
      i++;
      if (cps[i] === '^') i++;
      let nrange = 0;
      for (;;) {
        if (i < cps.length && cps[i] === ']' && nrange > 0) {
          i++;
          break;
        }
        if (!getEsc()) return false;
        if (cps[i] === '-') {
          i++;
          if (!getEsc()) return false;
        }
        nrange++;
      }
    } else {
      i++;
    }
  }
  return true;
}

const shouldEscape = new Set(['.', '+', '(', ')', '|', '{', '}', '$']);

interface Pattern {
  cleaned: string;
  dirs: string[];
  exclusion: boolean;
  kind?: 'exact' | 'prefix' | 'suffix' | 'regexp';
  regexp?: RegExp;
  bad?: boolean;
}

/** Pattern.compile: the match kind, and a regexp when globs are involved. */
function compile(p: Pattern): void {
  let reg = '^';
  const chars = Array.from(p.cleaned);
  let kind: NonNullable<Pattern['kind']> = 'exact';
  let i = 0;
  const peek = () => chars[i];
  for (let n = 0; i < chars.length; n++) {
    const ch = chars[i++]!;
    if (ch === '*') {
      if (peek() === '*') {
        i++;
        // "**/" is "**"
        if (peek() === '/') i++;
        if (i >= chars.length) {
          // "**" at the end accepts everything, as .gitignore
          if (kind === 'exact') kind = 'prefix';
          else {
            reg += '[^\\n]*';
            kind = 'regexp';
          }
        } else {
          // any number of directories, even none
          reg += '([^\\n]*/)?';
          kind = 'regexp';
        }
        if (n === 0) kind = 'suffix';
      } else {
        reg += '[^/]*';
        kind = 'regexp';
      }
    } else if (ch === '?') {
      reg += '[^/]';
      kind = 'regexp';
    } else if (shouldEscape.has(ch)) {
      reg += '\\' + ch;
    } else if (ch === '\\') {
      // escapes the next character; a trailing "\" stays literal
      if (i < chars.length) {
        reg += '\\' + chars[i++]!;
        kind = 'regexp';
      } else {
        reg += '\\\\';
      }
    } else if (ch === '[' || ch === ']') {
      reg += ch;
      kind = 'regexp';
    } else {
      // characters JavaScript's regexps treat specially but Go's escape list omits
      reg += ch === '^' ? '^' : ch;
    }
  }
  p.kind = kind;
  if (kind !== 'regexp') return;
  try {
    p.regexp = new RegExp(reg + '$', 'u');
  } catch {
    p.bad = true;
  }
}

function matchPattern(p: Pattern, path: string): boolean {
  if (!p.kind) compile(p);
  if (p.bad) throw new Error(ERR_BAD_PATTERN);
  switch (p.kind) {
    case 'exact':
      return path === p.cleaned;
    case 'prefix':
      return path.startsWith(p.cleaned.slice(0, -2));
    case 'suffix': {
      const suffix = p.cleaned.slice(2);
      if (path.endsWith(suffix)) return true;
      // "**/foo" matches "foo"
      return suffix[0] === '/' && path === suffix.slice(1);
    }
    default:
      return p.regexp!.test(path);
  }
}

/** patternmatcher.New; throws with its message (fsutil wraps it, see dockerignoreMatcher). */
function newPatterns(patterns: string[]): Pattern[] {
  const out: Pattern[] = [];
  for (let p of patterns) {
    p = goTrimSpace(p);
    if (p === '') continue;
    p = cleanPath(p);
    let exclusion = false;
    if (p[0] === '!') {
      if (p.length === 1) throw new Error('illegal exclusion pattern: "!"');
      exclusion = true;
      p = p.slice(1);
    }
    if (!validGlob(p)) throw new Error(ERR_BAD_PATTERN);
    out.push({ cleaned: p, dirs: p.split('/'), exclusion });
  }
  return out;
}

/** MatchesUsingParentResults: one entry, given its parent directory's per-pattern results. */
function matchesUsingParentResults(
  pats: Pattern[],
  file: string,
  parentMatched: boolean[] | undefined,
): { matched: boolean; info: boolean[] } {
  let matched = false;
  const info = new Array<boolean>(pats.length).fill(false);
  pats.forEach((pat, i) => {
    let match = parentMatched ? parentMatched[i]! : false;
    if (!match) {
      // an inclusion after a match, or an exclusion before one, cannot change anything
      if (pat.exclusion !== matched) return;
      match = matchPattern(pat, file);
      if (!match && !parentMatched) {
        const slash = file.lastIndexOf('/');
        if (slash > 0) {
          const parts = file.slice(0, slash).split('/');
          for (let k = 0; k < parts.length && !match; k++) {
            try {
              match = matchPattern(pat, parts.slice(0, k + 1).join('/'));
            } catch {
              match = false;
            }
          }
        }
      }
    }
    info[i] = match;
    if (match) matched = !pat.exclusion;
  });
  return { matched, info };
}

function patternWithoutTrailingGlob(p: Pattern): string {
  let s = p.cleaned;
  if (s.endsWith('/**')) s = s.slice(0, -3);
  if (s.endsWith('/*')) s = s.slice(0, -2);
  return s;
}

export interface DockerignoreMatcher {
  /** Is this context path (like 'src/a.txt', no leading slash) left out of the context? */
  matches(relPath: string): boolean;
  /**
   * For a directory that matches: can the walk skip everything inside it? fsutil does
   * when no exception could re-include anything below it.
   */
  excludesDirectoryEntirely(dir: string): boolean;
}

function goSliceString(a: string[]): string {
  return '[' + a.join(' ') + ']';
}

/**
 * The matcher fsutil builds from the patterns. A path is judged as the context walk
 * judges it: each directory from the top down, each passing its per-pattern results
 * to its entries. Throws `invalid excludepatterns: [...]: <reason>` for a bad pattern.
 */
export function dockerignoreMatcher(patterns: string[]): DockerignoreMatcher {
  let pats: Pattern[];
  try {
    pats = newPatterns(patterns);
  } catch (e) {
    throw new Error(`invalid excludepatterns: ${goSliceString(patterns)}: ${(e as Error).message}`, {
      cause: e,
    });
  }
  const hasExclusions = pats.some((p) => p.exclusion);
  const onlyPrefixExceptions = !pats.some(
    (p) => p.exclusion && /[*[\]?^\\]/.test(patternWithoutTrailingGlob(p)),
  );
  const dirInfo = new Map<string, { matched: boolean; info: boolean[] }>();
  const judge = (path: string): { matched: boolean; info: boolean[] } => {
    const cached = dirInfo.get(path);
    if (cached) return cached;
    const slash = path.lastIndexOf('/');
    const parent = slash > 0 ? judge(path.slice(0, slash)).info : undefined;
    const r = matchesUsingParentResults(pats, path, parent);
    dirInfo.set(path, r);
    return r;
  };
  return {
    matches(relPath: string): boolean {
      if (pats.length === 0) return false;
      const p = cleanPath(relPath.replace(/^\/+/, ''));
      // "." is the context itself: never excluded
      if (p === '.' || p.startsWith('..')) return false;
      try {
        return judge(p).matched;
      } catch (e) {
        throw new Error(`failed to match excludepatterns: ${(e as Error).message}`, { cause: e });
      }
    },
    excludesDirectoryEntirely(dir: string): boolean {
      if (pats.length === 0) return false;
      const p = cleanPath(dir.replace(/^\/+/, ''));
      if (p === '.' || !judge(p).matched || !onlyPrefixExceptions) return false;
      if (!hasExclusions) return true;
      const dirSlash = p + '/';
      return !pats.some(
        (pat) => pat.exclusion && (patternWithoutTrailingGlob(pat) + '/').startsWith(dirSlash),
      );
    },
  };
}
