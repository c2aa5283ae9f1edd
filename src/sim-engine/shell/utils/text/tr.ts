/** tr SET1 [SET2] (-d -s -c), with ranges, classes ([:upper:] …), repeats ([x*n]) and escapes. */
import type { Program } from '../../../process/types.ts';
import { busyboxUsage, gnuTry, parseCommand, progName, variantOf } from '../support/command.ts';
import { readAll } from '../support/io.ts';

const CLASSES: Record<string, string> = {
  lower: 'abcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digit: '0123456789',
  space: ' \t\n\r\f\v',
  blank: ' \t',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};
CLASSES.alpha = CLASSES.lower! + CLASSES.upper!;
CLASSES.alnum = CLASSES.alpha + CLASSES.digit!;
CLASSES.xdigit = '0123456789ABCDEFabcdef';

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
};

/** Expand a tr set to its characters, in order. */
export function expandSet(set: string, fillTo = 0): string[] {
  const chars: string[] = [];
  const raw: string[] = [];
  for (let i = 0; i < set.length; i++) {
    if (set[i] === '\\' && i + 1 < set.length) {
      const oct = /^[0-7]{1,3}/.exec(set.slice(i + 1));
      if (oct) {
        raw.push(String.fromCharCode(parseInt(oct[0], 8)));
        i += oct[0].length;
      } else raw.push(ESCAPES[set[++i]!] ?? set[i]!);
      continue;
    }
    const cls = /^\[:(\w+):\]/.exec(set.slice(i));
    if (cls && CLASSES[cls[1]!] !== undefined) {
      raw.push(...CLASSES[cls[1]!]!);
      i += cls[0].length - 1;
      continue;
    }
    const rep = /^\[(.)\*(\d*)\]/.exec(set.slice(i));
    if (rep) {
      const n = rep[2] === '' ? Math.max(0, fillTo - raw.length) : Number(rep[2]);
      raw.push(...rep[1]!.repeat(n));
      i += rep[0].length - 1;
      continue;
    }
    if (set[i + 1] === '-' && i + 2 < set.length && raw.length >= 0) {
      const from = set.charCodeAt(i);
      const to = set.charCodeAt(i + 2);
      if (to >= from) {
        for (let c = from; c <= to; c++) raw.push(String.fromCharCode(c));
        i += 2;
        continue;
      }
    }
    raw.push(set[i]!);
  }
  chars.push(...raw);
  return chars;
}

export const tr: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'tr',
    options: [
      { key: 'd', short: 'd', long: 'delete' },
      { key: 's', short: 's', long: 'squeeze-repeats' },
      { key: 'c', short: 'c', long: 'complement' },
      { key: 'c', short: 'C' },
      { key: 't', short: 't', long: 'truncate-set1' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const o = parsed.options;
  const ops = parsed.operands;
  const prog = progName(ctx, 'tr');
  const busybox = variantOf(ctx) === 'busybox';
  const fail = (msg: string, extra = '') => {
    if (busybox) return busyboxUsage(ctx, 'tr');
    ctx.stderr.write(`${prog}: ${msg}\n${extra}${gnuTry(ctx, 'tr')}`);
    return 1;
  };
  const deleting = o.has('d');
  const squeezing = o.has('s');
  if (ops.length === 0) return fail('missing operand');
  if (deleting && !squeezing && ops.length > 1)
    return fail(
      `extra operand '${ops[1]}'`,
      'Only one string may be given when deleting without squeezing repeats.\n',
    );
  if (!deleting && !squeezing && ops.length < 2) {
    // BusyBox translates with an empty second set: the input passes unchanged
    if (busybox) {
      ctx.stdout.write(await readAll(ctx.stdin));
      return 0;
    }
    return fail(`missing operand after '${ops[0]}'`, 'Two strings must be given when translating.\n');
  }
  const set1 = expandSet(ops[0]!);
  const inSet1 = (ch: string) => set1.includes(ch) !== o.has('c');
  const text = await readAll(ctx.stdin);
  let out = '';
  if (deleting) {
    const squeeze = squeezing ? new Set(expandSet(ops[1] ?? '')) : new Set<string>();
    for (const ch of text) {
      if (inSet1(ch)) continue;
      if (squeeze.has(ch) && out.endsWith(ch)) continue;
      out += ch;
    }
  } else if (ops.length < 2) {
    for (const ch of text) if (!(inSet1(ch) && out.endsWith(ch))) out += ch;
  } else {
    const set2 = expandSet(ops[1]!, set1.length);
    const squeeze = new Set(set2);
    const map = new Map<string, string>();
    if (!o.has('c')) set1.forEach((ch, i) => map.set(ch, set2[Math.min(i, set2.length - 1)] ?? ch));
    for (const ch of text) {
      const mapped = o.has('c') ? (inSet1(ch) ? (set2.at(-1) ?? ch) : ch) : (map.get(ch) ?? ch);
      if (squeezing && squeeze.has(mapped) && out.endsWith(mapped) && mapped !== ch) continue;
      if (squeezing && squeeze.has(mapped) && out.endsWith(mapped)) continue;
      out += mapped;
    }
  }
  ctx.stdout.write(out);
  return 0;
};
