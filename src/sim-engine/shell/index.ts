/**
 * The shell: the language (bash 5.2, dash and BusyBox ash), as Programs for the
 * process table and as a persistent Shell for the lab's terminals. External
 * commands (ls, cat, curl, docker…) are other Programs, found through PATH.
 */
export { Shell, sessionProgram, type ShellIO, type ShellOptions } from './shell.ts';
export { shellProgram, SHELL_PROGRAMS } from './program.ts';
export { BASH, BUSYBOX, DASH, DIALECTS, dialectOf, type Dialect, type DialectName } from './dialect.ts';
export { parse, needsMoreInput, type ParseResult } from './parse.ts';
export { tokenize, type WordSpan } from './tokenize.ts';
export { ShellSyntaxError, describeSyntaxError } from './syntax-error.ts';
export type * as Ast from './ast.ts';
