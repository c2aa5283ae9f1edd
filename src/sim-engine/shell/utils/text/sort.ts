/**
 * sort (-n -g -h -V -r -u -f -b -s -k POS1[,POS2] -t SEP -o FILE -c), C-locale byte
 * order, with the whole line as the last resort unless -s or -u.
 */
import type { Program } from '../../../process/types.ts';
import { parseCommand, progName, variantOf } from '../support/command.ts';
import { complain } from '../support/fail.ts';
import { errorText, readOperand, resolvePath, splitLines } from '../support/io.ts';

interface Key {
  startField: number;
  startChar: number;
  endField: number;
  endChar: number;
  flags: string;
}

function parseKey(spec: string): Key | undefined {
  const m = /^(\d+)(?:\.(\d+))?([bdfghinMrRV]*)(?:,(\d+)(?:\.(\d+))?([bdfghinMrRV]*))?$/.exec(spec);
  if (!m || Number(m[1]) === 0) return undefined;
  return {
    startField: Number(m[1]),
    startChar: Number(m[2] ?? 1),
    endField: m[4] ? Number(m[4]) : Infinity,
    endChar: Number(m[5] ?? 0),
    flags: (m[3] ?? '') + (m[6] ?? ''),
  };
}

/** Fields with their leading separators, as sort sees them. */
function fields(line: string, sep: string | undefined): string[] {
  if (sep !== undefined) return line.split(sep);
  return line.match(/\s*\S+|\s+$/g) ?? [''];
}

function extract(line: string, key: Key, sep: string | undefined, skipBlanks: boolean): string {
  const f = fields(line, sep);
  let start = f.slice(0, key.startField - 1).reduce((n, x) => n + x.length + (sep ? 1 : 0), 0);
  const first = f[key.startField - 1] ?? '';
  if (skipBlanks) start += /^\s*/.exec(first)?.[0].length ?? 0;
  start += key.startChar - 1;
  let end: number;
  if (key.endField === Infinity) end = line.length;
  else {
    end = f.slice(0, key.endField).reduce((n, x) => n + x.length + (sep ? 1 : 0), 0) - (sep ? 1 : 0);
    if (key.endChar > 0)
      end = f.slice(0, key.endField - 1).reduce((n, x) => n + x.length + (sep ? 1 : 0), 0) + key.endChar;
  }
  return line.slice(start, Math.max(start, end));
}

const HUMAN: Record<string, number> = { '': 0, K: 1, M: 2, G: 3, T: 4, P: 5, E: 6, k: 1 };

