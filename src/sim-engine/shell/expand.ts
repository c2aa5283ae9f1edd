/**
 * Word expansion, in POSIX's order: tilde, parameters, command substitution and
 * arithmetic (left to right), then field splitting on IFS, then pathname expansion,
 * then quote removal. Each expanded piece remembers whether it was quoted and whether
 * it came from an unquoted expansion, which is all splitting and globbing need.
 */
import type { Word, WordPart } from './ast.ts';
import { expandGlob, hasGlob } from '../fs/glob.ts';
import { toAbsolute } from '../fs/path.ts';
import { expandParam } from './params.ts';
import { evaluateArith, ArithError } from './arith.ts';
import { expandBraces } from './brace.ts';
import { matchPattern } from './pattern.ts';
import type { Interp } from './interp.ts';

export interface Chunk {
  text: string;
  quoted: boolean;
  /** from an unquoted expansion: subject to field splitting */
  split: boolean;
}

interface PreField {
  chunks: Chunk[];
  /** a field exists once it has quoted text (even `""`) or any text */
  exists: boolean;
}

/** Collects the pieces of one word; `"$@"` starts new fields inside it. */
export class FieldBuilder {
  fields: PreField[] = [{ chunks: [], exists: false }];

  add(text: string, quoted: boolean, split: boolean): void {
    const f = this.fields[this.fields.length - 1]!;
    // an empty quoted piece is kept: `""$x` is a field even when $x splits away
    if (text !== '' || quoted) f.chunks.push({ text, quoted, split });
    if (quoted || (!split && text !== '')) f.exists = true;
  }

  markExists(): void {
    this.fields[this.fields.length - 1]!.exists = true;
  }

  /** End the current field and start another (between the words of `"$@"`). */
  newField(): void {
    this.fields[this.fields.length - 1]!.exists = true;
    this.fields.push({ chunks: [], exists: true });
  }

  /** End the current field without making it exist (between the words of unquoted `$@`). */
  breakField(): void {
    this.fields.push({ chunks: [], exists: false });
  }
}

const escapeGlob = (s: string) => s.replace(/[\\*?[\]]/g, '\\$&');

/**
 * Expand the parts of a word into `b`. `quoted` is true inside double quotes; `split`
 * is true for the unquoted text of an expansion's word (`${x:-a b}` gives two fields).
 */
export async function expandParts(
  sh: Interp,
  parts: readonly WordPart[],
  b: FieldBuilder,
  quoted: boolean,
  split = false,
): Promise<void> {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    switch (p.type) {
      case 'lit':
        b.add(p.text, quoted, split && !quoted);
        break;
      case 'quoted':
        b.add(p.text, true, false);
        break;
      case 'dq': {
        const only = p.parts.length === 1 ? p.parts[0] : undefined;
        // "$@" and "${a[@]}" with nothing in them are no field at all
        const emptyAt =
          only?.type === 'param' &&
          !only.op &&
          ((only.name === '@' && !sh.state.positional.length) ||
            (!!only.index &&
              'all' in only.index &&
              only.index.all === '@' &&
              !sh.state.vars.elements(only.name).some((v) => v !== undefined)));
        if (!emptyAt) b.markExists();
        await expandParts(sh, p.parts, b, true);
        break;
      }
      case 'param':
        await expandParam(sh, p, b, quoted);
        break;
      case 'cmdsub': {
        const out = await sh.commandSubstitution(p.body, p.error);
        b.add(out.replace(/\n+$/, ''), quoted, !quoted);
        break;
      }
      case 'arith': {
        const text = await expandString(sh, p.expr);
        b.add(arithmetic(sh, text), quoted, !quoted);
        break;
      }
    }
  }
}

/** Evaluate arithmetic text, printing the shell's message and aborting on an error. */
export function arithmetic(sh: Interp, text: string): string {
  try {
    return String(evaluateArith(text, sh.arithVars(), sh.dialect));
  } catch (e) {
    if (e instanceof ArithError) sh.fatal(e.describe(sh.dialect, text), sh.dialect.name === 'bash' ? 1 : 2);
    throw e;
  }
}

/** Split one pre-field on IFS (POSIX 2.6.5). */
function splitField(f: PreField, ifs: string, out: Chunk[][]): void {
  if (!f.chunks.some((c) => c.split) || ifs === '') {
    if (f.exists || f.chunks.some((c) => c.text !== '')) out.push(f.chunks);
    return;
  }
  const isWs = (c: string) => (c === ' ' || c === '\t' || c === '\n') && ifs.includes(c);
  let cur: Chunk[] = [];
  let exists = false;
  // start | field | ws (after a field ended by white space) | delim (after a non-space separator)
  let state: 'start' | 'field' | 'ws' | 'delim' = 'start';
  const flush = () => {
    out.push(cur);
    cur = [];
    exists = false;
  };
  for (const c of f.chunks) {
    if (!c.split) {
      cur.push(c);
      exists = true;
      state = 'field';
      continue;
    }
    let text = '';
    for (const ch of c.text) {
      if (!ifs.includes(ch)) {
        text += ch;
        exists = true;
        state = 'field';
        continue;
      }
      if (text) cur.push({ text, quoted: false, split: true });
      text = '';
      if (isWs(ch)) {
        if (state === 'field') {
          flush();
          state = 'ws';
        }
      } else {
        if (state === 'field' || state === 'start' || state === 'delim') flush();
        state = 'delim';
      }
    }
    if (text) cur.push({ text, quoted: false, split: true });
  }
  if (exists || (state === 'field' && cur.length)) flush();
}

