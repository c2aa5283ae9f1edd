/**
 * /bin/echo (GNU coreutils and BusyBox): -n, -e, -E. Options end at the first
 * argument that is not made only of those letters, so `echo -x` prints `-x`.
 * GNU's echo also answers a lone --help or --version.
 */
import type { Program } from '../../../process/types.ts';
import { variantOf } from '../support/command.ts';
import { expandEscapes } from './escapes.ts';

export const echo: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (variantOf(ctx) === 'gnu' && args.length === 1 && (args[0] === '--help' || args[0] === '--version')) {
    ctx.stdout.write(
      args[0] === '--help'
        ? `Usage: ${ctx.argv[0]} [SHORT-OPTION]... [STRING]...\n  or:  ${ctx.argv[0]} LONG-OPTION\n`
        : 'echo (GNU coreutils) 9.7\n',
    );
    return 0;
  }
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i]!;
    if (!/^-[neE]+$/.test(arg)) break;
    for (const flag of arg.slice(1)) {
      if (flag === 'n') newline = false;
      else escapes = flag === 'e';
    }
  }
  let out = args.slice(i).join(' ');
  if (escapes) {
    const expanded = expandEscapes(out, 'echo');
    out = expanded.text;
    if (expanded.stop) {
      ctx.stdout.write(out);
      return 0;
    }
  }
  ctx.stdout.write(newline ? out + '\n' : out);
  return 0;
};
