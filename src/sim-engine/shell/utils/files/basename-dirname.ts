/** basename (-a, -s, SUFFIX) and dirname (several names since coreutils 8.x). */
import type { Program } from '../../../process/types.ts';
import { missingOperand, parseCommand, progName, variantOf } from '../support/command.ts';
import { baseName, dirName } from '../support/io.ts';

export const basename: Program = async (ctx) => {
  const spec = {
    name: 'basename',
    options: [
      { key: 'a', short: 'a', long: 'multiple' },
      { key: 's', short: 's', long: 'suffix', arg: 'required' as const },
      { key: 'z', short: 'z', long: 'zero' },
    ],
  };
  const parsed = parseCommand(ctx, spec);
  if (typeof parsed === 'number') return parsed;
  const { options, operands } = parsed;
  if (operands.length === 0) return missingOperand(ctx, spec);
  const multiple = options.has('a') || options.has('s');
  let names = operands;
  let suffix = options.last('s');
  if (!multiple) {
    if (operands.length > 2) {
      if (variantOf(ctx) === 'busybox') return missingOperand(ctx, spec);
      ctx.stderr.write(
        `${progName(ctx, 'basename')}: extra operand '${operands[2]}'\nTry '${progName(ctx, 'basename')} --help' for more information.\n`,
      );
      return 1;
    }
    names = [operands[0]!];
    suffix = operands[1];
  }
  const end = options.has('z') ? '\0' : '\n';
  for (const name of names) {
    let base = baseName(name);
    if (suffix && base !== suffix && base.endsWith(suffix)) base = base.slice(0, -suffix.length);
    ctx.stdout.write(base + end);
  }
  return 0;
};

export const dirname: Program = async (ctx) => {
  const spec = { name: 'dirname', options: [{ key: 'z', short: 'z', long: 'zero' }] };
  const parsed = parseCommand(ctx, spec);
  if (typeof parsed === 'number') return parsed;
  if (parsed.operands.length === 0) return missingOperand(ctx, spec);
  if (variantOf(ctx) === 'busybox' && parsed.operands.length > 1) return missingOperand(ctx, spec);
  const end = parsed.options.has('z') ? '\0' : '\n';
  for (const name of parsed.operands) ctx.stdout.write(dirName(name) + end);
  return 0;
};
