/**
 * `set -x`: each command, expanded, on stderr after PS4. bash and ash quote words
 * that need it (`+ echo 'a b'`); dash prints them as they are. bash repeats PS4's
 * first character once per level of command substitution (`++ date`).
 */
import type { Interp } from './interp.ts';
import type { Io } from './io.ts';

const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quote a word the way bash's xtrace does. */
export function quoteForTrace(word: string): string {
  if (PLAIN.test(word)) return word;
  return `'${word.replace(/'/g, "'\\''")}'`;
}

export function traceCommand(sh: Interp, assigns: [string, string][], argv: string[], io: Io): void {
  const ps4 = sh.state.vars.get('PS4') ?? '+ ';
  const prefix = sh.dialect.name === 'bash' ? ps4.slice(0, 1).repeat(sh.traceLevel - 1) + ps4 : ps4;
  const q = sh.dialect.name === 'dash' ? (s: string) => s : quoteForTrace;
  if (!argv.length && sh.dialect.name === 'bash') {
    for (const [n, v] of assigns) io.stderr.write(`${prefix}${n}=${q(v)}\n`);
    return;
  }
  const words = [...assigns.map(([n, v]) => `${n}=${q(v)}`), ...argv.map(q)];
  io.stderr.write(`${prefix}${words.join(' ')}\n`);
}
