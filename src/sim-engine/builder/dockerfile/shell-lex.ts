/**
 * BuildKit's shell lexer (frontend/dockerfile/shell/lex.go): word splitting and
 * variable substitution for Dockerfile instructions. It is not a shell: it knows
 * quotes, the escape token and `$VAR` / `${VAR…}` forms, nothing else. Messages are
 * lex.go's, wrapped as `failed to process "<word>": <reason>` like its process().
 */
import { quote } from '../../golang/strconv-quote.ts';
import { isDigit, isLetter, isSpace } from '../../golang/unicode.ts';

/** A variable lookup: the value, or undefined when the name is unset. */
export type EnvLookup = (name: string) => string | undefined;

export interface ProcessWordResult {
  result: string;
  words: string[];
  /** Names that were looked up and found, in first-use order. */
  matched: string[];
  /** Names that were looked up and not found, in first-use order. */
  unmatched: string[];
}

export interface ShellLex {
  /** Lex.ProcessWord: expand, keep the word whole (quotes removed). */
  processWord(word: string, env: EnvLookup): { result: string; unmatched: string[] };
  /** Lex.ProcessWords: expand, then split on unquoted whitespace. */
  processWords(word: string, env: EnvLookup): { result: string[]; unmatched: string[] };
  /** Lex.ProcessWordWithMatches, for the FROM checks that need the matched names too. */
  processWordWithMatches(word: string, env: EnvLookup): ProcessWordResult;
  readonly escapeToken: '\\' | '`';
}

export interface LexOptions {
  rawQuotes?: boolean;
  rawEscapes?: boolean;
  skipProcessQuotes?: boolean;
  skipUnsetEnv?: boolean;
}

/** A lexer for the Dockerfile's escape token, as dockerfile2llb makes with shell.NewLex. */
export function shellLex(escape: '\\' | '`', options: LexOptions = {}): ShellLex {
  const lex = new Lex(escape, options);
  return {
    escapeToken: escape,
    processWord(word, env) {
      const r = lex.process(word, env, true);
      return { result: r.result, unmatched: r.unmatched };
    },
    processWords(word, env) {
      const r = lex.process(word, env, false);
      return { result: r.words, unmatched: r.unmatched };
    },
    processWordWithMatches(word, env) {
      return lex.process(word, env, true);
    },
  };
}

/** An error from the lexer; message is BuildKit's text. */
export class LexError extends Error {}

const EOF = -1;

class Scanner {
  private readonly cps: number[];
  private pos = 0;
  constructor(s: string) {
    this.cps = Array.from(s, (c) => c.codePointAt(0)!);
  }
  peek(): number {
    return this.pos < this.cps.length ? this.cps[this.pos]! : EOF;
  }
  next(): number {
    return this.pos < this.cps.length ? this.cps[this.pos++]! : EOF;
  }
}

function chr(cp: number): string {
  return String.fromCodePoint(cp);
}

class Words {
  buf = '';
  words: string[] = [];
  inWord = false;
  addChar(ch: number): void {
    if (isSpace(ch) && this.inWord) {
      if (this.buf.length !== 0) {
        this.words.push(this.buf);
        this.buf = '';
        this.inWord = false;
      }
    } else if (!isSpace(ch)) {
      this.addRawChar(ch);
    }
  }
  addRawChar(ch: number): void {
    this.buf += chr(ch);
    this.inWord = true;
  }
  addString(s: string): void {
    for (const c of s) this.addChar(c.codePointAt(0)!);
  }
  addRawString(s: string): void {
    this.buf += s;
    this.inWord = true;
  }
  getWords(): string[] {
    if (this.buf.length > 0) {
      this.words.push(this.buf);
      this.buf = '';
      this.inWord = false;
    }
    return this.words;
  }
}

class Lex {
  private readonly escapeToken: number;
  private readonly rawQuotes: boolean;
  private readonly skipProcessQuotes: boolean;
  private readonly skipUnsetEnv: boolean;
  private readonly defaultRawEscapes: boolean;
  // per-process state, as lex.go's shellWord
  private rawEscapes = false;
  private scanner = new Scanner('');
  private env: EnvLookup = () => undefined;
  private capture = false;
  private matches: string[] = [];
  private nonmatches: string[] = [];

  constructor(escape: '\\' | '`', o: LexOptions) {
    this.escapeToken = escape.codePointAt(0)!;
    this.rawQuotes = o.rawQuotes ?? false;
    this.defaultRawEscapes = o.rawEscapes ?? false;
    this.skipProcessQuotes = o.skipProcessQuotes ?? false;
    this.skipUnsetEnv = o.skipUnsetEnv ?? false;
  }

