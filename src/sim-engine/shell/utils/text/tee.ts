/** tee (-a): copies stdin to stdout and to each file, as it arrives. */
import type { Program } from '../../../process/types.ts';
import { parseCommand } from '../support/command.ts';
import { complain } from '../support/fail.ts';
import { errorText, resolvePath } from '../support/io.ts';

export const tee: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'tee',
    options: [
      { key: 'a', short: 'a', long: 'append' },
      { key: 'i', short: 'i', long: 'ignore-interrupts' },
      { key: 'p', short: 'p' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  let status = 0;
  const files: string[] = [];
  for (const name of parsed.operands) {
    if (name === '-') continue;
    const path = resolvePath(ctx.cwd, name);
    try {
      if (!parsed.options.has('a') || !ctx.fs.stat(path))
        ctx.fs.writeFile(path, '', { uid: ctx.user.uid, gid: ctx.user.gid });
      files.push(path);
    } catch (error) {
      complain(ctx, 'tee', `${name}: ${errorText(error)}`);
      status = 1;
    }
  }
  for (let chunk = await ctx.stdin.read(); chunk !== null; chunk = await ctx.stdin.read()) {
    ctx.stdout.write(chunk);
    for (const path of files) ctx.fs.writeFile(path, chunk, { append: true });
  }
  return status;
};
