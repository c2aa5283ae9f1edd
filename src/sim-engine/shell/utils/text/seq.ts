/**
 * seq [-w] [-s SEP] [-f FMT] [FIRST [INC]] LAST. Integers print as integers; with
 * a fractional argument every number gets as many decimals as the most precise one.
 */
import type { Program } from '../../../process/types.ts';
import {
  busyboxUsage,
  gnuTry,
  missingOperand,
  parseCommand,
  progName,
  variantOf,
} from '../support/command.ts';

function decimals(text: string): number {
  const m = /\.(\d*)/.exec(text);
  return m ? m[1]!.length : 0;
}

export const seq: Program = async (ctx) => {
  const busybox = variantOf(ctx) === 'busybox';
  const spec = {
    name: 'seq',
    options: [
      { key: 'w', short: 'w', long: 'equal-width' },
      { key: 's', short: 's', long: 'separator', arg: 'required' as const },
      ...(busybox ? [] : [{ key: 'f', short: 'f', long: 'format', arg: 'required' as const }]),
    ],
  };
  // negative numbers are operands, not options: `seq -1 1`
  const args = ctx.argv.slice(1);
  const firstNumber = args.findIndex((a) => /^-\d|^-\.\d/.test(a));
  const optionArgs = firstNumber < 0 ? args : args.slice(0, firstNumber);
  const parsed = parseCommand(ctx, spec, optionArgs);
  if (typeof parsed === 'number') return parsed;
  const operands = firstNumber < 0 ? parsed.operands : [...parsed.operands, ...args.slice(firstNumber)];
  if (operands.length === 0) return missingOperand(ctx, spec);
  if (operands.length > 3) {
    if (busybox) return busyboxUsage(ctx, 'seq');
    ctx.stderr.write(`${progName(ctx, 'seq')}: extra operand '${operands[3]}'\n${gnuTry(ctx, 'seq')}`);
    return 1;
  }
  for (const op of operands) {
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(op)) {
      if (busybox) return busyboxUsage(ctx, 'seq');
      ctx.stderr.write(
        `${progName(ctx, 'seq')}: invalid floating point argument: '${op}'\n${gnuTry(ctx, 'seq')}`,
      );
      return 1;
    }
  }
  const [first, inc, last] =
    operands.length === 1
      ? ['1', '1', operands[0]!]
      : operands.length === 2
        ? [operands[0]!, '1', operands[1]!]
        : (operands as [string, string, string]);
  const step = Number(inc);
  if (step === 0) {
    ctx.stderr.write(
      `${progName(ctx, 'seq')}: invalid Zero increment value: '${inc}'\n${gnuTry(ctx, 'seq')}`,
    );
    return 1;
  }
  const places = Math.max(decimals(first), decimals(inc));
  const start = Number(first);
  const end = Number(last);
  const sep = parsed.options.last('s') ?? '\n';
  const numbers: string[] = [];
  for (let k = 0; ; k++) {
    const value = start + k * step;
    if (step > 0 ? value > end + 1e-10 : value < end - 1e-10) break;
    numbers.push(value.toFixed(places));
    if (numbers.length > 1_000_000) break; // Differs from seq: a simulator bound on output
  }
  if (parsed.options.has('w')) {
    const width = Math.max(...numbers.map((n) => n.replace('-', '').length), last.length);
    for (let i = 0; i < numbers.length; i++) {
      const n = numbers[i]!;
      numbers[i] = n.startsWith('-') ? '-' + n.slice(1).padStart(width - 1, '0') : n.padStart(width, '0');
    }
  }
  if (numbers.length > 0) ctx.stdout.write(numbers.join(sep) + '\n');
  return 0;
};
