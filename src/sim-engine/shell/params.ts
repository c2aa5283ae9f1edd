/**
 * Parameter expansion: `$x`, `${x}`, the special parameters, and the operators
 * (`:-`, `:=`, `:+`, `:?`, `#`, `%`, and bash's `:off:len`, `/p/r`, `^^`, `,,`).
 */
import type { ParamPart } from './ast.ts';
import type { FieldBuilder } from './expand.ts';
import { arithmetic, expandParts, expandPattern, expandString } from './expand.ts';
import type { Interp } from './interp.ts';
import { removePrefix, removeSuffix, replacePattern } from './pattern.ts';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The value of a parameter other than `@` and `*`; undefined when unset. */
export function paramValue(sh: Interp, name: string): string | undefined {
  const s = sh.state;
  const c = name.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    const n = Number(name);
    return n === 0 ? s.arg0 : s.positional[n - 1];
  }
  switch (name) {
    case '?':
      return String(s.lastStatus);
    case '$':
      return String(sh.ctx.pid);
    case '!':
      return s.lastBgPid === undefined ? undefined : String(s.lastBgPid);
    case '#':
      return String(s.positional.length);
    case '-':
      return sh.flags();
    case 'RANDOM':
      if (sh.dialect.name !== 'dash' && !s.vars.entry('RANDOM')?.readonly)
        return String(Math.floor(sh.ctx.random() * 32768));
      break;
    case 'LINENO':
      return String(sh.line);
    case 'SECONDS':
      if (sh.dialect.name === 'bash') return String(Math.floor((sh.ctx.now() - sh.startTime) / 1000));
      break;
  }
  return s.vars.get(name);
}

/** bash -c exits 127 for `${x?}` and `set -u`, a bash script 1; dash and ash 2. */
function fatalStatus(sh: Interp): number {
  if (sh.dialect.name !== 'bash') return 2;
  return sh.mode === 'c' ? 127 : 1;
}

function unboundMessage(sh: Interp, name: string): string {
  return sh.dialect.name === 'bash' ? `${name}: unbound variable` : `${name}: parameter not set`;
}

export async function expandParam(
  sh: Interp,
  p: ParamPart,
  b: FieldBuilder,
  quoted: boolean,
  element?: string,
): Promise<void> {
  const bash = sh.dialect.name === 'bash';
  if (p.bad) {
    if (bash) sh.fatal(`${p.text}: bad substitution`, 1);
    sh.fatal(sh.dialect.name === 'dash' ? 'Bad substitution' : 'syntax error: bad substitution', 2);
  }
  let name = p.name;
  if (p.index) return expandElement(sh, p, name, b, quoted);
  if (p.indirect) {
    name = paramValue(sh, name) ?? '';
    if (!NAME.test(name) && !/^[0-9]+$/.test(name) && !'@*#?-$!'.includes(name) && !p.op)
      sh.fatal(`${p.name}: invalid indirect expansion`, 1);
  }
  const all = name === '@' || name === '*';
  if (p.length) {
    if (all) return b.add(String(sh.state.positional.length), quoted, !quoted);
    const v = paramValue(sh, name);
    if (v === undefined && sh.state.options.nounset) sh.fatal(unboundMessage(sh, name), fatalStatus(sh));
    return b.add(String([...(v ?? '')].length), quoted, !quoted);
  }
  if (all && p.op === undefined) return expandPositional(sh, name, b, quoted, sh.state.positional);
  if (all && p.op === 'substr') {
    // ${@:2}, ${*:1:3}: a slice of $0 $1 $2 …, each still its own word
    const list = [sh.state.arg0, ...sh.state.positional];
    let off = Number(arithmetic(sh, await expandString(sh, p.arg!)));
    if (off < 0) off = Math.max(1, list.length + off);
    const len = p.arg2 ? Number(arithmetic(sh, await expandString(sh, p.arg2))) : undefined;
    return expandPositional(sh, name, b, quoted, list.slice(off, len === undefined ? undefined : off + len));
  }
  const ifs = sh.state.vars.get('IFS');
  const value = all
    ? sh.state.positional.length
      ? sh.state.positional.join(name === '*' ? (ifs === undefined ? ' ' : ifs.slice(0, 1)) : ' ')
      : undefined
    : name === '\0element'
      ? element
      : paramValue(sh, name);
  const missing = p.colon ? value === undefined || value === '' : value === undefined;
  const emit = (v: string) => b.add(v, quoted, !quoted);
  switch (p.op) {
    case undefined:
      if (value === undefined && sh.state.options.nounset && !'!'.includes(name))
        sh.fatal(unboundMessage(sh, name), fatalStatus(sh));
      return emit(value ?? '');
    case '-':
      if (missing) return expandParts(sh, p.arg!.parts, b, quoted, true);
      return emit(value!);
    case '+':
      if (!missing) return expandParts(sh, p.arg!.parts, b, quoted, true);
      return;
    case '=': {
      if (!missing) return emit(value!);
      const v = await expandString(sh, p.arg!);
      if (!NAME.test(name)) {
        if (bash) sh.fatal(`$${name}: cannot assign in this way`, 1);
        sh.fatal(`${name}: bad variable name`, 2);
      }
      sh.setVar(name, v);
      return emit(v);
    }
    case '?': {
      if (!missing) return emit(value!);
      const text = p.arg && p.arg.parts.length ? await expandString(sh, p.arg) : '';
      const msg =
        text ||
        (p.colon ? (bash ? 'parameter null or not set' : 'parameter not set or null') : 'parameter not set');
      sh.fatal(`${name}: ${msg}`, fatalStatus(sh));
      break;
    }
    case '#':
    case '##':
    case '%':
    case '%%': {
      const v = value ?? '';
      const pat = await expandPattern(sh, p.arg!);
      const longest = p.op.length === 2;
      return emit(p.op[0] === '#' ? removePrefix(v, pat, longest) : removeSuffix(v, pat, longest));
    }
    case '/':
    case '//':
    case '/#':
    case '/%': {
      const pat = await expandPattern(sh, p.arg!);
      const rep = p.arg2 ? await expandString(sh, p.arg2) : '';
      const mode = p.op === '/' ? 'first' : p.op === '//' ? 'all' : p.op === '/#' ? 'prefix' : 'suffix';
      return emit(replacePattern(value ?? '', pat, rep, mode));
    }
    case 'substr':
      return emit(await substring(sh, value ?? '', p));
    case '^':
    case '^^':
    case ',':
    case ',,': {
      const v = value ?? '';
      const upper = p.op[0] === '^';
      const conv = (s: string) => (upper ? s.toUpperCase() : s.toLowerCase());
      return emit(p.op.length === 2 ? conv(v) : conv(v.slice(0, 1)) + v.slice(1));
    }
  }
}

