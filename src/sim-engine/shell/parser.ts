/**
 * The shell grammar, as a recursive-descent parser shaped like dash's (which BusyBox
 * ash shares): `list`, `andor`, `pipeline`, `command`, `simpleCommand`, with the same
 * "check for keyword / alias / skip newlines" flags on each token read. Following
 * that shape makes syntax errors fire at the same token as in dash and ash, with the
 * same `(expecting …)` hints; bash reports the same tokens in its own words (see
 * syntax-error.ts), except where noted below.
 */
import type { Command, CommandList, CompoundCommand, ListItem, Pipeline } from './ast.ts';
import type { Dialect } from './dialect.ts';
import { Lexer, type LexerHooks, type Token } from './lexer.ts';
import { ShellSyntaxError, type TokenDesc } from './syntax-error.ts';
import { parseCase, parseFor, parseFunctionKeyword, parseIf, parseLoop } from './parse-compound.ts';
import { parseRedirect, parseSimple } from './parse-simple.ts';
import { parseArithCommand } from './parse-bash.ts';

/** Skip newlines before the token. */
export const CHKNL = 1;
/** Recognise reserved words. */
export const CHKKWD = 2;
/** Expand aliases. */
export const CHKALIAS = 4;

const KEYWORDS = new Set([
  '!',
  'case',
  'do',
  'done',
  'elif',
  'else',
  'esac',
  'fi',
  'for',
  'if',
  'in',
  'then',
  'until',
  'while',
  '{',
  '}',
]);

/** Tokens that end a list (dash's tokendlist). */
const LIST_END = new Set([
  'eof',
  ')',
  ';;',
  ';&',
  ';;&',
  'do',
  'done',
  'elif',
  'else',
  'esac',
  'fi',
  'then',
  '}',
]);

/** A token with its kind after keyword recognition: the token type, or the keyword. */
export interface PToken {
  kind: string;
  tok: Token;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface ParseOptions {
  dialect: Dialect;
  /** alias lookup; undefined when aliases are off */
  alias?: (name: string) => string | undefined;
}

/** Make a lexer whose command substitutions are parsed by parsers with the same options. */
export function makeLexer(src: string, options: ParseOptions, firstLine = 1): Lexer {
  const hooks: LexerHooks = {
    commandSubstitution: (lx) => new Parser(lx, options).substitutionBody(),
    backquote: (text, line) => new Parser(makeLexer(text, options, line), options).backquoteBody(),
  };
  return new Lexer(src, options.dialect, hooks, firstLine);
}

export class Parser {
  readonly lexer: Lexer;
  readonly options: ParseOptions;
  private pushback: PToken | undefined;
  /** the token read last */
  last!: PToken;
  private checkkwd = 0;
  /** tokens of an alias's value, read before the lexer's */
  queue: Token[] = [];
  private aliasesInUse = new Set<string>();

  constructor(lexer: Lexer, options: ParseOptions) {
    this.lexer = lexer;
    this.options = options;
  }

  get dialect(): Dialect {
    return this.options.dialect;
  }

  /**
   * The next complete command (up to the end of its line): a list, null for a blank
   * line, or 'eof'. Throws ShellSyntaxError.
   */
  nextCommand(): CommandList | null | 'eof' {
    this.pushback = undefined;
    this.checkkwd = 0;
    const r = this.list(1);
    if (r === 'eof') return 'eof';
    return r;
  }

  // ---- tokens ----

  private raw(): Token {
    const q = this.queue.shift();
    if (q) return q;
    if (this.aliasesInUse.size) this.aliasesInUse.clear();
    return this.lexer.next();
  }

