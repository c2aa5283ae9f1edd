/**
 * The builtins, in one list to read top to bottom. A builtin with `dialects` exists
 * only in those shells (dash has no `source`, `let`, `declare`, `shopt`, `history`).
 */
import type { Dialect } from '../dialect.ts';
import { alias, unalias } from './alias.ts';
import { cd, pwd } from './cd.ts';
import { command, exec, hash, type } from './commands.ts';
import { echo } from './echo.ts';
import { evalBuiltin, source } from './eval.ts';
import {
  breakBuiltin,
  colon,
  continueBuiltin,
  exit,
  falseBuiltin,
  returnBuiltin,
  shift,
  trueBuiltin,
} from './flow.ts';
import { jobs, kill, wait } from './jobs.ts';
import { getopts, history, times, umask } from './misc.ts';
import { printf } from './printf.ts';
import { read } from './read.ts';
import { set, shopt } from './set.ts';
import { bracket, doubleBracket, test } from './test.ts';
import { trap } from './trap.ts';
import type { Builtin } from './types.ts';
import { declare, exportBuiltin, letBuiltin, local, readonlyBuiltin, unset } from './vars.ts';

export const BUILTINS: readonly (readonly [string, Builtin])[] = [
  // POSIX special builtins
  [':', colon],
  ['.', source],
  ['break', breakBuiltin],
  ['continue', continueBuiltin],
  ['eval', evalBuiltin],
  ['exec', exec],
  ['exit', exit],
  ['export', exportBuiltin],
  ['readonly', readonlyBuiltin],
  ['return', returnBuiltin],
  ['set', set],
  ['shift', shift],
  ['times', times],
  ['trap', trap],
  ['unset', unset],
  // regular builtins
  ['alias', alias],
  ['cd', cd],
  ['command', command],
  ['echo', echo],
  ['false', falseBuiltin],
  ['getopts', getopts],
  ['hash', hash],
  ['jobs', jobs],
  ['kill', kill],
  ['local', local],
  ['printf', printf],
  ['pwd', pwd],
  ['read', read],
  ['test', test],
  ['[', bracket],
  ['[[', doubleBracket],
  ['true', trueBuiltin],
  ['type', type],
  ['umask', umask],
  ['unalias', unalias],
  ['wait', wait],
  // bash (and some in busybox)
  ['source', { ...source, special: false, dialects: ['bash', 'busybox'] }],
  ['let', letBuiltin],
  ['declare', declare],
  ['typeset', declare],
  ['shopt', shopt],
  ['history', history],
];

const byName = new Map(BUILTINS);

export function findBuiltin(name: string, dialect: Dialect): Builtin | undefined {
  const b = byName.get(name);
  if (!b || (b.dialects && !b.dialects.includes(dialect.name))) return undefined;
  return b;
}
