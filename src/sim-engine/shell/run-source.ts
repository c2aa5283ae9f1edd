/**
 * Running shell text: parse one complete command, run it, parse the next, as real
 * shells do (so `exit` on line 1 stops before a syntax error on line 3 is seen, and
 * an alias defined on one line applies from the next). Used for `-c`, scripts,
 * `eval`, `.`, traps, and each line of an interactive shell.
 */
import type { Io } from './io.ts';
import { Interp } from './interp.ts';
import { makeLexer, Parser } from './parser.ts';
import { ShellAbort } from './signals.ts';
import { ShellState } from './state.ts';
import { ShellSyntaxError } from './syntax-error.ts';
import { Vars } from './vars.ts';

export interface RunSourceOptions {
  /** the line number of the text's first line */
  firstLine?: number;
}

/** Whether aliases are expanded: always in dash and ash; in bash, only interactively. */
function aliasesOn(sh: Interp): boolean {
  return sh.dialect.aliasesWhenNonInteractive || sh.state.options.interactive || sh.state.expandAliases;
}

/**
 * Run `src`. A syntax error is printed and thrown as ShellAbort(2) (a non-interactive
 * shell exits with 2; `eval` in bash catches it).
 */
export async function runSource(
  sh: Interp,
  src: string,
  io: Io,
  options: RunSourceOptions = {},
): Promise<number> {
  const text = sh.dialect.name === 'bash' && src !== '' && !src.endsWith('\n') ? src + '\n' : src;
  const opts = {
    dialect: sh.dialect,
    alias: aliasesOn(sh) ? (n: string) => sh.state.aliases.get(n) : undefined,
  };
  const lexer = makeLexer(text, opts, options.firstLine ?? 1);
  const parser = new Parser(lexer, opts);
  let status = 0;
  for (;;) {
    let cmd;
    const start = lexer.pos;
    try {
      cmd = parser.nextCommand();
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      sh.line = e.lexLine;
      sh.syntaxError(e, io);
      throw new ShellAbort(2);
    }
    for (const w of lexer.warnings.splice(0)) {
      sh.line = w.line;
      sh.error(w.text, undefined, io);
    }
    if (cmd === 'eof') break;
    if (sh.state.options.verbose) io.stderr.write(text.slice(start, lexer.pos));
    if (!cmd || sh.state.options.noexec) continue;
    status = await sh.runList(cmd, io);
  }
  return status;
}

/**
 * A file run as a script by a new shell of the same dialect: `sh script.sh`, or an
 * executable file without `#!`. Only the environment is inherited.
 */
export async function runScriptFile(
  sh: Interp,
  text: string,
  name: string,
  args: string[],
  env: Map<string, string>,
  io: Io,
): Promise<number> {
  const state = new ShellState(Vars.fromEnv(env), sh.state.cwd, name);
  state.positional = args;
  const child = new Interp({ ctx: sh.ctx, dialect: sh.dialect, state, io, mode: 'script' });
  child.subshell = true;
  if (sh.dialect.name === 'bash') child.source = name;
  return child.runAsSubshell(() => runSource(child, text, io));
}