  readToken(): PToken {
    let kwd = this.checkkwd;
    for (;;) {
      let t: Token;
      let kind: string | undefined;
      if (this.pushback) {
        // a token read again keeps its kind, unless it was a plain word (dash does the same)
        t = this.pushback.tok;
        if (this.pushback.kind !== 'word') kind = this.pushback.kind;
        this.pushback = undefined;
      } else t = this.raw();
      if (kwd & CHKNL)
        while (t.type === 'nl') {
          t = this.raw();
          kind = undefined;
        }
      kwd |= this.checkkwd;
      this.checkkwd = 0;
      kind ??= t.type;
      if (kind === 'word' && !t.quoted) {
        const text = t.text;
        if (kwd & CHKKWD && (KEYWORDS.has(text) || (text === 'function' && this.dialect.functionKeyword))) {
          kind = text;
        } else if (kwd & CHKALIAS && this.options.alias && !this.aliasesInUse.has(text)) {
          const value = this.options.alias(text);
          if (value !== undefined) {
            this.expandAlias(text, value);
            kwd &= ~CHKNL;
            continue;
          }
        }
      }
      this.last = { kind, tok: t };
      return this.last;
    }
  }

  private expandAlias(name: string, value: string): void {
    this.aliasesInUse.add(name);
    const lx = makeLexer(value, { dialect: this.dialect }, this.lexer.line);
    const toks: Token[] = [];
    for (let t = lx.next(); t.type !== 'eof'; t = lx.next()) toks.push({ ...t, line: this.lexer.line });
    this.queue.unshift(...toks);
  }

  /** Set the flags for the next token read (CHKNL, CHKKWD, CHKALIAS). */
  want(flags: number): void {
    this.checkkwd = flags;
  }

  unread(): void {
    this.pushback = this.last;
  }

  desc(t: PToken = this.last): TokenDesc {
    return { type: t.kind, text: t.tok.text, line: t.tok.line };
  }

  unexpected(expecting?: string): never {
    const problem =
      expecting === undefined
        ? { kind: 'unexpected' as const, token: this.desc() }
        : { kind: 'unexpected' as const, token: this.desc(), expecting };
    throw new ShellSyntaxError(problem, this.lexer.line, this.lexer.lineText(this.last.tok.start));
  }

  expect(kind: string): void {
    if (this.readToken().kind !== kind) this.unexpected(kind === 'word' ? 'word' : `"${kind}"`);
  }

  // ---- grammar ----

  /**
   * nlflag 1: a top-level command, ended by a newline. 0: a compound list (newlines
   * are separators; an empty list is an error). 2: like 0 but may be empty.
   */
  list(nlflag: number): CommandList | null | 'eof' {
    const chknl = nlflag & 1 ? 0 : CHKNL;
    const items: ListItem[] = [];
    for (;;) {
      this.checkkwd = chknl | CHKKWD | CHKALIAS;
      let t = this.readToken();
      if (t.kind === 'nl') return items.length ? { items } : null;
      if (t.kind === 'eof') {
        this.unread();
        if (!items.length) return chknl ? null : 'eof';
        return { items };
      }
      this.unread();
      if (nlflag === 2 && LIST_END.has(t.kind)) return items.length ? { items } : null;
      nlflag |= 2;
      const start = this.pushback?.tok.start ?? this.lexer.pos;
      const command = this.andOr();
      t = this.readToken();
      const item: ListItem = { command, background: t.kind === '&' };
      if (item.background && t.tok.start >= start)
        item.text = this.lexer.src.slice(start, t.tok.start).trim();
      items.push(item);
      switch (t.kind) {
        case 'eof':
          this.unread();
          return { items };
        case 'nl':
          this.unread();
          break;
        case '&':
        case ';':
          break;
        default:
          if (!chknl) this.unexpected();
          this.unread();
          return { items };
      }
    }
  }

  /** A compound list that must not be empty. */
  compoundList(): CommandList {
    const l = this.list(0);
    return l === null || l === 'eof' ? { items: [] } : l;
  }

  private andOr(): Command {
    let left = this.pipeline();
    for (;;) {
      const t = this.readToken();
      if (t.kind !== '&&' && t.kind !== '||') {
        this.unread();
        return left;
      }
      this.checkkwd = CHKNL | CHKKWD | CHKALIAS;
      const right = this.pipeline();
      left = { type: 'andor', op: t.kind, left, right };
    }
  }

