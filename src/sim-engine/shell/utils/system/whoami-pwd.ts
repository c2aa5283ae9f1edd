/** whoami and pwd. */
import type { Program } from '../../../process/types.ts';
import { parseCommand, progName, variantOf } from '../support/command.ts';
import { userByUid } from '../support/users.ts';

export const whoami: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'whoami',
    options: [],
    help: `Usage: ${ctx.argv[0]} [OPTION]...`,
  });
  if (typeof parsed === 'number') return parsed;
  if (parsed.operands.length > 0 && variantOf(ctx) === 'gnu') {
    ctx.stderr.write(
      `${progName(ctx, 'whoami')}: extra operand '${parsed.operands[0]}'\nTry '${progName(ctx, 'whoami')} --help' for more information.\n`,
    );
    return 1;
  }
  const user = userByUid(ctx.fs, ctx.user.uid);
  if (!user) {
    ctx.stderr.write(
      variantOf(ctx) === 'gnu'
        ? `${progName(ctx, 'whoami')}: cannot find name for user ID ${ctx.user.uid}\n`
        : `${progName(ctx, 'whoami')}: unknown uid ${ctx.user.uid}\n`,
    );
    return 1;
  }
  ctx.stdout.write(`${user.name}\n`);
  return 0;
};

export const pwd: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'pwd',
    options: [
      { key: 'L', short: 'L', long: 'logical' },
      { key: 'P', short: 'P', long: 'physical' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  let dir = ctx.cwd;
  if (parsed.options.lastOf('L', 'P') !== 'L') {
    try {
      dir = ctx.fs.realpath(ctx.cwd);
    } catch {
      // a removed directory: keep the name we had
    }
  }
  ctx.stdout.write(`${dir}\n`);
  return 0;
};