  process(word: string, env: EnvLookup, capture: boolean): ProcessWordResult {
    this.scanner = new Scanner(word);
    this.env = env;
    this.capture = capture;
    this.rawEscapes = this.defaultRawEscapes;
    this.matches = [];
    this.nonmatches = [];
    try {
      const [result, words] = this.processStopOn(EOF, this.rawEscapes);
      return { result, words, matched: this.matches, unmatched: this.nonmatches };
    } catch (e) {
      if (e instanceof LexError) throw new LexError(`failed to process ${quote(word)}: ${e.message}`);
      throw e;
    }
  }

  private processStopOn(stopChar: number, rawEscapes: boolean): [string, string[]] {
    let result = '';
    const words = new Words();
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      const s = this.scanner;
      while (s.peek() !== EOF) {
        let ch = s.peek();
        if (stopChar !== EOF && ch === stopChar) {
          s.next();
          return [result, words.getWords()];
        }
        const fn = this.special(ch);
        if (fn) {
          const tmp = fn();
          result += tmp;
          if (ch === 0x24 /* $ */) words.addString(tmp);
          else words.addRawString(tmp);
          continue;
        }
        ch = s.next();
        if (ch === this.escapeToken) {
          if (this.rawEscapes) {
            words.addRawChar(ch);
            result += chr(ch);
          }
          // the escape token escapes the next character, except at the end of the word
          ch = s.next();
          if (ch === EOF) break;
          words.addRawChar(ch);
        } else {
          words.addChar(ch);
        }
        result += chr(ch);
      }
      if (stopChar !== EOF) {
        throw new LexError(`unexpected end of statement while looking for matching ${chr(stopChar)}`);
      }
      return [result, words.getWords()];
    } finally {
      this.rawEscapes = saved;
    }
  }

  private special(ch: number): (() => string) | undefined {
    switch (ch) {
      case 0x24:
        return () => this.processDollar();
      case 0x3c:
        return () => this.processPossibleHeredoc();
      case 0x27:
        return this.skipProcessQuotes ? undefined : () => this.processSingleQuote();
      case 0x22:
        return this.skipProcessQuotes ? undefined : () => this.processDoubleQuote();
    }
    return undefined;
  }

  private processSingleQuote(): string {
    // everything up to the next ' is literal; a single quote cannot be escaped
    let result = '';
    let ch = this.scanner.next();
    if (this.rawQuotes) result += chr(ch);
    for (;;) {
      ch = this.scanner.next();
      if (ch === EOF)
        throw new LexError('unexpected end of statement while looking for matching single-quote');
      if (ch === 0x27) {
        if (this.rawQuotes) result += chr(ch);
        return result;
      }
      result += chr(ch);
    }
  }

  private processDoubleQuote(): string {
    // literal except $ and the escape token, which escapes only " $ and itself
    let result = '';
    const s = this.scanner;
    const first = s.next();
    if (this.rawQuotes) result += chr(first);
    for (;;) {
      const p = s.peek();
      if (p === EOF)
        throw new LexError('unexpected end of statement while looking for matching double-quote');
      if (p === 0x22) {
        const ch = s.next();
        if (this.rawQuotes) result += chr(ch);
        return result;
      }
      if (p === 0x24) {
        result += this.processDollar();
        continue;
      }
      let ch = s.next();
      if (ch === this.escapeToken) {
        if (this.rawEscapes) result += chr(ch);
        const n = s.peek();
        if (n === EOF) continue; // a trailing escape is dropped
        if (n === 0x22 || n === 0x24 || n === this.escapeToken) ch = s.next();
      }
      result += chr(ch);
    }
  }

  private processDollar(): string {
    const s = this.scanner;
    s.next();
    if (s.peek() !== 0x7b /* { */) {
      const name = this.processName();
      if (name === '') return '$';
      const value = this.getEnv(name);
      if (value === undefined && this.skipUnsetEnv) return '$' + name;
      return value ?? '';
    }
    s.next();
    switch (s.peek()) {
      case EOF:
        throw new LexError("syntax error: missing '}'");
      case 0x7b:
      case 0x7d:
      case 0x3a:
        throw new LexError('syntax error: bad substitution');
    }
    const name = this.processName();
    let ch = s.next();
    let chs = ch === EOF ? '\uFFFD' : chr(ch);
    let nullIsUnset = false;
    switch (ch) {
      case 0x7d: {
        const value = this.getEnv(name);
        if (value === undefined && this.skipUnsetEnv) return '${' + name + '}';
        return value ?? '';
      }
      case 0x3a:
      case 0x2b:
      case 0x2d:
      case 0x3f:
      case 0x23:
      case 0x25: {
        if (ch === 0x3a) {
          // `${X:op…}`: lex.go reads the operator and falls through whatever it is
          nullIsUnset = true;
          ch = s.next();
          chs += ch === EOF ? '\uFFFD' : chr(ch);
        }
        const rawEscapes = ch === 0x23 || ch === 0x25;
        if (nullIsUnset && rawEscapes) throw new LexError(`unsupported modifier (${chs}) in substitution`);
        let word = this.readModifierWord(rawEscapes);
        const value = this.getEnv(name);
        const set = value !== undefined;
        if (this.skipUnsetEnv && !set) return '${' + name + chs + word + '}';
        const v = value ?? '';
        switch (ch) {
          case 0x2d:
            return !set || (nullIsUnset && v === '') ? word : v;
          case 0x2b:
            return !set || (nullIsUnset && v === '') ? '' : word;
          case 0x3f:
            if (!set) throw new LexError(`${name}: ${word !== '' ? word : 'is not allowed to be unset'}`);
            if (nullIsUnset && v === '') {
              throw new LexError(`${name}: ${word !== '' ? word : 'is not allowed to be empty'}`);
            }
            return v;
          case 0x23:
          case 0x25: {
            // % and # trim the shortest match, %% and ## the longest
            let greedy = false;
            if (word.length > 0 && word.codePointAt(0) === ch) {
              greedy = true;
              word = word.slice(1);
            }
            return ch === 0x25 ? trimSuffix(word, v, greedy) : trimPrefix(word, v, greedy);
          }
          default:
            throw new LexError(`unsupported modifier (${chs}) in substitution`);
        }
      }
      case 0x2f: {
        const replaceAll = s.peek() === 0x2f;
        if (replaceAll) s.next();
        let pattern: string;
        try {
          pattern = this.processStopOn(0x2f, true)[0];
        } catch (e) {
          if (e instanceof LexError && s.peek() === EOF)
            throw new LexError("syntax error: missing '/' in ${}");
          throw e;
        }
        const replacement = this.readModifierWord(true);
        const value = this.getEnv(name);
        if (this.skipUnsetEnv && value === undefined)
          return '${' + name + '/' + pattern + '/' + replacement + '}';
        let re: RegExp;
        try {
          re = convertShellPatternToRegex(pattern, true, false);
        } catch (e) {
          throw new LexError(`invalid pattern (${pattern}) in substitution: ${(e as Error).message}`);
        }
        const v = value ?? '';
        if (replaceAll) return goReplaceAll(re, v, replacement);
        const m = new RegExp(re.source, re.flags.replace('g', '')).exec(v);
        if (m) return v.slice(0, m.index) + replacement + v.slice(m.index + m[0].length);
        return v;
      }
      default:
        throw new LexError(`unsupported modifier (${chs}) in substitution`);
    }
  }

  /** processStopOn('}') with lex.go's rewording of an unterminated ${…}. */
  private readModifierWord(rawEscapes: boolean): string {
    try {
      return this.processStopOn(0x7d, rawEscapes)[0];
    } catch (e) {
      if (e instanceof LexError && this.scanner.peek() === EOF)
        throw new LexError("syntax error: missing '}'");
      throw e;
    }
  }

  private processName(): string {
    // a name is letters, digits and _; a leading digit reads all digits ($1, $001)
    const s = this.scanner;
    let name = '';
    while (s.peek() !== EOF) {
      let ch = s.peek();
      if (name.length === 0 && isDigit(ch)) {
        while (s.peek() !== EOF && isDigit(s.peek())) {
          ch = s.next();
          name += chr(ch);
        }
        return name;
      }
      if (name.length === 0 && isSpecialParam(ch)) {
        return chr(s.next());
      }
      if (!isLetter(ch) && !isDigit(ch) && ch !== 0x5f) break;
      name += chr(s.next());
    }
    return name;
  }

  private processPossibleHeredoc(): string {
    const s = this.scanner;
    s.next();
    if (s.peek() !== 0x3c) return '<';
    s.next();
    // a heredoc may have whitespace between << and its word
    let space = '';
    let n = s.peek();
    while (n === 0x09 || n === 0x0d || n === 0x20) {
      space += chr(n);
      s.next();
      n = s.peek();
    }
    return '<<' + space;
  }

  private getEnv(name: string): string | undefined {
    const v = this.env(name);
    if (this.capture) {
      const list = v !== undefined ? this.matches : this.nonmatches;
      if (!list.includes(name)) list.push(name);
    }
    return v;
  }
}

