/**
 * BuildKit's util/suggest: "(did you mean X?)" for a near miss, by Levenshtein distance
 * below 3 (as HCL does). Where Go ranges over a map, ties are broken here by the
 * order of `options`, which callers keep sorted.
 */

/** agext/levenshtein.Distance with unit costs, over code points. */
export function levenshtein(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[t.length]!;
}

function matchCase(val: string, orig: string): string {
  if (orig === orig.toLowerCase()) return val.toLowerCase();
  if (orig === orig.toUpperCase()) return val.toUpperCase();
  return val;
}

/** suggest.Search: the closest option, or '' when none is close or one is exact. */
export function suggestSearch(val: string, options: readonly string[], caseSensitive: boolean): string {
  const orig = val;
  if (!caseSensitive) val = val.toLowerCase();
  let match = '';
  let mindist = 3;
  for (let opt of options) {
    if (!caseSensitive) opt = opt.toLowerCase();
    // an exact match means the error was about something else
    if (val === opt) return '';
    const dist = levenshtein(val, opt);
    if (dist < mindist) {
      match = caseSensitive ? opt : matchCase(opt, orig);
      mindist = dist;
    }
  }
  return match;
}

/** suggest.WrapError: the message with " (did you mean X?)" when there is a near miss. */
export function wrapSuggest(
  message: string,
  val: string,
  options: readonly string[],
  caseSensitive: boolean,
): string {
  const m = suggestSearch(val, options, caseSensitive);
  return m === '' ? message : `${message} (did you mean ${m}?)`;
}
