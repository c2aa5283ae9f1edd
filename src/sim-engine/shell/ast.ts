/**
 * The shell's syntax tree. The parser builds it once per complete command; the
 * interpreter walks it. Words keep their quoting, because quoting decides field
 * splitting, globbing and tilde expansion at run time, not at parse time.
 */
import type { ShellSyntaxError } from './syntax-error.ts';

/** A piece of a word. */
export type WordPart =
  /** unquoted text: subject to globbing (and tilde expansion at the start) */
  | { type: 'lit'; text: string }
  /** text that is quoted: single quotes, `$'…'`, a backslash escape, literal text inside `"…"` */
  | { type: 'quoted'; text: string }
  /** `"…"`: its parts are expanded but never split or globbed */
  | { type: 'dq'; parts: WordPart[] }
  | ParamPart
  /** `$(…)` or `` `…` `` */
  | {
      type: 'cmdsub';
      body: CommandList;
      backquote: boolean;
      /** bash: a backquoted command that does not parse, reported when it runs */
      error?: ShellSyntaxError;
    }
  /** `$((…))`: the expression is expanded as a word, then evaluated */
  | { type: 'arith'; expr: Word };

export type ParamOp =
  | '-'
  | '='
  | '+'
  | '?'
  | '#'
  | '##'
  | '%'
  | '%%'
  /** bash and busybox: `${x:off:len}` */
  | 'substr'
  /** bash and busybox: `${x/p/r}`, `${x//p/r}`, `${x/#p/r}`, `${x/%p/r}` */
  | '/'
  | '//'
  | '/#'
  | '/%'
  /** bash: case modification */
  | '^'
  | '^^'
  | ','
  | ',,';

export interface ParamPart {
  type: 'param';
  /** a name, a digit string, or one of `@ * # ? - $ ! 0` */
  name: string;
  /** `${#x}` */
  length?: boolean;
  /** bash `${!x}` */
  indirect?: boolean;
  op?: ParamOp;
  /** whether the op had a colon (`${x:-y}` tests for empty as well as unset) */
  colon?: boolean;
  /** the word after the operator (the pattern, the default, the offset) */
  arg?: Word;
  /** the second word: `${x:off:len}` length, `${x/p/r}` replacement */
  arg2?: Word;
  /** bash arrays: `${a[@]}`, `${a[*]}` (all), or `${a[i]}` (an arithmetic subscript) */
  index?: { all: '@' | '*' } | { expr: Word };
  /** the expansion's source text, for bash's `${a b}: bad substitution` */
  text?: string;
  /** not a valid expansion: reported when (and only if) it is expanded */
  bad?: boolean;
}

export interface Word {
  parts: WordPart[];
}

export interface Assignment {
  name: string;
  value: Word;
  /** bash `x+=y` */
  append?: boolean;
  /** bash `a[i]=v`: the subscript */
  index?: Word;
  /** bash `a=(x y z)`: the elements */
  array?: Word[];
}

export type RedirOp = '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

export interface Redirect {
  /** the descriptor it applies to; undefined means the operator's default (0 or 1) */
  fd?: number;
  op: RedirOp;
  /** the file name, the descriptor to duplicate, or the here-string */
  target: Word;
  /** for `<<` and `<<-`: the document, filled in after the line that holds the operator */
  heredoc?: { body: Word; quoted: boolean; delimiter: string; line: number };
}

export interface SimpleCommand {
  type: 'simple';
  assigns: Assignment[];
  words: Word[];
  redirs: Redirect[];
  line: number;
  /** bash: array assignments given to declare/local (`local -a l=(1 2)`), made after it runs */
  arrays?: Assignment[];
}

export interface Pipeline {
  type: 'pipeline';
  negate: boolean;
  commands: Command[];
  line: number;
  /** bash's `time` keyword (`posix` for `time -p`) */
  timed?: 'bash' | 'posix';
}

export interface AndOr {
  type: 'andor';
  op: '&&' | '||';
  left: Command;
  right: Command;
}

export interface Subshell {
  type: 'subshell';
  body: CommandList;
  redirs: Redirect[];
  line: number;
}

export interface Group {
  type: 'group';
  body: CommandList;
  redirs: Redirect[];
  line: number;
}

export interface IfCommand {
  type: 'if';
  clauses: { cond: CommandList; body: CommandList }[];
  elseBody?: CommandList;
  redirs: Redirect[];
  line: number;
}

export interface LoopCommand {
  type: 'while';
  until: boolean;
  cond: CommandList;
  body: CommandList;
  redirs: Redirect[];
  line: number;
}

export interface ForCommand {
  type: 'for';
  name: string;
  /** undefined: `for x; do` iterates over "$@" */
  words?: Word[];
  /** bash's `for ((init; test; step))`: the three expressions (`name` is empty) */
  arith?: [Word, Word, Word];
  body: CommandList;
  redirs: Redirect[];
  line: number;
}

export interface CaseItem {
  patterns: Word[];
  body: CommandList;
  /** `;;` stops, bash `;&` falls through, bash `;;&` tests the next patterns */
  terminator: ';;' | ';&' | ';;&';
}

export interface CaseCommand {
  type: 'case';
  word: Word;
  items: CaseItem[];
  redirs: Redirect[];
  line: number;
}

export interface FunctionDef {
  type: 'function';
  name: string;
  body: Command;
  line: number;
}

/** bash `[[ … ]]`: the words between the brackets, parsed when it runs */
export interface CondCommand {
  type: 'cond';
  /** each word, with the raw text that tells operators apart from operands */
  words: { word: Word; raw: string }[];
  redirs: Redirect[];
  line: number;
}

/** bash `(( … ))` */
export interface ArithCommand {
  type: 'arithcmd';
  expr: Word;
  redirs: Redirect[];
  line: number;
}

export type Command =
  | SimpleCommand
  | Pipeline
  | AndOr
  | Subshell
  | Group
  | IfCommand
  | LoopCommand
  | ForCommand
  | CaseCommand
  | FunctionDef
  | CondCommand
  | ArithCommand;

/** The commands that take redirections after their closing word. */
export type CompoundCommand =
  Subshell | Group | IfCommand | LoopCommand | ForCommand | CaseCommand | CondCommand | ArithCommand;

/** Commands separated by `;`, `&` or newlines. */
export interface CommandList {
  items: ListItem[];
}

export interface ListItem {
  command: Command;
  background: boolean;
  /** for a background command: its text, for `jobs` and bash's `Done` line */
  text?: string;
}
