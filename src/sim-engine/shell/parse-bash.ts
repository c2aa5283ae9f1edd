/**
 * The two bash constructs that are not made of ordinary commands: `[[ … ]]` (also in
 * BusyBox ash) and `(( … ))`. `[[` collects its words and operators here; they are
 * evaluated by builtins/cond.ts when the command runs, as bash does.
 */
import type { ArithCommand, CondCommand } from './ast.ts';
import type { Parser } from './parser.ts';
import { scanArithBody } from './word-scanner.ts';

export function parseCondCommand(p: Parser, line: number): CondCommand {
  const words: CondCommand['words'] = [];
  for (;;) {
    const t = p.readToken();
    switch (t.kind) {
      case 'word':
        if (t.tok.text === ']]' && !t.tok.quoted) return { type: 'cond', words, redirs: [], line };
        words.push({ word: t.tok.word!, raw: t.tok.quoted ? '' : t.tok.text });
        continue;
      case '&&':
      case '||':
      case '(':
      case ')':
        words.push({ word: { parts: [{ type: 'lit', text: t.kind }] }, raw: t.kind });
        continue;
      case 'redir':
        if ((t.tok.op === '<' || t.tok.op === '>') && t.tok.fd === undefined) {
          words.push({ word: { parts: [{ type: 'lit', text: t.tok.op }] }, raw: t.tok.op });
          continue;
        }
        p.unexpected();
        break;
      case 'nl':
        continue;
      default:
        p.unexpected();
    }
  }
}

/** `((` has been read as a `(` token whose twin follows at the lexer's position. */
export function parseArithCommand(p: Parser, line: number): ArithCommand {
  const lx = p.lexer;
  const startLine = lx.line;
  lx.pos++;
  return { type: 'arithcmd', expr: scanArithBody(lx, startLine), redirs: [], line };
}
