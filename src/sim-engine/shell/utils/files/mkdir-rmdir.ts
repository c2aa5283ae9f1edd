/** mkdir (-p, -m MODE, -v) and rmdir (-p). New directories belong to the caller. */
import type { Program } from '../../../process/types.ts';
import { missingOperand, parseCommand, progName } from '../support/command.ts';
import { complain } from '../support/fail.ts';
import { dirName, errorText, resolvePath } from '../support/io.ts';
import { applyMode } from '../support/mode.ts';

export const mkdir: Program = async (ctx) => {
  const spec = {
    name: 'mkdir',
    options: [
      { key: 'p', short: 'p', long: 'parents', bbLong: true },
      { key: 'm', short: 'm', long: 'mode', arg: 'required' as const, bbLong: true },
      { key: 'v', short: 'v', long: 'verbose' },
    ],
  };
  const parsed = parseCommand(ctx, spec);
  if (typeof parsed === 'number') return parsed;
  const { options, operands } = parsed;
  if (operands.length === 0) return missingOperand(ctx, spec);
  let mode = 0o755;
  if (options.has('m')) {
    const m = applyMode(options.last('m')!, 0o777, true);
    if (m === undefined) {
      complain(ctx, 'mkdir', `invalid mode '${options.last('m')}'`, `invalid mode '${options.last('m')}'`);
      return 1;
    }
    mode = m;
  }
  let status = 0;
  const owner = { uid: ctx.user.uid, gid: ctx.user.gid };
  for (const name of operands) {
    const path = resolvePath(ctx.cwd, name);
    try {
      if (options.has('p')) {
        const existing = ctx.fs.stat(path);
        if (existing && existing.kind !== 'dir') throw Object.assign(new Error('EEXIST'), { code: 'EEXIST' });
        if (existing) continue;
        ctx.fs.mkdir(path, { parents: true, ...owner });
      } else {
        ctx.fs.mkdir(path, { mode, ...owner });
      }
      if (options.has('m')) ctx.fs.chmod(path, mode);
      if (options.has('v')) ctx.stdout.write(`${progName(ctx, 'mkdir')}: created directory '${name}'\n`);
    } catch (error) {
      const why = errorText(error);
      complain(
        ctx,
        'mkdir',
        `cannot create directory '${name}': ${why}`,
        `can't create directory '${name}': ${why}`,
      );
      status = 1;
    }
  }
  return status;
};

export const rmdir: Program = async (ctx) => {
  const spec = {
    name: 'rmdir',
    options: [
      { key: 'p', short: 'p', long: 'parents' },
      { key: 'ignore', long: 'ignore-fail-on-non-empty' },
      { key: 'v', short: 'v', long: 'verbose' },
    ],
  };
  const parsed = parseCommand(ctx, spec);
  if (typeof parsed === 'number') return parsed;
  const { options, operands } = parsed;
  if (operands.length === 0) return missingOperand(ctx, spec);
  let status = 0;
  for (const name of operands) {
    const chain = [name];
    if (options.has('p')) for (let d = dirName(name); d !== '.' && d !== '/'; d = dirName(d)) chain.push(d);
    for (const each of chain) {
      const path = resolvePath(ctx.cwd, each);
      try {
        const st = ctx.fs.lstat(path);
        if (!st) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
        if (st.kind !== 'dir') throw Object.assign(new Error('ENOTDIR'), { code: 'ENOTDIR' });
        if (ctx.fs.readdir(path).length > 0)
          throw Object.assign(new Error('ENOTEMPTY'), { code: 'ENOTEMPTY' });
        ctx.fs.rm(path);
      } catch (error) {
        const why = errorText(error);
        if (options.has('ignore') && why === 'Directory not empty') break;
        complain(ctx, 'rmdir', `failed to remove '${each}': ${why}`, `'${each}': ${why}`);
        status = 1;
        break;
      }
    }
  }
  return status;
};
