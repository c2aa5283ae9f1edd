/** Writing a tool's error line in the words of the build that is running. */
import type { ProcessContext } from '../../../process/types.ts';
import { progName, variantOf } from './command.ts';

/** `prog: <gnu text>` or `prog: <busybox text>`, newline added. */
export function complain(ctx: ProcessContext, name: string, gnu: string, busybox: string = gnu): void {
  ctx.stderr.write(`${progName(ctx, name)}: ${variantOf(ctx) === 'busybox' ? busybox : gnu}\n`);
}
