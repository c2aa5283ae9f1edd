/** cut (-b/-c LIST, -f LIST with -d DELIM, -s, --complement, --output-delimiter). */
import type { Program } from '../../../process/types.ts';
import { busyboxUsage, gnuTry, parseCommand, progName, variantOf } from '../support/command.ts';
import { complain } from '../support/fail.ts';
import { errorText, readOperand, splitLines } from '../support/io.ts';

type Range = [number, number];

function parseList(text: string): Range[] | string {
  const ranges: Range[] = [];
  for (const part of text.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '') || part === '') return `invalid byte, character or field list`;
    const lo = m[1] === '' ? 1 : Number(m[1]);
    const hi = m[2] === '' ? lo : m[3] === '' ? Infinity : Number(m[3]);
    if (lo === 0 || hi === 0) return 'fields are numbered from 1';
    if (hi < lo) return 'invalid decreasing range';
    ranges.push([lo, hi]);
  }
  return ranges;
}

const within = (ranges: Range[], i: number) => ranges.some(([lo, hi]) => i >= lo && i <= hi);

export const cut: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'cut',
    options: [
      { key: 'b', short: 'b', long: 'bytes', arg: 'required' },
      { key: 'c', short: 'c', long: 'characters', arg: 'required' },
      { key: 'f', short: 'f', long: 'fields', arg: 'required' },
      { key: 'd', short: 'd', long: 'delimiter', arg: 'required' },
      { key: 's', short: 's', long: 'only-delimited' },
      { key: 'n', short: 'n' },
      { key: 'complement', long: 'complement' },
      { key: 'od', long: 'output-delimiter', arg: 'required' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const o = parsed.options;
  const busybox = variantOf(ctx) === 'busybox';
  const prog = progName(ctx, 'cut');
  const mode = o.lastOf('b', 'c', 'f');
  const usage = (message: string) => {
    if (busybox) {
      ctx.stderr.write(`${prog}: ${message}\n`);
      return message.startsWith('expected') ? busyboxUsage(ctx, 'cut') : 1;
    }
    ctx.stderr.write(`${prog}: ${message}\n${gnuTry(ctx, 'cut')}`);
    return 1;
  };
  if (!mode)
    return usage(
      busybox
        ? 'expected a list of bytes, characters, or fields'
        : 'you must specify a list of bytes, characters, or fields',
    );
  const ranges = parseList(o.last(mode)!);
  if (typeof ranges === 'string') return usage(ranges);
  const delim = o.last('d') ?? '\t';
  if (!busybox && delim.length > 1) return usage('the delimiter must be a single character');
  const d = delim.slice(0, 1) || '\t';
  const outDelim = o.last('od') ?? (mode === 'f' ? d : '');
  const complement = o.has('complement');
  const pick = (n: number) => within(ranges, n) !== complement;
  let status = 0;
  for (const file of parsed.operands.length > 0 ? parsed.operands : ['-']) {
    let text: string;
    try {
      text = await readOperand(ctx, file);
    } catch (error) {
      complain(ctx, 'cut', `${file}: ${errorText(error)}`);
      status = 1;
      continue;
    }
    const out: string[] = [];
    for (const line of splitLines(text)) {
      if (mode === 'f') {
        if (!line.includes(d)) {
          if (!o.has('s')) out.push(line);
          continue;
        }
        out.push(
          line
            .split(d)
            .filter((_, i) => pick(i + 1))
            .join(outDelim),
        );
      } else {
        const chars = [...line];
        out.push(chars.filter((_, i) => pick(i + 1)).join(''));
      }
    }
    ctx.stdout.write(out.map((l) => l + '\n').join(''));
  }
  return status;
};
