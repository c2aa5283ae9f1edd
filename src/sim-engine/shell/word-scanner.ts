/**
 * Scanning one word into parts: quotes, backslashes, `$name`, `${…}`, `$(…)`,
 * `` `…` ``, `$((…))` and `$'…'`. The scanner reads straight from the lexer's source
 * (one pass, no backtracking except the bounded look-ahead that tells `$((` arithmetic
 * from a subshell inside `$(`), so parsing stays linear.
 */
import type { Word, WordPart } from './ast.ts';
import { isWordEnd, Lexer } from './lexer.ts';
import { decodeAnsiC } from './ansi-c.ts';
import { ShellSyntaxError } from './syntax-error.ts';
import { braceParam } from './param-scanner.ts';

export type Mode =
  /** an ordinary word: ends at a metacharacter */
  | 'word'
  /** inside "…": ends at the closing quote */
  | 'dq'
  /** a here-document body: like "…" but a quote is just a character */
  | 'heredoc'
  /** the argument of ${x op arg}: ends at } (or at / or : for the first of two arguments) */
  | 'param';

interface Scan {
  parts: WordPart[];
  quoted: boolean;
}

function push(parts: WordPart[], type: 'lit' | 'quoted', text: string): void {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last && last.type === type) last.text += text;
  else parts.push({ type, text });
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL = '@*#?-$!0123456789';

/**
 * Scan parts at the lexer's position until `stop` says so (or the input ends). In
 * 'dq' and 'heredoc' modes, and in 'param' mode inside double quotes (`inDq`), only
 * `$`, `` ` `` and `\` are special.
 */
export function scanParts(lx: Lexer, mode: Mode, inDq: boolean, stop: (c: string) => boolean): Scan {
  const src = lx.src;
  const parts: WordPart[] = [];
  const quotedText = mode === 'dq' || mode === 'heredoc' || inDq;
  const litType = quotedText ? 'quoted' : 'lit';
  let quoted = false;
  for (;;) {
    const c = src[lx.pos];
    if (c === undefined || stop(c)) return { parts, quoted };
    switch (c) {
      case '\\': {
        const n = src[lx.pos + 1];
        if (n === '\n') {
          lx.pos += 2;
          lx.line++;
          continue;
        }
        if (n === undefined) {
          push(parts, litType, '\\');
          lx.pos++;
          continue;
        }
        quoted = true;
        if (quotedText) {
          const escapable = mode === 'heredoc' ? '$`\\' : mode === 'param' ? '$`"\\}' : '$`"\\';
          if (escapable.includes(n)) {
            push(parts, 'quoted', n);
            lx.pos += 2;
          } else {
            push(parts, 'quoted', '\\');
            lx.pos++;
          }
          continue;
        }
        push(parts, 'quoted', n);
        lx.pos += 2;
        continue;
      }
      case "'": {
        if (quotedText) break;
        quoted = true;
        const startLine = lx.line;
        const end = src.indexOf("'", lx.pos + 1);
        if (end < 0) {
          countLines(lx, src.length);
          lx.fail({ kind: 'unterminated', what: "'", startLine });
        }
        const text = src.slice(lx.pos + 1, end);
        countLines(lx, end + 1);
        parts.push({ type: 'quoted', text });
        continue;
      }
      case '"': {
        // inside "${x#"pat"}" the inner quotes quote again; elsewhere in "…" a quote ends it
        if (quotedText && mode !== 'param') break;
        quoted = true;
        const startLine = lx.line;
        lx.pos++;
        const inner = scanParts(lx, 'dq', true, (ch) => ch === '"');
        if (src[lx.pos] !== '"') lx.fail({ kind: 'unterminated', what: '"', startLine });
        lx.pos++;
        parts.push({ type: 'dq', parts: inner.parts });
        continue;
      }
      case '`':
        parts.push(backquote(lx, quotedText));
        continue;
      case '$': {
        const n = src[lx.pos + 1];
        if (n === "'" && !quotedText && lx.dialect.dollarSingleQuote) {
          quoted = true;
          const startLine = lx.line;
          const r = decodeAnsiC(src, lx.pos + 2);
          if (!r) {
            countLines(lx, src.length);
            lx.fail({ kind: 'unterminated', what: "'", startLine });
          }
          countLines(lx, r.end);
          parts.push({ type: 'quoted', text: r.text });
          continue;
        }
        if (n === '"' && !quotedText && lx.dialect.name === 'bash') {
          lx.pos++; // bash's $"…" (a translated string) is "…" here
          continue;
        }
        const part = dollar(lx, quotedText);
        if (part) parts.push(part);
        else {
          push(parts, litType, '$');
          lx.pos++;
        }
        continue;
      }
    }
    // a run of ordinary characters
    const start = lx.pos;
    lx.pos++;
    for (;;) {
      const d = src[lx.pos];
      if (d === undefined || d === '\\' || d === '$' || d === '`' || stop(d)) break;
      if (!quotedText && (d === "'" || d === '"')) break;
      lx.pos++;
    }
    const text = src.slice(start, lx.pos);
    if (text.includes('\n')) lx.line += text.split('\n').length - 1;
    push(parts, litType, text);
  }
}

