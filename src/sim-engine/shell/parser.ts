/**
 * The shell grammar, as a recursive-descent parser shaped like dash's (which BusyBox
 * ash shares): `list`, `andor`, `pipeline`, `command`, `simpleCommand`, with the same
 * "check for keyword / alias / skip newlines" flags on each token read. Following
 * that shape makes syntax errors fire at the same token as in dash and ash, with the
 * same `(expecting …)` hints; bash reports the same tokens in its own words (see
 * syntax-error.ts), except where noted below.
 */
import type {
  Assignment,
  CaseCommand,
  CaseItem,
  Command,
  CompoundCommand,
  CommandList,
  CondCommand,
  ForCommand,
  ListItem,
  Pipeline,
  Redirect,
  SimpleCommand,
  Word,
} from './ast.ts';
import type { Dialect } from './dialect.ts';
import { Lexer, type LexerHooks, type Token } from './lexer.ts';
import { ShellSyntaxError, type TokenDesc } from './syntax-error.ts';
import { wordText } from './word-text.ts';
import { scanArithBody, scanText, scanWordText } from './word-scanner.ts';
import { parseArithCommand, parseCondCommand } from './parse-bash.ts';

/** Skip newlines before the token. */
const CHKNL = 1;
/** Recognise reserved words. */
const CHKKWD = 2;
/** Expand aliases. */
const CHKALIAS = 4;

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
/** bash builtins whose arguments may be array assignments (`declare -a a=(1 2)`) */
const DECLARATIONS = new Set(['declare', 'typeset', 'local', 'readonly', 'export']);
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?(\+?)=/;

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
  private last!: PToken;
  private checkkwd = 0;
  /** tokens of an alias's value, read before the lexer's */
  private queue: Token[] = [];
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

  private expect(kind: string): void {
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
  private compoundList(): CommandList {
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
      case 'if': {
        const clauses = [];
        const cond = this.compoundList();
        this.expect('then');
        clauses.push({ cond, body: this.compoundList() });
        let k = this.readToken().kind;
        while (k === 'elif') {
          const c = this.compoundList();
          this.expect('then');
          clauses.push({ cond: c, body: this.compoundList() });
          k = this.readToken().kind;
        }
        let elseBody: CommandList | undefined;
        if (k === 'else') elseBody = this.compoundList();
        else this.unread();
        this.expect('fi');
        command = { type: 'if', clauses, redirs: [], line };
        if (elseBody) command.elseBody = elseBody;
        break;
      }
      case 'while':
      case 'until': {
        const cond = this.compoundList();
        this.expect('do');
        const body = this.compoundList();
        this.expect('done');
        command = { type: 'while', until: t.kind === 'until', cond, body, redirs: [], line };
        break;
      }
      case 'for':
        command = this.forCommand(line);
        break;
      case 'case':
        command = this.caseCommand(line);
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
        return this.functionKeyword(line);
      case 'word':
      case 'redir':
        this.unread();
        return this.simpleCommand();
      default:
        this.unexpected();
    }
    this.checkkwd = CHKKWD | CHKALIAS;
    for (let r = this.readToken(); r.kind === 'redir'; r = this.readToken())
      command.redirs.push(this.redirect(r.tok));
    this.unread();
    return command;
  }

  private forCommand(line: number): ForCommand {
    const v = this.readToken();
    if (
      v.kind === '(' &&
      this.dialect.arithCommand &&
      this.lexer.src[v.tok.end] === '(' &&
      !this.queue.length
    )
      return this.arithFor(line);
    if (v.kind !== 'word' || v.tok.quoted || !NAME.test(v.tok.text))
      throw new ShellSyntaxError(
        { kind: 'bad-for-variable', token: this.desc(v) },
        this.lexer.line,
        this.lexer.lineText(v.tok.start),
      );
    this.checkkwd = CHKNL | CHKKWD | CHKALIAS;
    let words: Word[] | undefined;
    if (this.readToken().kind === 'in') {
      words = [];
      let t = this.readToken();
      for (; t.kind === 'word'; t = this.readToken()) words.push(t.tok.word!);
      if (t.kind !== 'nl' && t.kind !== ';') this.unexpected();
    } else if (this.last.kind !== ';') this.unread();
    this.checkkwd = CHKNL | CHKKWD | CHKALIAS;
    this.expect('do');
    const body = this.compoundList();
    this.expect('done');
    const c: ForCommand = { type: 'for', name: v.tok.text, body, redirs: [], line };
    if (words) c.words = words;
    return c;
  }

  /** bash's `for ((i = 0; i < 3; i++)); do …; done` */
  private arithFor(line: number): ForCommand {
    const startLine = this.lexer.line;
    this.lexer.pos++;
    const exprs = splitArithFor(scanArithBody(this.lexer, startLine));
    if (!exprs) this.unexpected();
    this.checkkwd = CHKNL | CHKKWD | CHKALIAS;
    if (this.readToken().kind !== ';') this.unread();
    this.checkkwd = CHKNL | CHKKWD | CHKALIAS;
    const open = this.readToken().kind;
    if (open !== 'do' && open !== '{') this.unexpected();
    const body = this.compoundList();
    this.expect(open === 'do' ? 'done' : '}');
    return { type: 'for', name: '', arith: exprs, body, redirs: [], line };
  }

  private caseCommand(line: number): CaseCommand {
    const w = this.readToken();
    if (w.kind !== 'word') this.unexpected('word');
    this.checkkwd = CHKNL | CHKKWD | CHKALIAS;
    this.expect('in');
    const items: CaseItem[] = [];
    this.checkkwd = CHKNL | CHKKWD;
    let t = this.readToken();
    while (t.kind !== 'esac') {
      if (t.kind === '(') t = this.readToken();
      const patterns: Word[] = [];
      for (;;) {
        // a reserved word is a pattern like any other; for a non-word, dash reads on
        // and complains about the next token, bash about this one
        if (t.tok.type === 'word') patterns.push(t.tok.word!);
        else if (this.dialect.name === 'bash') this.unexpected();
        if (this.readToken().kind !== '|') break;
        t = this.readToken();
      }
      if (this.last.kind !== ')') this.unexpected('")"');
      const body = this.list(2);
      this.checkkwd = CHKNL | CHKKWD;
      t = this.readToken();
      const item: CaseItem = {
        patterns,
        body: body === null || body === 'eof' ? { items: [] } : body,
        terminator: ';;',
      };
      items.push(item);
      if (t.kind !== 'esac') {
        if (t.kind !== ';;' && t.kind !== ';&' && t.kind !== ';;&') this.unexpected('";;"');
        item.terminator = t.kind;
        this.checkkwd = CHKNL | CHKKWD;
        t = this.readToken();
      }
    }
    return { type: 'case', word: w.tok.word!, items, redirs: [], line };
  }

  /** bash and busybox `function name { … }` (or `function name() { … }`). */
  private functionKeyword(line: number): Command {
    const n = this.readToken();
    if (n.kind !== 'word') this.unexpected('word');
    const name = n.tok.text;
    this.checkkwd = CHKNL | CHKKWD;
    let t = this.readToken();
    if (t.kind === '(') {
      if (this.readToken().kind !== ')') this.unexpected('")"');
      this.checkkwd = CHKNL | CHKKWD | CHKALIAS;
      t = this.readToken();
    }
    if (!['{', 'if', 'case', 'until', 'while', 'for', '('].includes(t.kind) && t.tok.text !== '[[')
      this.unexpected();
    this.unread();
    return { type: 'function', name, body: this.command(), line };
  }

  private simpleCommand(): Command {
    const assigns: Assignment[] = [];
    const words: Word[] = [];
    const redirs: Redirect[] = [];
    const arrays: Assignment[] = [];
    let save = CHKALIAS;
    let line = 0;
    // BusyBox ash: inside `[[ … ]]`, && and || are arguments of the [[ builtin
    let brackets = false;
    for (;;) {
      this.checkkwd = save;
      const t = this.readToken();
      if (!line) line = t.tok.line;
      if (brackets && (t.kind === '&&' || t.kind === '||')) {
        words.push({ parts: [{ type: 'lit', text: t.kind }] });
        continue;
      }
      if (t.kind === 'word') {
        if (this.dialect.name === 'busybox' && !t.tok.quoted) {
          if (t.tok.text === '[[') brackets = true;
          else if (t.tok.text === ']]') brackets = false;
        }
        const m = save ? ASSIGNMENT.exec(t.tok.text) : null;
        const bash = this.dialect.name === 'bash';
        if (m && ((m[2] === undefined && m[3] === '') || bash)) {
          assigns.push(this.assignment(t.tok, m));
          continue;
        }
        if (
          !words.length &&
          this.dialect.name === 'bash' &&
          t.tok.text === '[[' &&
          !t.tok.quoted &&
          !assigns.length &&
          !redirs.length
        ) {
          return this.withRedirs(parseCondCommand(this, line));
        }
        const declaration = words.length > 0 && DECLARATIONS.has(wordText(words[0]!));
        const dm = declaration ? ASSIGNMENT.exec(t.tok.text) : null;
        if (dm && this.arrayFollows(t.tok, dm)) {
          // `local -a l=(1 2)`: the builtin declares the name, the shell then fills the array
          const a = this.assignment(t.tok, dm);
          words.push({ parts: [{ type: 'lit', text: a.name }] });
          arrays.push(a);
          continue;
        }
        words.push(t.tok.word!);
        save = 0;
        continue;
      }
      if (t.kind === 'redir') {
        redirs.push(this.redirect(t.tok));
        continue;
      }
      if (t.kind === '(' && words.length === 1 && !assigns.length && !redirs.length) {
        if (this.readToken().kind !== ')') this.unexpected('")"');
        this.checkkwd = CHKNL | CHKKWD | CHKALIAS;
        const name = wordText(words[0]!);
        if (this.dialect.name === 'bash') {
          const b = this.readToken();
          if (
            !['{', 'if', 'case', 'until', 'while', 'for', '(', 'function'].includes(b.kind) &&
            b.tok.text !== '[['
          )
            this.unexpected();
          this.unread();
        }
        return { type: 'function', name, body: this.command(), line };
      }
      this.unread();
      break;
    }
    const c: SimpleCommand = { type: 'simple', assigns, words, redirs, line };
    if (arrays.length) c.arrays = arrays;
    return c;
  }

  /** `name=value`, bash's `name[i]=value`, `name+=value` and `name=(a b c)`. */
  private assignment(tok: Token, m: RegExpExecArray): Assignment {
    const name = m[1]!;
    const append = m[3] === '+';
    const a: Assignment =
      m[2] === undefined
        ? splitAssignment(tok.word!, name, m[0].length, append)
        : {
            name,
            value: scanWordText(this.lexer, tok.text.slice(m[0].length)),
            index: scanText(this.lexer, m[2].slice(1, -1)),
          };
    if (append) a.append = true;
    if (this.arrayFollows(tok, m)) {
      // bash's array: `a=(x y z)`, the elements may run over several lines
      this.readToken();
      const elements: Word[] = [];
      for (;;) {
        this.checkkwd = CHKNL;
        const e = this.readToken();
        if (e.kind === ')') break;
        if (e.kind !== 'word') this.unexpected();
        elements.push(e.tok.word!);
      }
      a.array = elements;
    }
    return a;
  }

  /** bash: `name=(` with nothing between `=` and `(`. */
  private arrayFollows(tok: Token, m: RegExpExecArray): boolean {
    return (
      this.dialect.name === 'bash' &&
      m[2] === undefined &&
      tok.text === m[0] &&
      this.lexer.src[tok.end] === '(' &&
      !this.queue.length
    );
  }

  /** Redirections after a `[[ … ]]`. */
  private withRedirs(c: CondCommand): Command {
    this.checkkwd = CHKKWD | CHKALIAS;
    for (let r = this.readToken(); r.kind === 'redir'; r = this.readToken())
      c.redirs.push(this.redirect(r.tok));
    this.unread();
    return c;
  }

  private redirect(t: Token): Redirect {
    const op = t.op!;
    const target = this.readToken();
    if (target.kind !== 'word') this.unexpected();
    const r: Redirect = { op, target: target.tok.word! };
    if (t.fd !== undefined) r.fd = t.fd;
    if (op === '<<' || op === '<<-') {
      const delimiter = wordText(target.tok.word!);
      r.heredoc = { body: { parts: [] }, quoted: !!target.tok.quoted, delimiter, line: t.line };
      this.lexer.pendingHeredocs.push(r);
    }
    return r;
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

export { NAME as NAME_PATTERN };
