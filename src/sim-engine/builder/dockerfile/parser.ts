/**
 * The Dockerfile parser proper: text to a list of instruction nodes, as BuildKit's
 * frontend/dockerfile/parser (parser.go, line_parsers.go, split_command.go,
 * directives.go). No instruction is checked here beyond its argument syntax; that is
 * instructions.ts. Errors carry BuildKit's text and the line range it reports.
 */
import { unmarshalAny } from '../../golang/json.ts';
import { quote as goQuote } from '../../golang/strconv-quote.ts';
import { isSpace } from '../../golang/unicode.ts';
import { byteLength, decodeUtf8, encodeUtf8 } from '../../golang/utf8.ts';
import { shellLex } from './shell-lex.ts';
import type { Heredoc } from './types.ts';

/** One instruction as parser.Node holds it, flattened: its arguments as nodeArgs() lists them. */
export interface AstNode {
  /** The instruction keyword as written (Node.Value). */
  value: string;
  /** The logical line, continuations joined (Node.Original). */
  original: string;
  flags: string[];
  args: string[];
  /** Attributes["json"]: the arguments were a JSON array. */
  json: boolean;
  heredocs: Heredoc[];
  startLine: number;
  endLine: number;
  /** Comment lines directly above (Node.PrevComment), for description comments. */
  prevComment: string[];
  /** ONBUILD's trigger node. */
  child?: AstNode;
}

export class ParseError extends Error {
  readonly line: number;
  readonly endLine: number;
  constructor(message: string, line: number, endLine: number) {
    super(message);
    this.line = line;
    this.endLine = endLine;
  }
}

export interface AstWarning {
  /** NoEmptyContinuation is the only warning parser.Parse collects. */
  line: number;
}

export interface AstResult {
  children: AstNode[];
  escapeToken: '\\' | '`';
  warnings: AstWarning[];
  directives: { name: string; value: string; line: number }[];
}

// Go's regexp \s is [\t\n\f\r ]; reWhitespace is [\t\v\f\r ]+
const reWhitespace = /[\t\v\f\r ]+/;
const reHeredoc = /^(\d*)<<(-?)[\t\n\f\r ]*([^<]*)$/u;

const heredocDirectives = new Set(['add', 'copy', 'run']);
const heredocCompoundDirectives = new Set(['onbuild']);

type LineParser = (rest: string, d: Directives) => { args: string[]; json: boolean; child?: AstNode };

const dispatch: Record<string, LineParser> = {
  add: parseMaybeJSONToList,
  arg: parseNameOrNameVal,
  cmd: parseMaybeJSON,
  copy: parseMaybeJSONToList,
  entrypoint: parseMaybeJSON,
  env: (rest, d) => parseNameVal(rest, 'ENV', d),
  expose: parseStringsWhitespaceDelimited,
  from: parseStringsWhitespaceDelimited,
  healthcheck: parseHealthConfig,
  label: (rest, d) => parseNameVal(rest, 'LABEL', d),
  maintainer: parseString,
  onbuild: parseSubCommand,
  run: parseMaybeJSON,
  shell: parseMaybeJSON,
  stopsignal: parseString,
  user: parseString,
  volume: parseMaybeJSONToList,
  workdir: parseString,
};

class Directives {
  escapeToken: '\\' | '`' = '\\';
  continuation = /([^\\])\\[ \t]*$|^\\[ \t]*$/u;
  // DirectiveParser state
  private line = 0;
  private done = false;
  private readonly seen = new Set<string>();
  readonly found: { name: string; value: string; line: number }[] = [];

  setEscapeToken(s: string): void {
    if (s !== '`' && s !== '\\') throw new Error(`invalid escape token '${s}' does not match \` or \\`);
    this.escapeToken = s;
    // the escape token is also the line-continuation token when it ends a line
    const e = s === '`' ? '`' : '\\\\';
    this.continuation = new RegExp(`([^${e}])${e}[ \\t]*$|^${e}[ \\t]*$`, 'u');
  }

  /** possibleParserDirective: true if the line was a directive. */
  possibleParserDirective(line: string): boolean {
    this.line++;
    if (this.done) return false;
    const m = /^#[\t\n\f\r ]*([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*([^\n]+?)[\t\n\f\r ]*$/u.exec(
      line,
    );
    if (!m) {
      this.done = true;
      return false;
    }
    const k = m[1]!.toLowerCase();
    if (k !== 'syntax' && k !== 'escape' && k !== 'check') {
      this.done = true;
      return false;
    }
    if (this.seen.has(k)) throw new Error(`only one ${k} parser directive can be used`);
    this.seen.add(k);
    this.found.push({ name: k, value: m[2]!, line: this.line });
    if (k === 'escape') this.setEscapeToken(m[2]!);
    return true;
  }
}

