/**
 * bash's brace expansion, `mkdir -p app/{src,test}` and `echo {1..5}`, done before
 * every other expansion. Differs from bash: a brace expression must lie within one
 * run of unquoted text (`{$a,$b}` is left alone), which covers what lessons type.
 */
import type { Word, WordPart } from './ast.ts';

/** Find a brace expression in `text`: its bounds and alternatives. */
function findBrace(text: string): { start: number; end: number; alternatives: string[] } | undefined {
  for (let start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
    if (text[start - 1] === '$') continue;
    let depth = 0;
    const commas: number[] = [];
    let end = -1;
    for (let i = start; i < text.length; i++) {
      const c = text[i];
      if (c === '{') depth++;
      else if (c === '}') {
        depth--;
        if (depth === 0) {
          end = i;
          break;
        }
      } else if (c === ',' && depth === 1) commas.push(i);
    }
    if (end < 0) return undefined;
    const inner = text.slice(start + 1, end);
    if (commas.length) {
      const alternatives: string[] = [];
      let from = start + 1;
      for (const c of [...commas, end]) {
        alternatives.push(text.slice(from, c));
        from = c + 1;
      }
      return { start, end, alternatives };
    }
    const seq = sequence(inner);
    if (seq) return { start, end, alternatives: seq };
  }
  return undefined;
}

/** `1..5`, `a..e`, `10..1..3`, `01..10` (zero-padded). */
function sequence(inner: string): string[] | undefined {
  const m = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?$/.exec(inner);
  if (!m) return undefined;
  const [, a, b, s] = m as unknown as [string, string, string, string | undefined];
  const numeric = /\d/.test(a) && /\d/.test(b);
  if (!numeric && (/\d/.test(a) || /\d/.test(b))) return undefined;
  let step = Math.abs(Number(s ?? 1)) || 1;
  const from = numeric ? Number(a) : a.charCodeAt(0);
  const to = numeric ? Number(b) : b.charCodeAt(0);
  if (from > to) step = -step;
  const width = numeric && (/^-?0\d/.test(a) || /^-?0\d/.test(b)) ? Math.max(a.length, b.length) : 0;
  const out: string[] = [];
  for (let v = from; step > 0 ? v <= to : v >= to; v += step) {
    if (out.length > 100000) break;
    if (!numeric) out.push(String.fromCharCode(v));
    else {
      const digits = String(Math.abs(v)).padStart(width - (v < 0 ? 1 : 0), '0');
      out.push((v < 0 ? '-' : '') + digits);
    }
  }
  return out;
}

/** The words a word becomes after brace expansion (itself when it has none). */
export function expandBraces(word: Word): Word[] {
  const i = word.parts.findIndex((p) => p.type === 'lit' && p.text.includes('{') && p.text.includes('}'));
  if (i < 0) return [word];
  const part = word.parts[i] as { type: 'lit'; text: string };
  const found = findBrace(part.text);
  if (!found) return [word];
  const before = part.text.slice(0, found.start);
  const after = part.text.slice(found.end + 1);
  const out: Word[] = [];
  for (const alt of found.alternatives) {
    const parts: WordPart[] = [...word.parts.slice(0, i)];
    const text = before + alt + after;
    if (text) parts.push({ type: 'lit', text });
    parts.push(...word.parts.slice(i + 1));
    out.push(...expandBraces({ parts }));
  }
  return out;
}