function compareBy(a: string, b: string, flags: string): number {
  if (flags.includes('b')) {
    a = a.trimStart();
    b = b.trimStart();
  }
  if (flags.includes('n') || flags.includes('g') || flags.includes('h')) {
    const num = (s: string) => {
      const m = /^\s*([+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?)([KMGTPEk]?)/i.exec(s);
      if (!m) return flags.includes('g') ? -Infinity : 0;
      const base = Number(flags.includes('g') ? m[1] : m[1]!.replace(/e.*$/i, ''));
      return flags.includes('h') ? base * 1024 ** (HUMAN[m[4]!] ?? 0) : base;
    };
    const d = num(a) - num(b);
    return d < 0 ? -1 : d > 0 ? 1 : 0;
  }
  if (flags.includes('V')) {
    const pa = a.split(/(\d+)/);
    const pb = b.split(/(\d+)/);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
      const x = pa[i] ?? '';
      const y = pb[i] ?? '';
      if (i % 2 === 1 && x !== y) return Number(x) - Number(y) || (x < y ? -1 : 1);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  }
  if (flags.includes('f')) {
    a = a.toUpperCase();
    b = b.toUpperCase();
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

export const sort: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'sort',
    usageStatus: 2,
    bbUsageStatus: 2,
    options: [
      { key: 'n', short: 'n', long: 'numeric-sort' },
      { key: 'g', short: 'g', long: 'general-numeric-sort' },
      { key: 'h', short: 'h', long: 'human-numeric-sort' },
      { key: 'V', short: 'V', long: 'version-sort' },
      { key: 'r', short: 'r', long: 'reverse' },
      { key: 'u', short: 'u', long: 'unique' },
      { key: 'f', short: 'f', long: 'ignore-case' },
      { key: 'b', short: 'b', long: 'ignore-leading-blanks' },
      { key: 's', short: 's', long: 'stable' },
      { key: 'c', short: 'c', long: 'check' },
      { key: 'k', short: 'k', long: 'key', arg: 'required' },
      { key: 't', short: 't', long: 'field-separator', arg: 'required' },
      { key: 'o', short: 'o', long: 'output', arg: 'required' },
      { key: 'z', short: 'z', long: 'zero-terminated' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const o = parsed.options;
  const sep = o.last('t');
  const prog = progName(ctx, 'sort');
  if (sep !== undefined && sep.length !== 1) {
    ctx.stderr.write(
      variantOf(ctx) === 'busybox'
        ? `${prog}: bad -t parameter\n`
        : `${prog}: multi-character tab '${sep}'\n`,
    );
    return 2;
  }
  const keys: Key[] = [];
  for (const spec of o.all('k')) {
    const key = parseKey(spec);
    if (!key) {
      const gnu = /^0(\D|$)/.test(spec)
        ? `${prog}: field number is zero: invalid field specification '${spec}'\n`
        : `${prog}: invalid number at field start: invalid count at start of '${spec}'\n`;
      ctx.stderr.write(variantOf(ctx) === 'busybox' ? `${prog}: bad field specification\n` : gnu);
      return 2;
    }
    keys.push(key);
  }
  // BusyBox's -n reads numbers with strtod, exponents included, as -g does
  const busyboxNumeric = (flags: string) => (variantOf(ctx) === 'busybox' ? flags.replace('n', 'g') : flags);
  const globalFlags = busyboxNumeric(['n', 'g', 'h', 'V', 'f', 'b', 'r'].filter((f) => o.has(f)).join(''));
  let lines: string[] = [];
  for (const file of parsed.operands.length > 0 ? parsed.operands : ['-']) {
    try {
      lines.push(...splitLines(await readOperand(ctx, file)));
    } catch (error) {
      complain(ctx, 'sort', `cannot read: ${file}: ${errorText(error)}`, `${file}: ${errorText(error)}`);
      return 2;
    }
  }
  const compare = (a: string, b: string): number => {
    for (const key of keys) {
      const flags = /[bdfghinMRV]/.test(key.flags) ? key.flags : key.flags + globalFlags.replace('r', '');
      const reverse = key.flags.includes('r') || (!/[bdfghinMRV]/.test(key.flags) && o.has('r'));
      const c = compareBy(
        extract(a, key, sep, flags.includes('b')),
        extract(b, key, sep, flags.includes('b')),
        flags,
      );
      if (c !== 0) return reverse ? -c : c;
    }
    if (keys.length === 0) {
      const c = compareBy(a, b, globalFlags);
      if (c !== 0) return o.has('r') ? -c : c;
    }
    if (o.has('s') || o.has('u')) return 0;
    const c = a < b ? -1 : a > b ? 1 : 0;
    return o.has('r') ? -c : c;
  };
  if (o.has('c')) {
    for (let i = 1; i < lines.length; i++) {
      if (compare(lines[i - 1]!, lines[i]!) > 0 || (o.has('u') && compare(lines[i - 1]!, lines[i]!) === 0)) {
        ctx.stderr.write(`${prog}: -:${i + 1}: disorder: ${lines[i]}\n`);
        return 1;
      }
    }
    return 0;
  }
  lines = lines
    .map((l, i) => [l, i] as const)
    .sort((x, y) => compare(x[0], y[0]) || x[1] - y[1])
    .map((x) => x[0]);
  if (o.has('u')) lines = lines.filter((l, i) => i === 0 || compare(lines[i - 1]!, l) !== 0);
  const out = lines.map((l) => l + '\n').join('');
  if (o.has('o')) ctx.fs.writeFile(resolvePath(ctx.cwd, o.last('o')!), out);
  else ctx.stdout.write(out);
  return 0;
};
