import { describe, expect, it } from 'vitest';
import cases from './testdata/syntax-errors.json' with { type: 'json' };
import { DIALECTS, type DialectName } from './dialect.ts';
import { parse } from './parse.ts';
import { describeSyntaxError } from './syntax-error.ts';

/** What `<shell> -c SRC` prints for a syntax error, built from the parser's error. */
function syntaxMessage(src: string, name: DialectName): string | undefined {
  const dialect = DIALECTS[name];
  const text = name === 'bash' && !src.endsWith('\n') ? src + '\n' : src;
  const r = parse(text, dialect);
  if (r.ok) return undefined;
  const d = describeSyntaxError(r.error, dialect);
  if (name === 'bash') {
    const p = `bash: -c: line ${d.line}: `;
    return p + d.text + (d.second ? `\n${p}${d.second}` : '');
  }
  if (name === 'dash') return `dash: ${d.line}: ${d.text}`;
  return `sh: ${d.text}`;
}

const SYNTAX = /syntax error|Syntax error|unexpected EOF|Missing|missing|EOF in backquote/;

describe('syntax errors match the real shells', () => {
  for (const c of cases as { src: string; bash: string; dash: string; busybox: string }[]) {
    for (const name of ['bash', 'dash', 'busybox'] as const) {
      const expected = c[name];
      // outputs recorded from `<shell> -c`, with the status on the last line
      const text = expected.replace(/\n?\[\d+\]$/, '');
      const isSyntax = SYNTAX.test(text) && !text.includes('command substitution');
      it(`${name}: ${JSON.stringify(c.src)}`, () => {
        if (isSyntax) expect(syntaxMessage(c.src, name)).toBe(text);
        else expect(syntaxMessage(c.src, name)).toBeUndefined();
      });
    }
  }
});
