/**
 * The literal text of a word with its quotes removed and its expansions left as
 * written: a here-document delimiter (`<<"EOF"` ends at `EOF`), a function name.
 */
import type { Word, WordPart } from './ast.ts';

function partText(p: WordPart): string {
  switch (p.type) {
    case 'lit':
    case 'quoted':
      return p.text;
    case 'dq':
      return p.parts.map(partText).join('');
    case 'param':
      return p.text ?? `$${p.name}`;
    case 'cmdsub':
      return '$(…)';
    case 'arith':
      return `$((${wordText(p.expr)}))`;
  }
}

export function wordText(w: Word): string {
  return w.parts.map(partText).join('');
}
