/** touch (-c, -d DATE, -t STAMP, -r FILE, -a, -m): create empty files or set mtime. */
import type { Program } from '../../../process/types.ts';
import { missingOperand, parseCommand } from '../support/command.ts';
import { complain } from '../support/fail.ts';
import { errorText, resolvePath } from '../support/io.ts';
import { parseDate } from '../system/parse-date.ts';

export const touch: Program = async (ctx) => {
  const spec = {
    name: 'touch',
    options: [
      { key: 'c', short: 'c', long: 'no-create' },
      { key: 'd', short: 'd', long: 'date', arg: 'required' as const },
      { key: 't', short: 't', arg: 'required' as const },
      { key: 'r', short: 'r', long: 'reference', arg: 'required' as const },
      { key: 'a', short: 'a' },
      { key: 'm', short: 'm' },
      { key: 'h', short: 'h', long: 'no-dereference' },
    ],
  };
  const parsed = parseCommand(ctx, spec);
  if (typeof parsed === 'number') return parsed;
  const { options, operands } = parsed;
  if (operands.length === 0) return missingOperand(ctx, spec, 'missing file operand');
  let when = ctx.now();
  if (options.has('d')) {
    const d = parseDate(options.last('d')!, ctx.now());
    if (d === undefined) {
      complain(
        ctx,
        'touch',
        `invalid date format '${options.last('d')}'`,
        `invalid date '${options.last('d')}'`,
      );
      return 1;
    }
    when = d;
  } else if (options.has('t')) {
    const m = /^(\d{2})?(\d{2})?(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{2}))?$/.exec(options.last('t')!);
    if (!m) {
      complain(
        ctx,
        'touch',
        `invalid date format '${options.last('t')}'`,
        `invalid date '${options.last('t')}'`,
      );
      return 1;
    }
    const d = parseDate(
      `${m[1] ?? '20'}${m[2] ?? '26'}-${m[3]}-${m[4]} ${m[5]}:${m[6]}:${m[7] ?? '00'}`,
      ctx.now(),
    );
    when = d ?? when;
  } else if (options.has('r')) {
    const ref = ctx.fs.stat(resolvePath(ctx.cwd, options.last('r')!));
    if (!ref) {
      complain(
        ctx,
        'touch',
        `failed to get attributes of '${options.last('r')}': No such file or directory`,
        `${options.last('r')}: No such file or directory`,
      );
      return 1;
    }
    when = ref.mtime;
  }
  let status = 0;
  for (const name of operands) {
    const path = resolvePath(ctx.cwd, name);
    try {
      if (ctx.fs.stat(path)) ctx.fs.utimes(path, when);
      else if (!options.has('c')) {
        ctx.fs.writeFile(path, '', { uid: ctx.user.uid, gid: ctx.user.gid });
        ctx.fs.utimes(path, when);
      }
    } catch (error) {
      const why = errorText(error);
      complain(ctx, 'touch', `cannot touch '${name}': ${why}`, `${name}: ${why}`);
      status = 1;
    }
  }
  return status;
};
