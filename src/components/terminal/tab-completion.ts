/**
 * Tab at the prompt, bash style, on the candidates the lab's shell offers for the word
 * at the cursor: one is put in (with a space after it, none after a directory's `/` or
 * when the word goes on); several put in what they share; a second Tab with nothing
 * more to put in lists them below the line; none rings the bell.
 */

/** What the engine answers for the word at the cursor. */
export interface Candidates {
  from: number;
  candidates: readonly string[];
  noSpace?: boolean;
}

export type TabAction =
  { kind: 'insert'; from: number; text: string } | { kind: 'list'; items: string[] } | { kind: 'bell' };

/** The longest start every string shares. */
export function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0]!;
  for (const w of words) {
    let i = 0;
    while (i < prefix.length && i < w.length && prefix[i] === w[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

// eslint-disable-next-line no-control-regex -- control characters are what this keeps out
const CONTROL = /[\x00-\x1f\x7f-\x9f]/;

/**
 * What Tab does. `word` is the line from `from` to the cursor; `again` says the Tab
 * before this one left the line as it is (bash lists on the second Tab).
 */
export function tabAction(result: Candidates, word: string, again: boolean): TabAction {
  // a name with control characters in it is not typed into the line (nor shown)
  const candidates = [...new Set(result.candidates)].filter((c) => !CONTROL.test(c));
  if (candidates.length === 0) return { kind: 'bell' };
  if (candidates.length === 1) {
    const only = candidates[0]!;
    const end = only.endsWith('/') || result.noSpace ? '' : ' ';
    return { kind: 'insert', from: result.from, text: only + end };
  }
  const shared = commonPrefix(candidates);
  if (shared.length > word.length) return { kind: 'insert', from: result.from, text: shared };
  if (!again) return { kind: 'bell' };
  // file names are listed without the directory typed before them, as bash lists them
  const dir = word.includes('/') ? word.slice(0, word.lastIndexOf('/') + 1) : '';
  const shown = candidates.map((c) => (dir && c.startsWith(dir) ? c.slice(dir.length) : c));
  return { kind: 'list', items: shown };
}

/** The candidates in columns down then across, as bash prints them, `cols` wide; one line each ends with \r\n. */
export function listColumns(items: readonly string[], cols: number): string {
  const sorted = [...items].sort();
  const width = Math.max(...sorted.map((s) => s.length)) + 2;
  const perLine = Math.max(1, Math.floor(cols / width));
  const lines = Math.ceil(sorted.length / perLine);
  let out = '';
  for (let row = 0; row < lines; row++) {
    let line = '';
    for (let col = 0; col < perLine; col++) {
      const item = sorted[col * lines + row];
      if (item === undefined) break;
      const last = sorted[(col + 1) * lines + row] === undefined;
      line += last ? item : item.padEnd(width);
    }
    out += `${line}\r\n`;
  }
  return out;
}
