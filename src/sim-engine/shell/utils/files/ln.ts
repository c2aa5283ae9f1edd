/**
 * ln (-s, -f, -n, -v, -T). Hard links are simulated as copies that keep the
 * program tag: the simulated file system has no inodes to share.
 */
import type { Program } from '../../../process/types.ts';
import { missingOperand, parseCommand } from '../support/command.ts';
import { complain } from '../support/fail.ts';
import { baseName, errorText, resolvePath } from '../support/io.ts';

export const ln: Program = async (ctx) => {
  const spec = {
    name: 'ln',
    options: [
      { key: 's', short: 's', long: 'symbolic' },
      { key: 'f', short: 'f', long: 'force' },
      { key: 'n', short: 'n', long: 'no-dereference' },
      { key: 'T', short: 'T', long: 'no-target-directory' },
      { key: 'v', short: 'v', long: 'verbose' },
    ],
  };
  const parsed = parseCommand(ctx, spec);
  if (typeof parsed === 'number') return parsed;
  const { options, operands } = parsed;
  if (operands.length === 0) return missingOperand(ctx, spec, 'missing file operand');
  const targets = operands.length === 1 ? operands : operands.slice(0, -1);
  const dest = operands.length === 1 ? '.' : operands.at(-1)!;
  const destPath = resolvePath(ctx.cwd, dest);
  const destStat = options.has('n') ? ctx.fs.lstat(destPath) : ctx.fs.stat(destPath);
  const intoDir = destStat?.kind === 'dir' && !options.has('T');
  if (targets.length > 1 && !intoDir) {
    complain(ctx, 'ln', `target '${dest}' is not a directory`, `'${dest}' is not a directory`);
    return 1;
  }
  const kind = options.has('s') ? 'symbolic link' : 'hard link';
  let status = 0;
  for (const target of targets) {
    const shown = intoDir
      ? dest === '.' && operands.length === 1
        ? `./${baseName(target)}`
        : `${dest}/${baseName(target)}`
      : dest;
    const linkPath = resolvePath(ctx.cwd, shown);
    try {
      if (ctx.fs.lstat(linkPath)) {
        if (!options.has('f')) throw Object.assign(new Error('EEXIST'), { code: 'EEXIST' });
        ctx.fs.rm(linkPath);
      }
      if (options.has('s')) ctx.fs.symlink(target, linkPath);
      else {
        const from = resolvePath(ctx.cwd, target);
        const st = ctx.fs.stat(from);
        if (!st) {
          complain(
            ctx,
            'ln',
            `failed to access '${target}': No such file or directory`,
            `${target}: No such file or directory`,
          );
          status = 1;
          continue;
        }
        if (st.kind === 'dir') {
          complain(
            ctx,
            'ln',
            `${target}: hard link not allowed for directory`,
            `${shown}: Operation not permitted`,
          );
          status = 1;
          continue;
        }
        ctx.fs.writeFile(linkPath, ctx.fs.readFile(from), {
          mode: st.mode,
          uid: st.uid,
          gid: st.gid,
          size: st.size,
          ...(st.program !== undefined ? { program: st.program } : {}),
        });
      }
      if (options.has('v')) ctx.stdout.write(`'${shown}' -> '${target}'\n`);
    } catch (error) {
      const why = errorText(error);
      complain(ctx, 'ln', `failed to create ${kind} '${shown}': ${why}`, `${shown}: ${why}`);
      status = 1;
    }
  }
  return status;
};
