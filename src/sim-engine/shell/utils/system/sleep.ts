/**
 * sleep on the virtual clock: the arguments are added (`sleep 1m 30`), each a
 * number with an optional s/m/h/d suffix; `infinity` waits until a signal.
 */
import type { Program } from '../../../process/types.ts';
import { busyboxUsage, gnuTry, parseCommand, progName, variantOf } from '../support/command.ts';

const UNIT: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

export const sleep: Program = async (ctx) => {
  const parsed = parseCommand(ctx, { name: 'sleep', options: [] });
  if (typeof parsed === 'number') return parsed;
  const prog = progName(ctx, 'sleep');
  const busybox = variantOf(ctx) === 'busybox';
  if (parsed.operands.length === 0) {
    if (busybox) return busyboxUsage(ctx, 'sleep');
    ctx.stderr.write(`${prog}: missing operand\n${gnuTry(ctx, 'sleep')}`);
    return 1;
  }
  let seconds = 0;
  let bad = false;
  for (const arg of parsed.operands) {
    const m = /^\+?(\d*\.?\d*(?:e[+-]?\d+)?|inf|infinity)([smhd]?)$/i.exec(arg);
    if (!m || m[1] === '' || m[1] === '.') {
      if (busybox) {
        ctx.stderr.write(`${prog}: invalid number '${arg}'\n`);
        return 1;
      }
      ctx.stderr.write(`${prog}: invalid time interval '${arg}'\n`);
      bad = true;
      continue;
    }
    const n = /^inf/i.test(m[1]!) ? Infinity : Number(m[1]);
    seconds += n * UNIT[m[2]!.toLowerCase()]!;
  }
  if (bad) {
    ctx.stderr.write(gnuTry(ctx, 'sleep'));
    return 1;
  }
  // Forever: wait for a signal without keeping a timer, so a headless clock is not
  // driven to the end of time.
  if (!Number.isFinite(seconds)) await new Promise<never>(() => {});
  await ctx.sleep(Math.round(seconds * 1000));
  return 0;
};