  private pipeline(): Command {
    let negate = false;
    let first = this.readToken();
    const line = first.tok.line;
    let timed: 'bash' | 'posix' | undefined;
    if (
      first.kind === 'word' &&
      first.tok.text === 'time' &&
      !first.tok.quoted &&
      this.dialect.name === 'bash'
    ) {
      // bash's `time [-p] pipeline`
      timed = 'bash';
      this.checkkwd = CHKKWD | CHKALIAS;
      first = this.readToken();
      if (first.kind === 'word' && first.tok.text === '-p') {
        timed = 'posix';
        this.checkkwd = CHKKWD | CHKALIAS;
        first = this.readToken();
      }
      if (['nl', 'eof', ';', '&', ')', '}'].includes(first.kind)) {
        this.unread();
        return { type: 'pipeline', negate, commands: [], line, timed };
      }
    }
    if (first.kind === '!') {
      negate = true;
      this.checkkwd = CHKKWD | CHKALIAS;
      if (this.dialect.name === 'bash') {
        // bash: `! !` negates twice, and a lone `!` negates an empty command (status 1)
        let n = this.readToken();
        while (n.kind === '!') {
          negate = !negate;
          this.checkkwd = CHKKWD | CHKALIAS;
          n = this.readToken();
        }
        this.unread();
        if (n.kind === 'nl' || n.kind === 'eof' || n.kind === ';' || n.kind === '&')
          return { type: 'pipeline', negate, commands: [], line };
      }
    } else this.unread();
    const commands = [this.command()];
    let t = this.readToken();
    while (t.kind === '|') {
      this.checkkwd = CHKNL | CHKKWD | CHKALIAS;
      commands.push(this.command());
      t = this.readToken();
    }
    this.unread();
    if (!negate && !timed && commands.length === 1) return commands[0]!;
    const p: Pipeline = { type: 'pipeline', negate, commands, line };
    if (timed) p.timed = timed;
    return p;
  }

  command(): Command {
    const t = this.readToken();
    const line = t.tok.line;
    let command: CompoundCommand;
    switch (t.kind) {
      case 'if':
        command = parseIf(this, line);
        break;
      case 'while':
      case 'until':
        command = parseLoop(this, t.kind === 'until', line);
        break;
      case 'for':
        command = parseFor(this, line);
        break;
      case 'case':
        command = parseCase(this, line);
        break;
      case '(': {
        if (this.dialect.arithCommand && this.lexer.src[t.tok.end] === '(' && !this.queue.length) {
          command = parseArithCommand(this, line);
          break;
        }
        const body = this.compoundList();
        this.expect(')');
        command = { type: 'subshell', body, redirs: [], line };
        break;
      }
      case '{': {
        const body = this.compoundList();
        this.expect('}');
        command = { type: 'group', body, redirs: [], line };
        break;
      }
      case 'function':
        return parseFunctionKeyword(this, line);
      case 'word':
      case 'redir':
        this.unread();
        return parseSimple(this);
      default:
        this.unexpected();
    }
    this.checkkwd = CHKKWD | CHKALIAS;
    for (let r = this.readToken(); r.kind === 'redir'; r = this.readToken())
      command.redirs.push(parseRedirect(this, r.tok));
    this.unread();
    return command;
  }

  // ---- substitutions ----

  substitutionBody(): CommandList {
    const startLine = this.lexer.line;
    const body = this.list(2);
    const t = this.readToken();
    if (t.kind !== ')') {
      if (t.kind === 'eof' && this.dialect.name === 'bash')
        throw new ShellSyntaxError({ kind: 'unterminated', what: ')', startLine }, this.lexer.line, '');
      this.unexpected('")"');
    }
    return body === null || body === 'eof' ? { items: [] } : body;
  }

  /**
   * dash and ash ignore what follows the list in backquotes; bash reports it when the
   * substitution runs (a ShellSyntaxError thrown here is caught by the word scanner).
   */
  backquoteBody(): CommandList {
    const body = this.list(2);
    if (this.dialect.name === 'bash' && this.readToken().kind !== 'eof') this.unexpected();
    return body === null || body === 'eof' ? { items: [] } : body;
  }
}

export { NAME as NAME_PATTERN };