function ifsOf(sh: Interp): string {
  return sh.state.vars.get('IFS') ?? ' \t\n';
}

/** Expand words into fields, as for a command's arguments or `for`'s list. */
export async function expandWords(sh: Interp, words: readonly Word[]): Promise<string[]> {
  const out: string[] = [];
  for (const w0 of words) {
    for (const w of sh.dialect.braceExpansion ? expandBraces(w0) : [w0]) {
      for (const field of await expandWordFields(sh, w)) out.push(...glob(sh, field));
    }
  }
  return out;
}

async function expandWordFields(sh: Interp, w: Word): Promise<Chunk[][]> {
  // the common case, a plain word, needs none of the machinery
  if (w.parts.length === 1 && w.parts[0]!.type === 'lit' && !w.parts[0]!.text.startsWith('~')) {
    return [[{ text: w.parts[0]!.text, quoted: false, split: false }]];
  }
  const b = new FieldBuilder();
  await expandParts(sh, tildeParts(sh, w.parts, false), b, false);
  const fields: Chunk[][] = [];
  const ifs = ifsOf(sh);
  for (const f of b.fields) splitField(f, ifs, fields);
  return fields;
}

/** Pathname expansion of one field; the field itself (quotes removed) when nothing matches. */
function glob(sh: Interp, field: Chunk[]): string[] {
  const text = field.map((c) => c.text).join('');
  if (sh.state.options.noglob || field.every((c) => c.quoted || !/[*?[]/.test(c.text))) return [text];
  const pattern = field.map((c) => (c.quoted ? escapeGlob(c.text) : c.text)).join('');
  if (!hasGlob(pattern)) return [text];
  const matches = expandGlob(sh.ctx.fs, sh.state.cwd, pattern);
  // dash and ash list `.` and `..` for `.*` (bash 5.2 never does)
  if (sh.dialect.name !== 'bash' && pattern.startsWith('.') && !pattern.includes('/')) {
    for (const dot of ['..', '.']) if (matchPattern(pattern, dot)) matches.unshift(dot);
  }
  return matches.length ? matches : [text];
}

/** Expand a word to one string: no splitting, no globbing (assignments, here-documents, `case`). */
export async function expandString(
  sh: Interp,
  w: Word,
  options: { assignment?: boolean } = {},
): Promise<string> {
  if (w.parts.length === 1 && w.parts[0]!.type !== 'param' && w.parts[0]!.type !== 'cmdsub') {
    const p = w.parts[0]!;
    if ((p.type === 'lit' && !p.text.startsWith('~')) || p.type === 'quoted') return p.text;
  }
  const b = new FieldBuilder();
  await expandParts(sh, tildeParts(sh, w.parts, !!options.assignment), b, false);
  return b.fields.map((f) => f.chunks.map((c) => c.text).join('')).join(' ');
}

/** Expand a word as a pattern: quoted characters escaped with `\` (case, ${x#p}, [[ == ]]). */
export async function expandPattern(sh: Interp, w: Word): Promise<string> {
  const b = new FieldBuilder();
  await expandParts(sh, tildeParts(sh, w.parts, false), b, false);
  return b.fields
    .map((f) => f.chunks.map((c) => (c.quoted ? escapeGlob(c.text) : c.text)).join(''))
    .join(' ');
}

/**
 * Tilde expansion of the leading unquoted `~`, `~user`, `~+`, `~-` (and after each
 * `:` in an assignment): the result is quoted text, never split or globbed.
 */
function tildeParts(sh: Interp, parts: readonly WordPart[], assignment: boolean): readonly WordPart[] {
  const first = parts[0];
  if (!first || first.type !== 'lit' || (!first.text.includes('~') && !assignment)) return parts;
  if (!first.text.startsWith('~') && !(assignment && first.text.includes(':~'))) return parts;
  const out: WordPart[] = [];
  const text = first.text;
  const segments = assignment ? text.split(':') : [text];
  segments.forEach((seg, i) => {
    if (i > 0) out.push({ type: 'lit', text: ':' });
    const lastSegment = i === segments.length - 1;
    if (!seg.startsWith('~')) {
      if (seg) out.push({ type: 'lit', text: seg });
      return;
    }
    const slash = seg.indexOf('/');
    const name = slash < 0 ? seg.slice(1) : seg.slice(1, slash);
    // `~"user"`: the prefix runs into quoted text, which is not a tilde prefix
    const expanded = slash < 0 && lastSegment && parts.length > 1 ? undefined : tilde(sh, name);
    if (expanded === undefined) out.push({ type: 'lit', text: seg });
    else {
      out.push({ type: 'quoted', text: expanded });
      if (slash >= 0) out.push({ type: 'lit', text: seg.slice(slash) });
    }
  });
  return [...out, ...parts.slice(1)];
}

function tilde(sh: Interp, name: string): string | undefined {
  if (name === '') return sh.state.vars.get('HOME') ?? homeOf(sh, sh.ctx.user.name) ?? '/';
  if (name === '+') return sh.state.vars.get('PWD');
  if (name === '-') return sh.state.vars.get('OLDPWD');
  return homeOf(sh, name);
}

/** A user's home directory from /etc/passwd. */
export function homeOf(sh: Interp, user: string): string | undefined {
  try {
    const passwd = sh.ctx.fs.readFile(toAbsolute('/', '/etc/passwd'));
    for (const line of passwd.split('\n')) {
      const f = line.split(':');
      if (f[0] === user && f[5] !== undefined) return f[5];
    }
  } catch {
    // no /etc/passwd
  }
  return user === 'root' ? '/root' : undefined;
}
