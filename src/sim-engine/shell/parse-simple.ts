/**
 * Simple commands: assignments, words and redirections, in any order (assignments
 * only before the first word), a function definition `name() body`, and bash's
 * `[[ … ]]`. Here-documents are registered with the lexer, which reads their bodies
 * after the newline that ends the line.
 */
import type { Assignment, Command, CondCommand, Redirect, SimpleCommand, Word } from './ast.ts';
import type { Token } from './lexer.ts';
import { arrayFollows, ASSIGNMENT, DECLARATIONS, parseAssignment } from './parse-assign.ts';
import { parseCondCommand } from './parse-bash.ts';
import { CHKALIAS, CHKKWD, CHKNL, type Parser } from './parser.ts';
import { wordText } from './word-text.ts';

export function parseSimple(p: Parser): Command {
  const assigns: Assignment[] = [];
  const words: Word[] = [];
  const redirs: Redirect[] = [];
  const arrays: Assignment[] = [];
  let save = CHKALIAS;
  let line = 0;
  // BusyBox ash: inside `[[ … ]]`, && and || are arguments of the [[ builtin
  let brackets = false;
  for (;;) {
    p.want(save);
    const t = p.readToken();
    if (!line) line = t.tok.line;
    if (brackets && (t.kind === '&&' || t.kind === '||')) {
      words.push({ parts: [{ type: 'lit', text: t.kind }] });
      continue;
    }
    if (t.kind === 'word') {
      if (p.dialect.name === 'busybox' && !t.tok.quoted) {
        if (t.tok.text === '[[') brackets = true;
        else if (t.tok.text === ']]') brackets = false;
      }
      const m = save ? ASSIGNMENT.exec(t.tok.text) : null;
      const bash = p.dialect.name === 'bash';
      if (m && ((m[2] === undefined && m[3] === '') || bash)) {
        assigns.push(parseAssignment(p, t.tok, m));
        continue;
      }
      if (
        !words.length &&
        p.dialect.name === 'bash' &&
        t.tok.text === '[[' &&
        !t.tok.quoted &&
        !assigns.length &&
        !redirs.length
      ) {
        return withRedirs(p, parseCondCommand(p, line));
      }
      const declaration = words.length > 0 && DECLARATIONS.has(wordText(words[0]!));
      const dm = declaration ? ASSIGNMENT.exec(t.tok.text) : null;
      if (dm && arrayFollows(p, t.tok, dm)) {
        // `local -a l=(1 2)`: the builtin declares the name, the shell then fills the array
        const a = parseAssignment(p, t.tok, dm);
        words.push({ parts: [{ type: 'lit', text: a.name }] });
        arrays.push(a);
        continue;
      }
      words.push(t.tok.word!);
      save = 0;
      continue;
    }
    if (t.kind === 'redir') {
      redirs.push(parseRedirect(p, t.tok));
      continue;
    }
    if (t.kind === '(' && words.length === 1 && !assigns.length && !redirs.length) {
      if (p.readToken().kind !== ')') p.unexpected('")"');
      p.want(CHKNL | CHKKWD | CHKALIAS);
      const name = wordText(words[0]!);
      if (p.dialect.name === 'bash') {
        const b = p.readToken();
        if (
          !['{', 'if', 'case', 'until', 'while', 'for', '(', 'function'].includes(b.kind) &&
          b.tok.text !== '[['
        )
          p.unexpected();
        p.unread();
      }
      return { type: 'function', name, body: p.command(), line };
    }
    p.unread();
    break;
  }
  const c: SimpleCommand = { type: 'simple', assigns, words, redirs, line };
  if (arrays.length) c.arrays = arrays;
  return c;
}

/** Redirections after a `[[ … ]]`. */
function withRedirs(p: Parser, c: CondCommand): Command {
  p.want(CHKKWD | CHKALIAS);
  for (let r = p.readToken(); r.kind === 'redir'; r = p.readToken()) c.redirs.push(parseRedirect(p, r.tok));
  p.unread();
  return c;
}

/** A redirection operator and its word; a here-document's body comes after the line. */
export function parseRedirect(p: Parser, t: Token): Redirect {
  const op = t.op!;
  const target = p.readToken();
  if (target.kind !== 'word') p.unexpected();
  const r: Redirect = { op, target: target.tok.word! };
  if (t.fd !== undefined) r.fd = t.fd;
  if (op === '<<' || op === '<<-') {
    const delimiter = wordText(target.tok.word!);
    r.heredoc = { body: { parts: [] }, quoted: !!target.tok.quoted, delimiter, line: t.line };
    p.lexer.pendingHeredocs.push(r);
  }
  return r;
}
