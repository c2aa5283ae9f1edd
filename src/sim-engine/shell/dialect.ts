/**
 * The three shells a learner meets: GNU bash 5.2 (the lab hosts, /bin/bash in Debian
 * and Ubuntu images), dash (Debian's /bin/sh) and BusyBox ash (/bin/sh in alpine and
 * busybox images). One interpreter runs all three; what differs is listed here, so a
 * reader can see every difference in one place. Each flag was checked against the real
 * shell (bash 5.2.15, dash 0.5.12, BusyBox 1.35 ash with its bash-compatible options).
 */
export type DialectName = 'bash' | 'dash' | 'busybox';

export interface Dialect {
  readonly name: DialectName;
  /** `$'…'` quoting (dash reads `$` then a quoted string) */
  readonly dollarSingleQuote: boolean;
  /** `[[ … ]]` */
  readonly doubleBracket: boolean;
  /** `function name { … }` */
  readonly functionKeyword: boolean;
  /** `<<<` here-strings (busybox ash says "unexpected redirection") */
  readonly hereString: boolean;
  /** `&>` and `&>>` */
  readonly ampRedirect: boolean;
  /** `{a,b}` and `{1..3}` */
  readonly braceExpansion: boolean;
  /** `${x:off:len}` and `${x/p/r}` */
  readonly bashParamOps: boolean;
  /** `${x^^}` and `${x,,}` */
  readonly caseModification: boolean;
  /** `(( … ))` as a command, `;&` and `;;&` in case */
  readonly arithCommand: boolean;
  /** `**` in arithmetic */
  readonly power: boolean;
  /** `echo` interprets backslash escapes without -e (dash) */
  readonly echoAlwaysEscapes: boolean;
  /** `source`, `let`, `local` are builtins; `set -o pipefail` exists */
  readonly bashBuiltins: boolean;
  /** an alias is expanded outside interactive shells too (bash needs `shopt -s expand_aliases`) */
  readonly aliasesWhenNonInteractive: boolean;
  /** cd failing returns 2 (dash, busybox) instead of 1 */
  readonly cdFailStatus: number;
}

export const BASH: Dialect = {
  name: 'bash',
  dollarSingleQuote: true,
  doubleBracket: true,
  functionKeyword: true,
  hereString: true,
  ampRedirect: true,
  braceExpansion: true,
  bashParamOps: true,
  caseModification: true,
  arithCommand: true,
  power: true,
  echoAlwaysEscapes: false,
  bashBuiltins: true,
  aliasesWhenNonInteractive: false,
  cdFailStatus: 1,
};

export const DASH: Dialect = {
  name: 'dash',
  dollarSingleQuote: false,
  doubleBracket: false,
  functionKeyword: false,
  hereString: false,
  ampRedirect: false,
  braceExpansion: false,
  bashParamOps: false,
  caseModification: false,
  arithCommand: false,
  power: false,
  echoAlwaysEscapes: true,
  bashBuiltins: false,
  aliasesWhenNonInteractive: true,
  cdFailStatus: 2,
};

export const BUSYBOX: Dialect = {
  name: 'busybox',
  dollarSingleQuote: true,
  doubleBracket: true,
  functionKeyword: true,
  hereString: false,
  ampRedirect: true,
  braceExpansion: false,
  bashParamOps: true,
  caseModification: false,
  arithCommand: false,
  power: true,
  echoAlwaysEscapes: false,
  bashBuiltins: true,
  aliasesWhenNonInteractive: true,
  cdFailStatus: 2,
};

export const DIALECTS: Readonly<Record<DialectName, Dialect>> = { bash: BASH, dash: DASH, busybox: BUSYBOX };

/**
 * The dialect of a shell program from its name and variant (the executable's tag
 * `name@variant`): `bash`, `sh@dash`, `sh@busybox`, `ash@busybox`, `dash`. A bare `sh`
 * is dash, as on Debian.
 */
export function dialectOf(name: string, variant: string): Dialect {
  if (name === 'bash' || variant === 'bash') return BASH;
  if (variant === 'busybox' || name === 'ash') return BUSYBOX;
  return DASH;
}