function isSpecialParam(ch: number): boolean {
  // POSIX special parameters: @ * # ? - $ ! 0
  return (
    ch === 0x40 ||
    ch === 0x2a ||
    ch === 0x23 ||
    ch === 0x3f ||
    ch === 0x2d ||
    ch === 0x24 ||
    ch === 0x21 ||
    ch === 0x30
  );
}

/**
 * lex.go's convertShellPatternToRegex: `?` one char, `*` shortest or longest run, no
 * bracket expressions. Go's `.` matches anything but \n, so it is spelled [^\n] here.
 */
export function convertShellPatternToRegex(pattern: string, greedy: boolean, anchored: boolean): RegExp {
  const s = new Scanner(pattern);
  let out = anchored ? '^' : '';
  const star = greedy ? '[^\\n]*' : '[^\\n]*?';
  for (let tok = s.next(); tok !== EOF; tok = s.next()) {
    switch (tok) {
      case 0x2a:
        out += star;
        continue;
      case 0x3f:
        out += '[^\\n]';
        continue;
      case 0x5c: {
        // \} and \/ are part of the ${} syntax, not of the pattern
        if (s.peek() === 0x7d || s.peek() === 0x2f) continue;
        out += '\\';
        tok = s.next();
        if (tok !== 0x2a && tok !== 0x3f && tok !== 0x5c) {
          throw new Error(`invalid escape '\\${tok === EOF ? '\uFFFD' : chr(tok)}'`);
        }
        break;
      }
      case 0x5b:
      case 0x5d:
      case 0x7b:
      case 0x7d:
      case 0x2e:
      case 0x2b:
      case 0x28:
      case 0x29:
      case 0x7c:
      case 0x5e:
      case 0x24:
        out += '\\';
        break;
    }
    out += chr(tok);
  }
  return new RegExp(out, 'u');
}

