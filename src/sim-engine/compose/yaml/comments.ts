/**
 * Comments, as yaml.v3's scanner consumes them (scan_line_comment after a token on its
 * line, scan_comments between tokens). Only which characters they swallow matters here
 * — a run of comment lines takes the blank and tab-indented lines between them with it,
 * which decides whether a later tab is an error — not their text, which yaml.v3 keeps
 * for its Node API.
 */
import { c, type Cursor, isBlank, isBreak, isBreakZ, NUL } from './cursor.ts';

/**
 * scan_line_comment: within 512 characters, blanks then `#` — the comment is consumed
 * up to its line break. Not after a line break was passed.
 */
export function skipLineComment(cur: Cursor): void {
  if (cur.newlines > 0) return;
  for (let peek = 0; peek < 512; peek++) {
    const ch = cur.ch(peek);
    if (isBlank(ch)) continue;
    if (ch === c('#')) consumeComment(cur, peek);
    break;
  }
}

/**
 * scan_comments: a comment and the comment lines after it, with the blank and empty
 * lines between them (tabs too), are consumed; what follows the last one is not.
 */
export function skipComments(cur: Cursor, flowLevel: number): void {
  for (let peek = 0; peek < 512; peek++) {
    const ch = cur.ch(peek);
    if (isBlank(ch)) continue;
    if (flowLevel > 0 && (ch === c(']') || ch === c('}'))) break;
    if (isBreakZ(ch)) {
      if (!isBreak(ch)) break;
      continue;
    }
    if (ch !== c('#')) break;
    consumeComment(cur, peek);
    peek = 0;
  }
}

/** Skip `peek` characters (line breaks as lines), then the comment to its line break. */
function consumeComment(cur: Cursor, peek: number): void {
  const seen = cur.mark.index + peek;
  for (;;) {
    if (isBreakZ(cur.ch())) {
      if (cur.mark.index >= seen || cur.ch() === NUL) break;
      cur.skipLine();
    } else cur.skipChar();
  }
}
