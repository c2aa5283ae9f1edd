/** which (-a): the first (or every) executable of each name in PATH; status 1 if one is missing. */
import type { Program } from '../../../process/types.ts';
import { parseCommand } from '../support/command.ts';
import { lookupAll } from '../support/path-lookup.ts';

export const which: Program = async (ctx) => {
  // Debian's which is a shell script with only -a and -s; BusyBox has -a.
  const parsed = parseCommand(ctx, {
    name: 'which',
    options: [
      { key: 'a', short: 'a' },
      { key: 's', short: 's' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  if (parsed.operands.length === 0) return 1;
  let status = 0;
  for (const name of parsed.operands) {
    const found = lookupAll(ctx.fs, name, ctx.env.get('PATH'), ctx.cwd);
    if (found.length === 0) status = 1;
    else if (!parsed.options.has('s'))
      ctx.stdout.write((parsed.options.has('a') ? found : found.slice(0, 1)).map((p) => p + '\n').join(''));
  }
  return status;
};
