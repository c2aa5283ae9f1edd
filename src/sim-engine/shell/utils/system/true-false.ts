/** true and false: exit 0 and 1, whatever they are given (GNU answers a lone --help/--version). */
import type { Program } from '../../../process/types.ts';
import { variantOf } from '../support/command.ts';

function constant(name: string, status: number): Program {
  return async (ctx) => {
    const arg = ctx.argv[1];
    if (variantOf(ctx) === 'gnu' && ctx.argv.length === 2 && (arg === '--help' || arg === '--version')) {
      ctx.stdout.write(
        arg === '--help'
          ? `Usage: ${ctx.argv[0]} [ignored command line arguments]\n  or:  ${ctx.argv[0]} OPTION\n`
          : `${name} (GNU coreutils) 9.7\n`,
      );
      return status;
    }
    return status;
  };
}

export const trueProgram = constant('true', 0);
export const falseProgram = constant('false', 1);
