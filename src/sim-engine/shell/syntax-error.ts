/**
 * Syntax errors as values. The parser throws a ShellSyntaxError internally (its
 * recursion is deep); `parse` catches it and returns it, so callers never see an
 * exception for bad input. Each dialect words the same error its own way; the
 * formatting lives here, beside the data it needs.
 */
import type { Dialect } from './dialect.ts';

/** What went wrong, in dialect-neutral terms (the names follow dash's parser). */
export type SyntaxProblem =
  /** a token that cannot appear here; `expecting` is dash's hint (`"fi"`, `word`) */
  | { kind: 'unexpected'; token: TokenDesc; expecting?: string }
  /** input ended inside a quote or bracket that was opened on `startLine` */
  | { kind: 'unterminated'; what: '"' | "'" | '`' | '}' | '))' | ')'; startLine: number }
  /** `for 1 in …` */
  | { kind: 'bad-for-variable'; token: TokenDesc }
  /** `2>&x` with a bad descriptor in a here-doc delimiter position and the like */
  | { kind: 'message'; text: string; token: TokenDesc };

/** The token an error is about, as the messages name it. */
export interface TokenDesc {
  /** `eof`, `nl`, `word`, `redir`, or the operator/keyword text */
  type: string;
  /** the source text (`;;`, `then`, the word) */
  text: string;
  /** the line the token starts on */
  line: number;
}

export class ShellSyntaxError extends Error {
  readonly problem: SyntaxProblem;
  /** the lexer's line when the error was found (after the offending token) */
  readonly lexLine: number;
  /** the source line(s) the parser was reading, for bash's second message line */
  readonly sourceLine: string;
  constructor(problem: SyntaxProblem, lexLine: number, sourceLine: string) {
    super('syntax error');
    this.problem = problem;
    this.lexLine = lexLine;
    this.sourceLine = sourceLine;
  }

  /** Whether more input could complete the command (an interactive shell prompts with PS2). */
  get incomplete(): boolean {
    const p = this.problem;
    return p.kind === 'unterminated' || (p.kind === 'unexpected' && p.token.type === 'eof');
  }
}

/** dash's and busybox's name for a token: `word`, `newline`, `end of file`, `"fi"`. */
function ashTokenName(t: TokenDesc): string {
  switch (t.type) {
    case 'eof':
      return 'end of file';
    case 'nl':
      return 'newline';
    case 'word':
      return 'word';
    case 'redir':
      return 'redirection';
    default:
      return `"${t.text}"`;
  }
}

/**
 * The message lines for an error, each without the shell's prefix. `line` in the
 * result is the line number the dialect reports.
 */
export function describeSyntaxError(
  err: ShellSyntaxError,
  dialect: Dialect,
): { line: number; text: string; second?: string } {
  const p = err.problem;
  if (dialect.name === 'bash') {
    switch (p.kind) {
      case 'unterminated': {
        const ch = p.what === '))' ? ')' : p.what;
        const line = p.what === ')' ? err.lexLine : p.startLine;
        return { line, text: `unexpected EOF while looking for matching \`${ch}'` };
      }
      case 'unexpected':
      case 'bad-for-variable':
      case 'message': {
        const t = p.token;
        if (t.type === 'eof') return { line: err.lexLine, text: 'syntax error: unexpected end of file' };
        const name = t.type === 'nl' ? 'newline' : t.text;
        return {
          line: t.line,
          text: `syntax error near unexpected token \`${name}'`,
          second: `\`${err.sourceLine}'`,
        };
      }
    }
  }
  const busybox = dialect.name === 'busybox';
  let text: string;
  switch (p.kind) {
    case 'unterminated':
      if (p.what === '"' || p.what === "'")
        text = busybox ? 'unterminated quoted string' : 'Unterminated quoted string';
      else if (p.what === '`') text = 'EOF in backquote substitution';
      else if (p.what === '}') text = busybox ? "missing '}'" : "Missing '}'";
      else if (p.what === '))') text = busybox ? "missing '))'" : "Missing '))'";
      else
        text = busybox ? 'unexpected end of file (expecting ")")' : 'end of file unexpected (expecting ")")';
      break;
    case 'bad-for-variable':
      text = busybox ? 'bad for loop variable' : 'Bad for loop variable';
      break;
    case 'message':
      text = p.text;
      break;
    case 'unexpected': {
      const name = ashTokenName(p.token);
      const exp = p.expecting ? ` (expecting ${p.expecting})` : '';
      text = busybox ? `unexpected ${name}${exp}` : `${name} unexpected${exp}`;
      break;
    }
  }
  return { line: err.lexLine, text: busybox ? `syntax error: ${text}` : `Syntax error: ${text}` };
}