function trimLeadingWhitespace(s: string): string {
  let i = 0;
  while (i < s.length) {
    const cp = s.codePointAt(i)!;
    if (!isSpace(cp)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return s.slice(i);
}

function trimSpace(s: string): string {
  let end = s.length;
  while (end > 0) {
    const cp = s.codePointAt(end - 1)!;
    // a low surrogate is never a space
    if (!isSpace(cp)) break;
    end--;
  }
  return trimLeadingWhitespace(s.slice(0, end));
}

function trimNewline(s: string): string {
  return s.replace(/[\r\n]+$/, '');
}

function isComment(line: string): boolean {
  return trimLeadingWhitespace(line).startsWith('#');
}

function isEmptyContinuationLine(line: string): boolean {
  return trimLeadingWhitespace(trimNewline(line)).length === 0;
}

/** bufio.Scanner with parser.go's scanLines: lines keep their "\n". */
function scanLines(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const j = text.indexOf('\n', i);
    if (j < 0) {
      out.push(text.slice(i));
      break;
    }
    out.push(text.slice(i, j + 1));
    i = j + 1;
  }
  return out;
}

const MAX_SCAN_TOKEN = 64 * 1024;

/** parser.Parse. Throws ParseError. */
export function parseAst(text: string): AstResult {
  const d = new Directives();
  const lines = scanLines(text);
  let idx = 0;
  let scanErr = false;
  const scan = (): string | undefined => {
    if (scanErr || idx >= lines.length) return undefined;
    const l = lines[idx]!;
    if (byteLength(l) > MAX_SCAN_TOKEN) {
      scanErr = true;
      return undefined;
    }
    idx++;
    return l;
  };
  const children: AstNode[] = [];
  const warnings: AstWarning[] = [];
  let comments: string[] = [];
  let currentLine = 0;
  const fail = (e: unknown, start: number, end: number): never => {
    throw new ParseError((e as Error).message, start, Math.max(start, end));
  };
  const processLine = (token: string, stripLeft: boolean): [string, boolean] => {
    token = trimNewline(token);
    if (stripLeft) token = trimLeadingWhitespace(token);
    const ok = d.possibleParserDirective(token);
    return [isComment(token) ? '' : token, ok];
  };
  const trimContinuation = (line: string): [string, boolean] => {
    if (d.continuation.test(line)) return [line.replace(d.continuation, '$1'), false];
    return [line, true];
  };

  for (let raw = scan(); raw !== undefined; raw = scan()) {
    let bytesRead = raw;
    if (currentLine === 0 && bytesRead.startsWith('\uFEFF')) bytesRead = bytesRead.slice(1);
    if (isComment(bytesRead)) {
      const comment = trimSpace(bytesRead.slice(1));
      if (comment === '') comments = [];
      else comments.push(comment);
    }
    let directiveOk: boolean;
    try {
      [bytesRead, directiveOk] = processLine(bytesRead, true);
    } catch (e) {
      // BuildKit reports the line before the directive (its counter is not yet advanced)
      return fail(e, currentLine, 0);
    }
    if (directiveOk) comments.pop();
    currentLine++;

    const startLine = currentLine;
    let isEndOfLine: boolean;
    [bytesRead, isEndOfLine] = trimContinuation(bytesRead);
    if (isEndOfLine && bytesRead.length === 0) continue;
    let buf = bytesRead;

    let hasEmptyContinuationLine = false;
    while (!isEndOfLine) {
      const next = scan();
      if (next === undefined) break;
      let b: string;
      try {
        [b] = processLine(next, false);
      } catch (e) {
        return fail(e, currentLine, 0);
      }
      currentLine++;
      // comment lines inside a continued instruction are dropped
      if (isComment(next)) continue;
      if (isEmptyContinuationLine(b)) {
        hasEmptyContinuationLine = true;
        continue;
      }
      [b, isEndOfLine] = trimContinuation(b);
      buf += b;
    }

    const line = buf;
    if (hasEmptyContinuationLine) warnings.push({ line: currentLine });

    let child: AstNode;
    try {
      child = newNodeFromLine(line, d, comments);
    } catch (e) {
      return fail(e, startLine, currentLine);
    }

    if (canContainHeredoc(child) && line.includes('<<')) {
      let heredocs: Heredoc[];
      try {
        heredocs = heredocsFromLine(line);
      } catch (e) {
        return fail(e, startLine, currentLine);
      }
      for (const heredoc of heredocs) {
        let terminated = false;
        for (let h = scan(); h !== undefined; h = scan()) {
          currentLine++;
          let possibleTerminator = trimNewline(h);
          if (heredoc.chomp) possibleTerminator = possibleTerminator.replace(/^\t+/, '');
          if (possibleTerminator === heredoc.name) {
            terminated = true;
            break;
          }
          heredoc.content += h;
        }
        if (!terminated) return fail(new Error('unterminated heredoc'), startLine, currentLine);
        child.heredocs.push(heredoc);
      }
    }
    child.startLine = startLine;
    child.endLine = currentLine;
    children.push(child);
    comments = [];
  }

  if (children.length === 0) return fail(new Error('file with no instructions'), currentLine, 0);
  if (scanErr) {
    return fail(
      new Error(`dockerfile line greater than max allowed size of ${MAX_SCAN_TOKEN - 1}`),
      currentLine,
      0,
    );
  }
  return { children, escapeToken: d.escapeToken, warnings, directives: d.found };
}

function canContainHeredoc(node: AstNode): boolean {
  let n = node;
  if (heredocCompoundDirectives.has(n.value.toLowerCase()) && n.child) n = n.child;
  if (!heredocDirectives.has(n.value.toLowerCase())) return false;
  return !n.json;
}

function newNodeFromLine(line: string, d: Directives, comments: string[]): AstNode {
  const { cmd, flags, args } = splitCommand(line, d);
  const fn = dispatch[cmd.toLowerCase()];
  // unknown instructions parse to an empty node; instructions.ts rejects them
  const parsed = fn ? fn(args, d) : { args: [''], json: false };
  return {
    value: cmd,
    original: line,
    flags,
    args: parsed.child ? [parsed.child.value, ...parsed.child.args] : parsed.args,
    json: parsed.json,
    heredocs: [],
    startLine: 0,
    endLine: 0,
    prevComment: comments.slice(),
    ...(parsed.child ? { child: parsed.child } : {}),
  };
}

// ---- split_command.go ----

function splitCommand(line: string, d: Directives): { cmd: string; flags: string[]; args: string } {
  const trimmed = trimSpace(line);
  const m = reWhitespace.exec(trimmed);
  if (!m) return { cmd: trimmed, flags: [], args: '' };
  const cmd = trimmed.slice(0, m.index);
  const { rest, words } = extractBuilderFlags(trimmed.slice(m.index + m[0].length), d);
  return { cmd, flags: words, args: trimSpace(rest) };
}

/**
 * extractBuilderFlags walks bytes, not runes: a non-ASCII byte becomes the Latin-1
 * character of that value in a flag (Go's WriteRune(rune(byte))), and bytes 0x85 and
 * 0xA0 count as spaces. The JS string here is the UTF-8 bytes, one char per byte.
 */
function extractBuilderFlags(lineStr: string, d: Directives): { rest: string; words: string[] } {
  const bytes = encodeUtf8(lineStr);
  const n = bytes.length;
  const restFrom = (pos: number) => decodeUtf8(bytes.slice(pos));
  const words: string[] = [];
  const IN_SPACES = 0;
  const IN_WORD = 1;
  const IN_QUOTE = 2;
  let phase = IN_SPACES;
  let word = '';
  let quote = 0;
  let blankOK = false;
  const esc = d.escapeToken.charCodeAt(0);
  let ch = 0;
  for (let pos = 0; pos <= n; pos++) {
    if (pos !== n) ch = bytes[pos]!;
    if (phase === IN_SPACES) {
      if (pos === n) break;
      if (isSpace(ch)) continue;
      // only words starting with "--" are flags
      if (ch !== 0x2d || pos + 1 === n || bytes[pos + 1] !== 0x2d) return { rest: restFrom(pos), words };
      phase = IN_WORD;
    }
    if ((phase === IN_WORD || phase === IN_QUOTE) && pos === n) {
      if (word !== '--' && (blankOK || word.length > 0)) words.push(word);
      break;
    }
    if (phase === IN_WORD) {
      if (isSpace(ch)) {
        phase = IN_SPACES;
        if (word === '--') return { rest: restFrom(pos), words };
        if (blankOK || word.length > 0) words.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === 0x27 || ch === 0x22) {
        quote = ch;
        blankOK = true;
        phase = IN_QUOTE;
        continue;
      }
      if (ch === esc) {
        if (pos + 1 === n) continue;
        pos++;
        ch = bytes[pos]!;
      }
      word += String.fromCharCode(ch);
      continue;
    }
    // IN_QUOTE
    if (ch === quote) {
      phase = IN_WORD;
      continue;
    }
    if (ch === esc) {
      if (pos + 1 === n) {
        phase = IN_WORD;
        continue;
      }
      pos++;
      ch = bytes[pos]!;
    }
    word += String.fromCharCode(ch);
  }
  return { rest: '', words };
}

// ---- line_parsers.go ----

/** parseWords: split on whitespace, keeping quotes and escapes for the lexer. */
export function parseWords(rest: string, escapeToken: string): string[] {
  const words: string[] = [];
  const chars = Array.from(rest);
  const n = chars.length;
  let phase = 0; // 0 spaces, 1 word, 2 quote
  let quote = '';
  let blankOK = false;
  let sb = '';
  let ch = '';
  for (let pos = 0; pos <= n; pos++) {
    if (pos !== n) ch = chars[pos]!;
    if (phase === 0) {
      if (pos === n) break;
      if (isSpace(ch.codePointAt(0)!)) continue;
      phase = 1;
    }
    if ((phase === 1 || phase === 2) && pos === n) {
      if (blankOK || sb.length > 0) words.push(sb);
      break;
    }
    if (phase === 1) {
      if (isSpace(ch.codePointAt(0)!)) {
        phase = 0;
        if (blankOK || sb.length > 0) words.push(sb);
        sb = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = 2;
      }
      if (ch === escapeToken) {
        if (pos + 1 === n) continue; // an escape token at the end is dropped
        // unquoted, an escape and its character are both kept, even a quote
        sb += ch;
        pos++;
        ch = chars[pos]!;
      }
      sb += ch;
      continue;
    }
    if (phase === 2) {
      if (ch === quote) phase = 1;
      // the escape token escapes inside double quotes only
      if (ch === escapeToken && quote !== "'") {
        if (pos + 1 === n) {
          phase = 1;
          continue;
        }
        pos++;
        sb += ch;
        ch = chars[pos]!;
      }
      sb += ch;
    }
  }
  return words;
}

function parseNameVal(rest: string, key: string, d: Directives): { args: string[]; json: boolean } {
  // `KEY name value` (legacy) vs `KEY name=value ...`: decided by the first word
  const words = parseWords(rest, d.escapeToken);
  if (words.length === 0) return { args: [], json: false };
  if (!words[0]!.includes('=')) {
    const m = reWhitespace.exec(rest);
    if (!m) throw new Error(`${key} must have two arguments`);
    return { args: [rest.slice(0, m.index), rest.slice(m.index + m[0].length), ''], json: false };
  }
  const args: string[] = [];
  for (const word of words) {
    const eq = word.indexOf('=');
    if (eq < 0) {
      throw new Error(`Syntax error - can't find = in ${goQuote(word)}. Must be of the form: name=value`);
    }
    args.push(word.slice(0, eq), word.slice(eq + 1), '=');
  }
  return { args, json: false };
}

function parseNameOrNameVal(rest: string, d: Directives): { args: string[]; json: boolean } {
  return { args: parseWords(rest, d.escapeToken), json: false };
}

function parseStringsWhitespaceDelimited(rest: string): { args: string[]; json: boolean } {
  if (rest === '') return { args: [], json: false };
  return { args: rest.split(new RegExp(reWhitespace.source)), json: false };
}

function parseString(rest: string): { args: string[]; json: boolean } {
  if (rest === '') return { args: [], json: false };
  return { args: [rest], json: false };
}

export const errNotStringArray = 'when using JSON array syntax, arrays must be comprised of strings only';

function parseJSON(rest: string): { args: string[]; json: boolean } | undefined {
  rest = trimLeadingWhitespace(rest);
  if (!rest.startsWith('[')) return undefined;
  let v: unknown;
  try {
    v = unmarshalAny(rest);
  } catch {
    return undefined;
  }
  if (!Array.isArray(v)) return undefined;
  const args: string[] = [];
  for (const e of v) {
    if (typeof e !== 'string') throw new Error(errNotStringArray);
    args.push(e);
  }
  return { args, json: true };
}

function parseMaybeJSON(rest: string): { args: string[]; json: boolean } {
  if (rest === '') return { args: [], json: false };
  const j = parseJSON(rest);
  if (j) return j;
  return { args: [rest], json: false };
}

function parseMaybeJSONToList(rest: string): { args: string[]; json: boolean } {
  const j = parseJSON(rest);
  if (j) return j;
  return parseStringsWhitespaceDelimited(rest);
}

function parseHealthConfig(rest: string): { args: string[]; json: boolean } {
  // the type is the first word; Go scans bytes here, so measure in UTF-8 bytes
  const bytes = encodeUtf8(rest);
  let sep = 0;
  while (sep < bytes.length && !isSpace(bytes[sep]!)) sep++;
  let next = sep;
  while (next < bytes.length && isSpace(bytes[next]!)) next++;
  if (sep === 0) return { args: [], json: false };
  const typ = decodeUtf8(bytes.slice(0, sep));
  const cmd = parseMaybeJSON(decodeUtf8(bytes.slice(next)));
  return { args: [typ, ...cmd.args], json: cmd.json };
}

function parseSubCommand(rest: string, d: Directives): { args: string[]; json: boolean; child?: AstNode } {
  if (rest === '') return { args: [], json: false };
  const child = newNodeFromLine(rest, d, []);
  return { args: [], json: false, child };
}

// ---- heredocs ----

function heredocFromMatch(m: RegExpExecArray | null): Heredoc | undefined {
  if (!m) return undefined;
  const fd = m[1] === '' ? 0 : Number.parseInt(m[1]!, 10);
  const chomp = m[2] === '-';
  const rest = m[3]!;
  if (rest.length === 0) return undefined;
  // lexing the word with and without quotes tells whether any part of it was quoted
  const env = () => undefined;
  const words = shellLex('\\', { skipUnsetEnv: true }).processWords(rest, env).result;
  if (words.length !== 1) return undefined;
  const wordsRaw = shellLex('\\', { skipUnsetEnv: true, rawQuotes: true }).processWords(rest, env).result;
  if (wordsRaw.length !== words.length) {
    throw new Error(`internal lexing of heredoc produced inconsistent results: ${rest}`);
  }
  const word = words[0]!;
  const wordRaw = wordsRaw[0]!;
  const quotes = (s: string) => (s.match(/['"]/g) ?? []).length;
  return {
    name: word,
    content: '',
    expand: quotes(word) === quotes(wordRaw),
    chomp,
    fileDescriptor: Number.isSafeInteger(fd) ? fd : 0,
  };
}

/** parser.ParseHeredoc / MustParseHeredoc (errors become "no heredoc"). */
export function parseHeredoc(src: string): Heredoc | undefined {
  return heredocFromMatch(reHeredoc.exec(src));
}

export function mustParseHeredoc(src: string): Heredoc | undefined {
  try {
    return parseHeredoc(src);
  } catch {
    return undefined;
  }
}

function heredocsFromLine(line: string): Heredoc[] {
  let words: string[];
  try {
    words = shellLex('\\', { rawQuotes: true, rawEscapes: true, skipUnsetEnv: true }).processWords(
      line,
      () => undefined,
    ).result;
  } catch {
    // lex.go returns the words gathered so far with its error, and the caller ignores
    // the error; an unbalanced quote yields no words at all
    words = [];
  }
  const docs: Heredoc[] = [];
  for (const word of words) {
    const h = parseHeredoc(word);
    if (h) docs.push(h);
  }
  return docs;
}

/** parser.ChompHeredocContent: drop leading tabs of every line. */
export function chompHeredocContent(src: string): string {
  // Go's (?m)^ follows "\n" only, where JavaScript's m flag also follows "\r"
  return src.replace(/(^|\n)\t+/g, '$1');
}

/**
 * parser.ParseDirective: a directive's value read the way dockerfile2llb reads
 * `# check=` before parsing (BOM and a `#!` first line skipped, lines not trimmed).
 */
export function detectDirective(key: string, text: string): { value: string; line: number } | undefined {
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  let line = 0;
  const nl = text.indexOf('\n');
  if ((nl < 0 ? text : text.slice(0, nl)).startsWith('#!')) {
    text = nl < 0 ? '' : text.slice(nl + 1);
    line++;
  }
  const seen = new Set<string>();
  // bufio.ScanLines drops "\r" before "\n"
  for (const raw of text.split('\n')) {
    line++;
    const l = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const m = /^#[\t\n\f\r ]*([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*([^\n]+?)[\t\n\f\r ]*$/u.exec(l);
    if (!m) return undefined;
    const k = m[1]!.toLowerCase();
    if (k !== 'syntax' && k !== 'escape' && k !== 'check') return undefined;
    if (seen.has(k)) return undefined;
    seen.add(k);
    if (k === key) return { value: m[2]!, line };
  }
  return undefined;
}
