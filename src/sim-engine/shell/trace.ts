/**
 * `set -x`: each command, expanded, on stderr after PS4. bash and ash quote words
 * that need it (`+ echo 'a b'`); dash prints them as they are. bash repeats PS4's
 * first character once per level of command substitution (`++ date`).
 */
import type { Interp } from './interp.ts';
import type { Io } from './io.ts';

const BASH_PLAIN = /^[^ \t\n'"\\|&;()<>!{}*[?\]^$`#]+$/;

/** Quote a word the way bash's xtrace does: `'a b'`, `'it'\''s'`, `''`. */
export function quoteForTrace(word: string): string {
  if (BASH_PLAIN.test(word) && !word.startsWith('~')) return word;
  return `'${word.replace(/'/g, "'\\''")}'`;
}

const ASH_KEYWORDS = new Set([
  '!',
  'case',
  'do',
  'done',
  'elif',
  'else',
  'esac',
  'fi',
  'for',
  'function',
  'if',
  'in',
  'then',
  'until',
  'while',
  '{',
  '}',
]);

/** BusyBox ash: quote a word with any of ` !"#$%&'()*;<=>?[\`{|}~` (and always a keyword); `'it'"'"'s'`. */
export function quoteForAsh(word: string, keyword = false): string {
  const needs =
    keyword ||
    [...word].some(
      (c) => c < '+' || (c >= ';' && c <= '?') || c === '`' || c === '[' || c === '\\' || c > 'z',
    );
  if (!needs) return word;
  return word
    .split(/('+)/)
    .map((piece, i) => (i % 2 ? `"${piece}"` : `'${piece}'`))
    .filter((piece, i, all) => !(piece === "''" && i === all.length - 1 && all.length > 1))
    .join('');
}

/** The prefix of a trace line: PS4, its first character repeated per level in bash. */
function prefix(sh: Interp): string {
  const ps4 = sh.state.vars.get('PS4') ?? '+ ';
  return sh.dialect.name === 'bash' ? ps4.slice(0, 1).repeat(sh.traceLevel - 1) + ps4 : ps4;
}

/** A trace line of bash's for compound commands (`+ for i in 1 2`, `+ [[ -n x ]]`). */
export function traceText(sh: Interp, io: Io, text: string): void {
  io.stderr.write(`${prefix(sh)}${text}\n`);
}

export function traceCommand(sh: Interp, assigns: [string, string][], argv: string[], io: Io): void {
  const p = prefix(sh);
  const d = sh.dialect.name;
  const q = d === 'dash' ? (s: string) => s : d === 'busybox' ? (s: string) => quoteForAsh(s) : quoteForTrace;
  if (!argv.length && d === 'bash') {
    for (const [n, v] of assigns) io.stderr.write(`${p}${n}=${q(v)}\n`);
    return;
  }
  const words = [
    ...assigns.map(([n, v]) => `${n}=${q(v)}`),
    ...argv.map((a) => (d === 'busybox' ? quoteForAsh(a, ASH_KEYWORDS.has(a)) : q(a))),
  ];
  io.stderr.write(`${p}${words.join(' ')}\n`);
}
