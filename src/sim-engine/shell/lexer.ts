/**
 * The token level of the shell grammar: operators, newlines, redirection operators
 * (with their IO number), words, and here-document bodies read after the newline
 * that ends their command line. Words themselves are scanned by word-scanner.ts.
 *
 * The lexer never looks further than the current token, so the parser can run
 * one complete command, then read on (a syntax error on line 3 of a script does not
 * stop lines 1 and 2 from running, as in every real shell).
 */
import type { CommandList, RedirOp, Redirect, Word } from './ast.ts';
import type { Dialect } from './dialect.ts';
import { ShellSyntaxError, type SyntaxProblem } from './syntax-error.ts';
import { scanHeredocBody, scanWord } from './word-scanner.ts';

export type TokenType =
  'eof' | 'nl' | ';' | '&' | '&&' | '||' | '|' | '(' | ')' | ';;' | ';&' | ';;&' | 'redir' | 'word';

export interface Token {
  type: TokenType;
  /** the source text of the token */
  text: string;
  /** the line the token starts on */
  line: number;
  start: number;
  end: number;
  /** for words */
  word?: Word;
  /** for words: whether any part was quoted or escaped (a quoted word is never a keyword) */
  quoted?: boolean;
  /** for redirections */
  op?: RedirOp;
  fd?: number;
}

/** What the lexer needs from the parser: command substitutions are parsed recursively. */
export interface LexerHooks {
  /** Parse commands from the lexer's position (just after `$(`) through the closing `)`. */
  commandSubstitution(lexer: Lexer): CommandList;
  /** Parse the text of a backquoted substitution, which starts on `line`. */
  backquote(text: string, line: number): CommandList;
}

const WORD_END = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);

export function isWordEnd(c: string | undefined): boolean {
  return c === undefined || WORD_END.has(c);
}

export class Lexer {
  readonly src: string;
  readonly dialect: Dialect;
  readonly hooks: LexerHooks;
  pos = 0;
  line: number;
  /** here-documents whose bodies start after the next newline */
  pendingHeredocs: Redirect[] = [];
  /** warnings to print before running the command (bash's unterminated here-doc) */
  warnings: { line: number; text: string }[] = [];
  /** a here-document ran to the end of the input without its delimiter line */
  heredocUnterminated = false;

  constructor(src: string, dialect: Dialect, hooks: LexerHooks, firstLine = 1) {
    this.src = src;
    this.dialect = dialect;
    this.hooks = hooks;
    this.line = firstLine;
  }

  /** The text of the source line holding `pos`, for bash's error echo. */
  lineText(pos: number): string {
    const start = this.src.lastIndexOf('\n', pos - 1) + 1;
    let end = this.src.indexOf('\n', pos);
    if (end < 0) end = this.src.length;
    return this.src.slice(start, end);
  }

  fail(problem: SyntaxProblem, at = this.pos): never {
    throw new ShellSyntaxError(problem, this.line, this.lineText(at));
  }

  /** Skip a backslash-newline pair at `pos`, if there is one. */
  skipContinuations(): void {
    while (this.src[this.pos] === '\\' && this.src[this.pos + 1] === '\n') {
      this.pos += 2;
      this.line++;
    }
  }

  next(): Token {
    const src = this.src;
    for (;;) {
      this.skipContinuations();
      const c = src[this.pos];
      if (c === ' ' || c === '\t') {
        this.pos++;
        continue;
      }
      if (c === '#') {
        const nl = src.indexOf('\n', this.pos);
        this.pos = nl < 0 ? src.length : nl;
        continue;
      }
      break;
    }
    const start = this.pos;
    const line = this.line;
    const c = src[start];
    const tok = (type: TokenType, len: number): Token => {
      this.pos = start + len;
      return { type, text: src.slice(start, start + len), line, start, end: start + len };
    };
    if (c === undefined) {
      if (this.pendingHeredocs.length) this.readHeredocs();
      return { type: 'eof', text: '', line, start, end: start };
    }
    const c1 = src[start + 1];
    switch (c) {
      case '\n': {
        this.pos++;
        this.line++;
        const t: Token = { type: 'nl', text: '\n', line, start, end: start + 1 };
        if (this.pendingHeredocs.length) this.readHeredocs();
        return t;
      }
      case '&':
        if (c1 === '&') return tok('&&', 2);
        if (c1 === '>' && this.dialect.ampRedirect) return this.redir(start, line, undefined);
        return tok('&', 1);
      case '|':
        return c1 === '|' ? tok('||', 2) : tok('|', 1);
      case ';':
        if (c1 === ';')
          return src[start + 2] === '&' && this.dialect.arithCommand ? tok(';;&', 3) : tok(';;', 2);
        if (c1 === '&' && this.dialect.arithCommand) return tok(';&', 2);
        return tok(';', 1);
      case '(':
        return tok('(', 1);
      case ')':
        return tok(')', 1);
      case '<':
      case '>':
        return this.redir(start, line, undefined);
    }
    // an IO number: digits right before < or >
    if (c >= '0' && c <= '9') {
      let i = start;
      while (src[i]! >= '0' && src[i]! <= '9') i++;
      if ((src[i] === '<' || src[i] === '>') && i - start < 10) {
        this.pos = i;
        return this.redir(start, line, Number(src.slice(start, i)));
      }
    }
    const { word, quoted } = scanWord(this);
    return { type: 'word', text: src.slice(start, this.pos), line, start, end: this.pos, word, quoted };
  }

  private redir(start: number, line: number, fd: number | undefined): Token {
    const src = this.src;
    const p = this.pos;
    const three = src.slice(p, p + 3);
    const two = src.slice(p, p + 2);
    let op: RedirOp;
    if (three === '<<<' && this.dialect.hereString) op = '<<<';
    else if (three === '<<-') op = '<<-';
    else if (three === '&>>') op = '&>>';
    else if (two === '<<' || two === '<&' || two === '<>' || two === '>>' || two === '>&' || two === '>|')
      op = two;
    else if (two === '&>') op = '&>';
    else op = src[p] as '<' | '>';
    this.pos = p + op.length;
    const t: Token = { type: 'redir', text: src.slice(start, this.pos), line, start, end: this.pos, op };
    if (fd !== undefined) t.fd = fd;
    return t;
  }

  /** Read the bodies of the here-documents whose operator was on the line just ended. */
  private readHeredocs(): void {
    const docs = this.pendingHeredocs;
    this.pendingHeredocs = [];
    for (const r of docs) {
      const doc = r.heredoc!;
      const strip = r.op === '<<-';
      const startLine = this.line;
      const lines: string[] = [];
      let found = false;
      while (this.pos < this.src.length) {
        let end = this.src.indexOf('\n', this.pos);
        const hasNl = end >= 0;
        if (!hasNl) end = this.src.length;
        let text = this.src.slice(this.pos, end);
        this.pos = hasNl ? end + 1 : end;
        if (hasNl) this.line++;
        if (strip) text = text.replace(/^\t+/, '');
        if (text === doc.delimiter) {
          found = true;
          break;
        }
        lines.push(text + (hasNl ? '\n' : ''));
      }
      if (!found) this.heredocUnterminated = true;
      if (!found && this.dialect.name === 'bash') {
        this.warnings.push({
          line: Math.max(doc.line, this.line - 1),
          text: `warning: here-document at line ${doc.line} delimited by end-of-file (wanted \`${doc.delimiter}')`,
        });
      }
      const body = lines.join('');
      doc.body = doc.quoted
        ? { parts: body ? [{ type: 'quoted', text: body }] : [] }
        : scanHeredocBody(this, body, startLine);
    }
  }
}
