/**
 * Assignments: `name=value`, and bash's `name+=value`, `name[i]=value` and arrays
 * `name=(a b c)` (also as arguments of declare/local/typeset/readonly/export).
 */
import type { Assignment, Word } from './ast.ts';
import type { Token } from './lexer.ts';
import { CHKNL, type Parser } from './parser.ts';
import { ShellSyntaxError } from './syntax-error.ts';
import { scanText, scanWordText } from './word-scanner.ts';

/** `NAME=`, bash's `NAME+=` and `NAME[sub]=` at the start of a word */
export const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?(\+?)=/;

/** bash builtins whose arguments may be array assignments (`declare -a a=(1 2)`) */
export const DECLARATIONS = new Set(['declare', 'typeset', 'local', 'readonly', 'export']);

/** `name=value`, bash's `name[i]=value`, `name+=value` and `name=(a b c)`. */
export function parseAssignment(p: Parser, tok: Token, m: RegExpExecArray): Assignment {
  const name = m[1]!;
  const append = m[3] === '+';
  const a: Assignment =
    m[2] === undefined
      ? splitAssignment(tok.word!, name, m[0].length, append)
      : {
          name,
          value: scanWordText(p.lexer, tok.text.slice(m[0].length)),
          index: scanText(p.lexer, m[2].slice(1, -1)),
        };
  if (append) a.append = true;
  if (arrayFollows(p, tok, m)) {
    // bash's array: `a=(x y z)`, the elements may run over several lines
    p.readToken();
    const elements: Word[] = [];
    for (;;) {
      p.want(CHKNL);
      const e = p.readToken();
      if (e.kind === ')') break;
      if (e.kind === 'eof')
        throw new ShellSyntaxError(
          { kind: 'unterminated', what: '))', startLine: tok.line },
          p.lexer.line,
          '',
        );
      if (e.kind !== 'word') p.unexpected();
      elements.push(e.tok.word!);
    }
    a.array = elements;
  }
  return a;
}

/** bash: `name=(` with nothing between `=` and `(`. */
export function arrayFollows(p: Parser, tok: Token, m: RegExpExecArray): boolean {
  return (
    p.dialect.name === 'bash' &&
    m[2] === undefined &&
    tok.text === m[0] &&
    p.lexer.src[tok.end] === '(' &&
    !p.queue.length
  );
}

/** `NAME=value` as an assignment, splitting the word after the `=`. */
function splitAssignment(word: Word, name: string, prefixLen: number, append: boolean): Assignment {
  const parts = word.parts.slice();
  const first = parts[0];
  if (first && first.type === 'lit') {
    const rest = first.text.slice(prefixLen);
    if (rest) parts[0] = { type: 'lit', text: rest };
    else parts.shift();
  }
  const a: Assignment = { name, value: { parts } };
  if (append) a.append = true;
  return a;
}
