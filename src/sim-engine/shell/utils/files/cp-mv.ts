/**
 * cp (-r/-R, -a, -p, -f, -n, -v, -L, -P) and mv (-f, -n, -v). A copy keeps what makes
 * a simulated binary run (its program tag and reported size). Without -p/-a the copy
 * belongs to the caller, gets the source's mode less the umask and the current time.
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { missingOperand, parseCommand } from '../support/command.ts';
import { complain } from '../support/fail.ts';
import type { Options } from '../support/getopt.ts';
import { baseName, errorText, resolvePath } from '../support/io.ts';

function target(
  ctx: ProcessContext,
  operands: string[],
  name: string,
): { sources: string[]; dest: string; intoDir: boolean } | number {
  const spec = { name, options: [] };
  if (operands.length === 0) return missingOperand(ctx, spec, 'missing file operand');
  if (operands.length === 1)
    return missingOperand(ctx, spec, `missing destination file operand after '${operands[0]}'`);
  const dest = operands.at(-1)!;
  const destStat = ctx.fs.stat(resolvePath(ctx.cwd, dest));
  const intoDir = destStat?.kind === 'dir';
  if (operands.length > 2 && !intoDir) {
    complain(ctx, name, `target '${dest}' is not a directory`, `'${dest}' is not a directory`);
    return 1;
  }
  return { sources: operands.slice(0, -1), dest, intoDir };
}

function copyTree(ctx: ProcessContext, from: string, to: string, o: Options, top: boolean): void {
  const fs = ctx.fs;
  const preserve = o.has('a') || o.has('p');
  const deref = o.has('L') || (top && o.has('H')) || (!o.has('r') && !o.has('a') && !o.has('P'));
  const st = deref ? fs.stat(from) : fs.lstat(from);
  if (!st) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
  if (st.kind === 'symlink') {
    if (fs.lstat(to)) fs.rm(to);
    fs.symlink(fs.readlink(from), to);
    return;
  }
  const uid = preserve ? st.uid : ctx.user.uid;
  const gid = preserve ? st.gid : ctx.user.gid;
  if (st.kind === 'dir') {
    if (!fs.stat(to)) fs.mkdir(to, { mode: st.mode, uid, gid });
    for (const name of fs.readdir(from)) copyTree(ctx, `${from}/${name}`, `${to}/${name}`, o, false);
    if (preserve) fs.utimes(to, st.mtime);
    return;
  }
  const existing = fs.stat(to);
  const mode = existing ? existing.mode : preserve ? st.mode : st.mode & ~0o022;
  fs.writeFile(to, fs.readFile(from), {
    mode,
    uid,
    gid,
    size: st.size,
    ...(st.program !== undefined ? { program: st.program } : {}),
  });
  if (preserve) {
    fs.chown(to, st.uid, st.gid);
    fs.chmod(to, st.mode);
    fs.utimes(to, st.mtime);
  }
}

export const cp: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'cp',
    options: [
      { key: 'r', short: 'r', long: 'recursive' },
      { key: 'r', short: 'R' },
      { key: 'a', short: 'a', long: 'archive' },
      { key: 'p', short: 'p' },
      { key: 'f', short: 'f', long: 'force' },
      { key: 'n', short: 'n', long: 'no-clobber' },
      { key: 'i', short: 'i', long: 'interactive' },
      { key: 'v', short: 'v', long: 'verbose' },
      { key: 'L', short: 'L', long: 'dereference' },
      { key: 'P', short: 'P', long: 'no-dereference' },
      { key: 'P', short: 'd' },
      { key: 'H', short: 'H' },
      { key: 'u', short: 'u', long: 'update' },
      { key: 'T', short: 'T', long: 'no-target-directory' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const { options } = parsed;
  if (options.has('a')) options.list.push({ key: 'r', value: undefined });
  const t = target(ctx, parsed.operands, 'cp');
  if (typeof t === 'number') return t;
  let status = 0;
  for (const source of t.sources) {
    const from = resolvePath(ctx.cwd, source);
    const to = resolvePath(ctx.cwd, t.intoDir ? `${t.dest}/${baseName(source)}` : t.dest);
    const st = ctx.fs.lstat(from);
    if (!st) {
      complain(
        ctx,
        'cp',
        `cannot stat '${source}': No such file or directory`,
        `can't stat '${source}': No such file or directory`,
      );
      status = 1;
      continue;
    }
    if ((ctx.fs.stat(from) ?? st).kind === 'dir' && !options.has('r')) {
      complain(
        ctx,
        'cp',
        `-r not specified; omitting directory '${source}'`,
        `omitting directory '${source}'`,
      );
      status = 1;
      continue;
    }
    if (from === to) {
      complain(
        ctx,
        'cp',
        `'${source}' and '${t.dest}' are the same file`,
        `'${source}' and '${t.dest}' are the same file`,
      );
      status = 1;
      continue;
    }
    if (options.has('n') && ctx.fs.lstat(to)) continue;
    if ((ctx.fs.stat(from) ?? st).kind === 'dir' && (to + '/').startsWith(from + '/')) {
      complain(
        ctx,
        'cp',
        `cannot copy a directory, '${source}', into itself, '${t.dest}'`,
        `can't copy a directory into itself`,
      );
      status = 1;
      continue;
    }
    try {
      copyTree(ctx, from, to, options, true);
      if (options.has('v'))
        ctx.stdout.write(`'${source}' -> '${t.intoDir ? `${t.dest}/${baseName(source)}` : t.dest}'\n`);
    } catch (error) {
      const why = errorText(error);
      complain(
        ctx,
        'cp',
        `cannot create regular file '${t.dest}': ${why}`,
        `can't create '${t.dest}': ${why}`,
      );
      status = 1;
    }
  }
  return status;
};

export const mv: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'mv',
    options: [
      { key: 'f', short: 'f', long: 'force' },
      { key: 'n', short: 'n', long: 'no-clobber' },
      { key: 'i', short: 'i', long: 'interactive' },
      { key: 'v', short: 'v', long: 'verbose' },
      { key: 'T', short: 'T', long: 'no-target-directory' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const t = target(ctx, parsed.operands, 'mv');
  if (typeof t === 'number') return t;
  let status = 0;
  for (const source of t.sources) {
    const from = resolvePath(ctx.cwd, source);
    const shown = t.intoDir ? `${t.dest}/${baseName(source)}` : t.dest;
    const to = resolvePath(ctx.cwd, shown);
    const st = ctx.fs.lstat(from);
    if (!st) {
      complain(
        ctx,
        'mv',
        `cannot stat '${source}': No such file or directory`,
        `can't rename '${source}': No such file or directory`,
      );
      status = 1;
      continue;
    }
    if (parsed.options.has('n') && ctx.fs.lstat(to)) continue;
    if (st.kind === 'dir' && (to + '/').startsWith(from + '/') && to !== from) {
      complain(
        ctx,
        'mv',
        `cannot move '${source}' to a subdirectory of itself, '${shown}'`,
        `can't rename '${source}': Invalid argument`,
      );
      status = 1;
      continue;
    }
    try {
      const existing = ctx.fs.lstat(to);
      if (existing && existing.kind !== 'dir' && st.kind !== 'dir') ctx.fs.rm(to);
      ctx.fs.rename(from, to);
      if (parsed.options.has('v')) ctx.stdout.write(`renamed '${source}' -> '${shown}'\n`);
    } catch (error) {
      const why = errorText(error);
      complain(
        ctx,
        'mv',
        `cannot move '${source}' to '${shown}': ${why}`,
        `can't rename '${source}': ${why}`,
      );
      status = 1;
    }
  }
  return status;
};
