/**
 * Parsing a whole text at once, for callers that do not interleave parsing with
 * running (tests, `needsMoreInput` for a terminal deciding whether to show `> `).
 * The interpreter itself parses one complete command at a time (see run-source.ts).
 */
import type { CommandList } from './ast.ts';
import type { Dialect } from './dialect.ts';
import { makeLexer, Parser, type ParseOptions } from './parser.ts';
import { ShellSyntaxError } from './syntax-error.ts';

export type ParseResult =
  { ok: true; commands: CommandList[] } | { ok: false; commands: CommandList[]; error: ShellSyntaxError };

/**
 * Parse every command in `src`. Never throws for bad input: a syntax error comes back
 * as a value, with the commands before it.
 */
export function parse(src: string, options: ParseOptions | Dialect): ParseResult {
  const opts: ParseOptions = 'dialect' in options ? options : { dialect: options };
  const parser = new Parser(makeLexer(src, opts), opts);
  const commands: CommandList[] = [];
  try {
    for (;;) {
      const c = parser.nextCommand();
      if (c === 'eof') return { ok: true, commands };
      if (c) commands.push(c);
    }
  } catch (e) {
    if (e instanceof ShellSyntaxError) return { ok: false, commands, error: e };
    throw e;
  }
}

/**
 * Whether `src` stops in the middle of a command (an open quote, `if` without `fi`, a
 * trailing `|` or `&&`, a here-document still open), so a terminal should read
 * another line before running it.
 */
export function needsMoreInput(src: string, dialect: Dialect): boolean {
  const r = parse(src, dialect);
  if (r.ok) return heredocOpen(src, dialect);
  return r.error.incomplete;
}

function heredocOpen(src: string, dialect: Dialect): boolean {
  if (!src.includes('<<')) return false;
  const opts: ParseOptions = { dialect };
  const lx = makeLexer(src, opts);
  const parser = new Parser(lx, opts);
  try {
    while (parser.nextCommand() !== 'eof');
  } catch {
    return false;
  }
  return lx.heredocUnterminated;
}
