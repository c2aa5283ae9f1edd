/**
 * The compound commands: if, while/until, for (and bash's `for ((…))`), case, and
 * the `function` keyword. Each reads its words as dash's parse_command does, with the
 * same keyword and newline flags, so errors come at the same token.
 */
import type {
  CaseCommand,
  CaseItem,
  Command,
  CommandList,
  ForCommand,
  IfCommand,
  LoopCommand,
  Word,
} from './ast.ts';
import { CHKALIAS, CHKKWD, CHKNL, NAME_PATTERN as NAME, type Parser } from './parser.ts';
import { ShellSyntaxError } from './syntax-error.ts';
import { scanArithBody } from './word-scanner.ts';

export function parseIf(p: Parser, line: number): IfCommand {
  const clauses = [];
  const cond = p.compoundList();
  p.expect('then');
  clauses.push({ cond, body: p.compoundList() });
  let k = p.readToken().kind;
  while (k === 'elif') {
    const c = p.compoundList();
    p.expect('then');
    clauses.push({ cond: c, body: p.compoundList() });
    k = p.readToken().kind;
  }
  let elseBody: CommandList | undefined;
  if (k === 'else') elseBody = p.compoundList();
  else p.unread();
  p.expect('fi');
  const command: IfCommand = { type: 'if', clauses, redirs: [], line };
  if (elseBody) command.elseBody = elseBody;
  return command;
}

export function parseLoop(p: Parser, until: boolean, line: number): LoopCommand {
  const cond = p.compoundList();
  p.expect('do');
  const body = p.compoundList();
  p.expect('done');
  return { type: 'while', until, cond, body, redirs: [], line };
}

export function parseFor(p: Parser, line: number): ForCommand {
  const v = p.readToken();
  if (v.kind === '(' && p.dialect.arithCommand && p.lexer.src[v.tok.end] === '(' && !p.queue.length)
    return arithFor(p, line);
  if (v.kind !== 'word' || v.tok.quoted || !NAME.test(v.tok.text))
    throw new ShellSyntaxError(
      { kind: 'bad-for-variable', token: p.desc(v) },
      p.lexer.line,
      p.lexer.lineText(v.tok.start),
    );
  p.want(CHKNL | CHKKWD | CHKALIAS);
  let words: Word[] | undefined;
  if (p.readToken().kind === 'in') {
    words = [];
    let t = p.readToken();
    for (; t.kind === 'word'; t = p.readToken()) words.push(t.tok.word!);
    if (t.kind !== 'nl' && t.kind !== ';') p.unexpected();
  } else if (p.last.kind !== ';') p.unread();
  p.want(CHKNL | CHKKWD | CHKALIAS);
  p.expect('do');
  const body = p.compoundList();
  p.expect('done');
  const c: ForCommand = { type: 'for', name: v.tok.text, body, redirs: [], line };
  if (words) c.words = words;
  return c;
}

/** bash's `for ((i = 0; i < 3; i++)); do …; done` */
function arithFor(p: Parser, line: number): ForCommand {
  const startLine = p.lexer.line;
  p.lexer.pos++;
  const exprs = splitArithFor(scanArithBody(p.lexer, startLine));
  if (!exprs) p.unexpected();
  p.want(CHKNL | CHKKWD | CHKALIAS);
  if (p.readToken().kind !== ';') p.unread();
  p.want(CHKNL | CHKKWD | CHKALIAS);
  const open = p.readToken().kind;
  if (open !== 'do' && open !== '{') p.unexpected();
  const body = p.compoundList();
  p.expect(open === 'do' ? 'done' : '}');
  return { type: 'for', name: '', arith: exprs, body, redirs: [], line };
}

export function parseCase(p: Parser, line: number): CaseCommand {
  const w = p.readToken();
  if (w.kind !== 'word') p.unexpected('word');
  p.want(CHKNL | CHKKWD | CHKALIAS);
  p.expect('in');
  const items: CaseItem[] = [];
  p.want(CHKNL | CHKKWD);
  let t = p.readToken();
  while (t.kind !== 'esac') {
    if (t.kind === '(') t = p.readToken();
    const patterns: Word[] = [];
    for (;;) {
      // a reserved word is a pattern like any other; for a non-word, dash reads on
      // and complains about the next token, bash about this one
      if (t.tok.type === 'word') patterns.push(t.tok.word!);
      else if (p.dialect.name === 'bash') p.unexpected();
      if (p.readToken().kind !== '|') break;
      t = p.readToken();
    }
    if (p.last.kind !== ')') p.unexpected('")"');
    const body = p.list(2);
    p.want(CHKNL | CHKKWD);
    t = p.readToken();
    const item: CaseItem = {
      patterns,
      body: body === null || body === 'eof' ? { items: [] } : body,
      terminator: ';;',
    };
    items.push(item);
    if (t.kind !== 'esac') {
      if (t.kind !== ';;' && t.kind !== ';&' && t.kind !== ';;&') p.unexpected('";;"');
      item.terminator = t.kind;
      p.want(CHKNL | CHKKWD);
      t = p.readToken();
    }
  }
  return { type: 'case', word: w.tok.word!, items, redirs: [], line };
}

/** bash and busybox `function name { … }` (or `function name() { … }`). */
export function parseFunctionKeyword(p: Parser, line: number): Command {
  const n = p.readToken();
  if (n.kind !== 'word') p.unexpected('word');
  const name = n.tok.text;
  p.want(CHKNL | CHKKWD);
  let t = p.readToken();
  if (t.kind === '(') {
    if (p.readToken().kind !== ')') p.unexpected('")"');
    p.want(CHKNL | CHKKWD | CHKALIAS);
    t = p.readToken();
  }
  if (!['{', 'if', 'case', 'until', 'while', 'for', '('].includes(t.kind) && t.tok.text !== '[[')
    p.unexpected();
  p.unread();
  return { type: 'function', name, body: p.command(), line };
}

/** Split `((init; test; step))` at its two top-level semicolons; undefined without them. */
function splitArithFor(w: Word): [Word, Word, Word] | undefined {
  const out: Word[] = [{ parts: [] }];
  let depth = 0;
  for (const p of w.parts) {
    if (p.type !== 'quoted' && p.type !== 'lit') {
      out[out.length - 1]!.parts.push(p);
      continue;
    }
    let text = '';
    for (const c of p.text) {
      if (c === '(') depth++;
      else if (c === ')') depth--;
      if (c === ';' && depth === 0) {
        if (text) out[out.length - 1]!.parts.push({ type: p.type, text });
        text = '';
        out.push({ parts: [] });
      } else text += c;
    }
    if (text) out[out.length - 1]!.parts.push({ type: p.type, text });
  }
  return out.length === 3 ? (out as [Word, Word, Word]) : undefined;
}