async function substring(sh: Interp, v: string, p: ParamPart): Promise<string> {
  const chars = [...v];
  let off = Number(arithmetic(sh, await expandString(sh, p.arg!)));
  if (off < 0) off = Math.max(0, chars.length + off);
  if (!p.arg2) return chars.slice(off).join('');
  let len = Number(arithmetic(sh, await expandString(sh, p.arg2)));
  if (len < 0) {
    len = chars.length + len - off;
    if (len < 0) sh.fatal(`${p.arg2 ? '' : ''}${len}: substring expression < 0`, 1);
  }
  return chars.slice(off, off + len).join('');
}

/** `$@`, `$*`, `"$@"`, `"$*"`. */
function expandPositional(sh: Interp, name: string, b: FieldBuilder, quoted: boolean, args: string[]): void {
  if (quoted && name === '*') {
    const ifs = sh.state.vars.get('IFS');
    b.add(args.join(ifs === undefined ? ' ' : ifs.slice(0, 1)), true, false);
    return;
  }
  args.forEach((a, i) => {
    if (i > 0) {
      if (quoted) b.newField();
      else b.breakField();
    }
    b.add(a, quoted, !quoted);
  });
}

/** bash arrays: `${a[i]}`, `${a[@]}`, `"${a[@]}"`, `${#a[@]}`, `${!a[@]}`, and operators on them. */
async function expandElement(
  sh: Interp,
  p: ParamPart,
  name: string,
  b: FieldBuilder,
  quoted: boolean,
): Promise<void> {
  const elements = sh.state.vars.elements(name);
  const index = p.index!;
  if ('expr' in index) {
    let i = Number(arithmetic(sh, await expandString(sh, index.expr)));
    if (i < 0) i += elements.length;
    const v = i >= 0 ? elements[i] : undefined;
    if (p.length) return b.add(String([...(v ?? '')].length), quoted, !quoted);
    return expandParam(sh, { ...p, index: undefined, name: '\0element' }, b, quoted, v);
  }
  const present = elements
    .map((v, i) => [i, v] as const)
    .filter((e): e is readonly [number, string] => e[1] !== undefined);
  if (p.length) return b.add(String(present.length), quoted, !quoted);
  let values = p.indirect ? present.map(([i]) => String(i)) : present.map(([, v]) => v);
  if (p.op === 'substr') {
    const off = Number(arithmetic(sh, await expandString(sh, p.arg!)));
    const len = p.arg2 ? Number(arithmetic(sh, await expandString(sh, p.arg2))) : undefined;
    const start = off < 0 ? Math.max(0, values.length + off) : off;
    values = values.slice(start, len === undefined ? undefined : start + len);
  } else if (p.op) {
    if (p.op === '-' || p.op === '+' || p.op === '=' || p.op === '?') {
      const missing = values.length === 0;
      if (p.op === '-' && missing) return expandParts(sh, p.arg!.parts, b, quoted, true);
      if (p.op === '+' && !missing) return expandParts(sh, p.arg!.parts, b, quoted, true);
      if (p.op === '+') return;
    } else {
      const out: string[] = [];
      for (const v of values) {
        const one = new FieldBuilderForValue();
        await expandParam(
          sh,
          { ...p, index: undefined, name: '\0element' },
          one as unknown as FieldBuilder,
          true,
          v,
        );
        out.push(one.text);
      }
      values = out;
    }
  }
  if (quoted && index.all === '*') {
    const ifs = sh.state.vars.get('IFS');
    return b.add(values.join(ifs === undefined ? ' ' : ifs.slice(0, 1)), true, false);
  }
  values.forEach((v, i) => {
    if (i > 0) {
      if (quoted) b.newField();
      else b.breakField();
    }
    b.add(v, quoted, !quoted);
  });
}

/** Collects one value's expansion (an operator applied to one array element). */
class FieldBuilderForValue {
  text = '';
  add(text: string): void {
    this.text += text;
  }
  markExists(): void {}
  newField(): void {}
  breakField(): void {}
}
