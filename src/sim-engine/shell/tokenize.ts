/**
 * Word boundaries of a command line, for Tab completion: where each word, operator
 * and redirection starts and ends, and whether the last word is still open (an
 * unclosed quote or `$(`), using the same lexer as the parser.
 */
import { BASH, type Dialect } from './dialect.ts';
import { makeLexer } from './parser.ts';
import { ShellSyntaxError } from './syntax-error.ts';
import { wordText } from './word-text.ts';

export interface WordSpan {
  start: number;
  end: number;
  /** the source text */
  text: string;
  type: 'word' | 'operator' | 'redirect';
  /** for words: the text with quotes removed (expansions left as written) */
  value?: string;
  /** the word runs to the end of the line inside a quote or substitution */
  unterminated?: boolean;
}

export function tokenize(line: string, dialect: Dialect = BASH): WordSpan[] {
  const lx = makeLexer(line, { dialect });
  const out: WordSpan[] = [];
  for (;;) {
    const before = lx.pos;
    let t;
    try {
      t = lx.next();
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      let start = before;
      while (line[start] === ' ' || line[start] === '\t') start++;
      out.push({ start, end: line.length, text: line.slice(start), type: 'word', unterminated: true });
      break;
    }
    if (t.type === 'eof') break;
    if (t.type === 'nl') continue;
    if (t.type === 'word')
      out.push({ start: t.start, end: t.end, text: t.text, type: 'word', value: wordText(t.word!) });
    else
      out.push({
        start: t.start,
        end: t.end,
        text: t.text,
        type: t.type === 'redir' ? 'redirect' : 'operator',
      });
  }
  return out;
}
