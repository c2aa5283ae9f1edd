/** rm (-r/-R, -f, -v, -d). Without -r a directory is refused; -f hides missing files. */
import type { Program } from '../../../process/types.ts';
import { missingOperand, parseCommand, progName, variantOf } from '../support/command.ts';
import { complain } from '../support/fail.ts';
import { baseName, errorText, resolvePath } from '../support/io.ts';

export const rm: Program = async (ctx) => {
  const spec = {
    name: 'rm',
    options: [
      { key: 'r', short: 'r', long: 'recursive' },
      { key: 'r', short: 'R' },
      { key: 'f', short: 'f', long: 'force' },
      { key: 'i', short: 'i' },
      { key: 'd', short: 'd', long: 'dir' },
      { key: 'v', short: 'v', long: 'verbose' },
      { key: 'no-preserve-root', long: 'no-preserve-root' },
    ],
  };
  const parsed = parseCommand(ctx, spec);
  if (typeof parsed === 'number') return parsed;
  const { options, operands } = parsed;
  const force = options.lastOf('f', 'i') === 'f';
  if (operands.length === 0) return force ? 0 : missingOperand(ctx, spec);
  const busybox = variantOf(ctx) === 'busybox';
  let status = 0;
  for (const name of operands) {
    const path = resolvePath(ctx.cwd, name);
    const base = baseName(name);
    if (base === '.' || base === '..') {
      complain(
        ctx,
        'rm',
        `refusing to remove '.' or '..' directory: skipping '${name}'`,
        `can't remove '.' or '..'`,
      );
      status = 1;
      continue;
    }
    if (path === '/' && options.has('r') && !options.has('no-preserve-root')) {
      complain(ctx, 'rm', `it is dangerous to operate recursively on '/'`, `can't remove '/'`);
      if (!busybox)
        ctx.stderr.write(`${progName(ctx, 'rm')}: use --no-preserve-root to override this failsafe\n`);
      status = 1;
      continue;
    }
    const st = ctx.fs.lstat(path);
    if (!st) {
      if (force) continue;
      complain(
        ctx,
        'rm',
        `cannot remove '${name}': No such file or directory`,
        `can't remove '${name}': No such file or directory`,
      );
      status = 1;
      continue;
    }
    if (st.kind === 'dir' && !options.has('r')) {
      const empty = ctx.fs.readdir(path).length === 0;
      if (!(options.has('d') && empty)) {
        complain(
          ctx,
          'rm',
          `cannot remove '${name}': ${options.has('d') ? 'Directory not empty' : 'Is a directory'}`,
          `'${name}' is a directory`,
        );
        status = 1;
        continue;
      }
    }
    try {
      ctx.fs.rm(path, { recursive: true });
      if (options.has('v'))
        ctx.stdout.write(st.kind === 'dir' ? `removed directory '${name}'\n` : `removed '${name}'\n`);
    } catch (error) {
      const why = errorText(error);
      complain(ctx, 'rm', `cannot remove '${name}': ${why}`, `can't remove '${name}': ${why}`);
      status = 1;
    }
  }
  return status;
};
