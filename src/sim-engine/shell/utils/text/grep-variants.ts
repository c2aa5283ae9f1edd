/** egrep and fgrep: GNU grep 3.8+ warns that they are obsolescent, then runs grep -E / -F. */
import type { Program } from '../../../process/types.ts';
import { variantOf } from '../support/command.ts';
import { grep } from './grep.ts';

function alias(name: string, flag: string): Program {
  return async (ctx) => {
    if (variantOf(ctx) === 'gnu')
      ctx.stderr.write(`${name}: warning: ${name} is obsolescent; using grep ${flag}\n`);
    return grep({ ...ctx, argv: ['grep', flag, ...ctx.argv.slice(1)] });
  };
}

export const egrep = alias('egrep', '-E');
export const fgrep = alias('fgrep', '-F');