function trimPrefix(word: string, value: string, greedy: boolean): string {
  let re: RegExp;
  try {
    re = convertShellPatternToRegex(word, greedy, true);
  } catch (e) {
    throw new LexError(`invalid pattern (${word}) in substitution: ${(e as Error).message}`);
  }
  const m = re.exec(value);
  return m ? value.slice(m.index + m[0].length) : value;
}

/** Reverse a pattern keeping each escape before the character it escapes (a\*c -> c\*a). */
function reversePattern(pattern: string): string {
  const p = Array.from(pattern);
  const out = new Array<string>(p.length);
  const last = p.length - 1;
  for (let i = 0; i <= last;) {
    const tok = p[i]!;
    const o = last - i;
    if (tok === '\\' && i !== last) {
      out[o - 1] = tok;
      out[o] = p[i + 1]!;
      i += 2;
    } else {
      out[o] = tok;
      i++;
    }
  }
  return out.join('');
}

function reverseString(s: string): string {
  return Array.from(s).reverse().join('');
}

function trimSuffix(pattern: string, word: string, greedy: boolean): string {
  // regexps find leftmost matches only, so the search runs on reversed strings
  return reverseString(trimPrefix(reversePattern(pattern), reverseString(word), greedy));
}

/**
 * Go's Regexp.ReplaceAllString: `$0`/`${0}` is the match, `$$` a dollar, other `$name`
 * references are empty (the pattern has no groups), and an empty match right after a
 * previous match is skipped.
 */
function goReplaceAll(re: RegExp, src: string, repl: string): string {
  const g = new RegExp(re.source, 'gu');
  let out = '';
  let lastEnd = 0;
  let prevMatchEnd = -1;
  let searchPos = 0;
  while (searchPos <= src.length) {
    g.lastIndex = searchPos;
    const m = g.exec(src);
    if (!m) break;
    const start = m.index;
    const end = start + m[0].length;
    if (!(end === start && start === prevMatchEnd)) {
      out += src.slice(lastEnd, start) + goExpand(repl, m[0]);
      lastEnd = end;
    }
    prevMatchEnd = end;
    if (end > start) searchPos = end;
    else {
      const cp = src.codePointAt(start);
      searchPos = start + (cp !== undefined && cp > 0xffff ? 2 : 1);
    }
  }
  return out + src.slice(lastEnd);
}

function goExpand(template: string, match: string): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const d = template.indexOf('$', i);
    if (d < 0) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, d);
    const rest = template.slice(d + 1);
    if (rest.startsWith('$')) {
      out += '$';
      i = d + 2;
      continue;
    }
    let m = /^\{([A-Za-z0-9_]+)\}/.exec(rest);
    if (!m) m = /^([A-Za-z0-9_]+)/.exec(rest);
    if (!m) {
      out += '$';
      i = d + 1;
      continue;
    }
    if (m[1] === '0' || /^0+$/.test(m[1]!)) out += match;
    i = d + 1 + m[0].length;
  }
  return out;
}