export function countLines(lx: Lexer, to: number): void {
  for (let i = lx.pos; i < to; i++) if (lx.src.charCodeAt(i) === 10) lx.line++;
  lx.pos = to;
}

export function scanWord(lx: Lexer): { word: Word; quoted: boolean } {
  const { parts, quoted } = scanParts(lx, 'word', false, isWordEnd);
  return { word: { parts }, quoted };
}

/** The parts of an unquoted here-document's body, scanned with a lexer of its own. */
export function scanHeredocBody(lx: Lexer, body: string, startLine: number): Word {
  const sub = new Lexer(body, lx.dialect, lx.hooks, startLine);
  return { parts: scanParts(sub, 'heredoc', true, () => false).parts };
}

function backquote(lx: Lexer, inDq: boolean): WordPart {
  const src = lx.src;
  const startLine = lx.line;
  let i = lx.pos + 1;
  let text = '';
  for (;;) {
    const c = src[i];
    if (c === undefined) {
      countLines(lx, src.length);
      lx.fail({ kind: 'unterminated', what: '`', startLine });
    }
    if (c === '`') break;
    if (c === '\\') {
      const n = src[i + 1];
      if (n === '\n') {
        i += 2;
        continue;
      }
      if (n !== undefined && ('$`\\'.includes(n) || (inDq && n === '"'))) {
        text += n;
        i += 2;
        continue;
      }
    }
    text += c;
    i++;
  }
  countLines(lx, i + 1);
  try {
    return { type: 'cmdsub', body: lx.hooks.backquote(text, startLine), backquote: true };
  } catch (e) {
    // bash parses a backquoted command when it runs, so its syntax error is reported then
    if (!(e instanceof ShellSyntaxError) || lx.dialect.name !== 'bash') throw e;
    return { type: 'cmdsub', body: { items: [] }, backquote: true, error: e };
  }
}

/** `$…` at the lexer's position; undefined when the `$` is just a character. */
function dollar(lx: Lexer, inDq: boolean): WordPart | undefined {
  const src = lx.src;
  const n = src[lx.pos + 1];
  if (n === '{') return braceParam(lx, inDq);
  if (n === '(') {
    if (src[lx.pos + 2] === '(' && isArithmetic(src, lx.pos + 3)) return arithmetic(lx);
    lx.pos += 2;
    return { type: 'cmdsub', body: lx.hooks.commandSubstitution(lx), backquote: false };
  }
  if (n === undefined) return undefined;
  if (SPECIAL.includes(n)) {
    lx.pos += 2;
    return { type: 'param', name: n };
  }
  if (NAME_START.test(n)) {
    let i = lx.pos + 2;
    while (i < src.length && NAME_CHAR.test(src[i]!)) i++;
    const name = src.slice(lx.pos + 1, i);
    lx.pos = i;
    return { type: 'param', name };
  }
  return undefined;
}

/**
 * Whether `$((` starts arithmetic rather than a subshell inside `$(`: the parenthesis
 * that closes the inner pair must be followed at once by the one that closes `$(`.
 */
function isArithmetic(src: string, from: number): boolean {
  let depth = 2;
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 1) return src[i + 1] === ')';
    }
  }
  return true;
}

function arithmetic(lx: Lexer): WordPart {
  const startLine = lx.line;
  lx.pos += 3;
  return { type: 'arith', expr: scanArithBody(lx, startLine) };
}

/** The expression of `$((…))` or `((…))` from the lexer's position through the closing `))`. */
export function scanArithBody(lx: Lexer, startLine: number): Word {
  const src = lx.src;
  let depth = 0;
  const expr = scanParts(lx, 'heredoc', true, (c) => {
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return true;
      depth--;
    }
    return false;
  });
  if (src[lx.pos] !== ')' || src[lx.pos + 1] !== ')')
    lx.fail({ kind: 'unterminated', what: '))', startLine });
  lx.pos += 2;
  return { parts: expr.parts };
}

/** Text inside a word scanned as a here-document body would be (`$x`, `$(…)` expanded; quotes kept). */
export function scanText(lx: Lexer, text: string): Word {
  return scanHeredocBody(lx, text, lx.line);
}

/** Scan `text` as an ordinary word (an assignment's value, re-read after `name=`). */
export function scanWordText(lx: Lexer, text: string): Word {
  const sub = new Lexer(text, lx.dialect, lx.hooks, lx.line);
  return { parts: scanParts(sub, 'word', false, () => false).parts };
}
