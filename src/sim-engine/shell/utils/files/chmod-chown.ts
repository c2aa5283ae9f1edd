/** chmod (-R, -v, octal and symbolic modes) and chown/chgrp (-R, USER[:GROUP], ids). */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { missingOperand, parseCommand } from '../support/command.ts';
import { complain } from '../support/fail.ts';
import { resolvePath } from '../support/io.ts';
import { applyMode } from '../support/mode.ts';
import { groupByName, userByName } from '../support/users.ts';

function walk(ctx: ProcessContext, path: string, recursive: boolean, visit: (path: string) => void): void {
  visit(path);
  if (!recursive || ctx.fs.lstat(path)?.kind !== 'dir') return;
  for (const name of ctx.fs.readdir(path)) walk(ctx, `${path === '/' ? '' : path}/${name}`, true, visit);
}

export const chmod: Program = async (ctx) => {
  const spec = {
    name: 'chmod',
    options: [
      { key: 'R', short: 'R', long: 'recursive' },
      { key: 'v', short: 'v', long: 'verbose' },
      { key: 'c', short: 'c', long: 'changes' },
      { key: 'f', short: 'f', long: 'silent' },
    ],
  };
  // `chmod -x file`: a mode that starts with '-' is not an option
  const args = ctx.argv.slice(1);
  const modeIndex = args.findIndex((a) => /^-[rwxXst]+$/.test(a));
  const parsed = parseCommand(ctx, spec, modeIndex >= 0 ? args.filter((_, i) => i !== modeIndex) : args);
  if (typeof parsed === 'number') return parsed;
  const operands = modeIndex >= 0 ? [args[modeIndex]!, ...parsed.operands] : parsed.operands;
  if (operands.length === 0) return missingOperand(ctx, spec);
  const [modeText, ...files] = operands as [string, ...string[]];
  if (files.length === 0) return missingOperand(ctx, spec, `missing operand after '${modeText}'`);
  if (applyMode(modeText, 0o644, false) === undefined) {
    complain(ctx, 'chmod', `invalid mode: '${modeText}'`, `invalid mode '${modeText}'`);
    if (ctx.variant !== 'busybox') ctx.stderr.write(`Try '${ctx.argv[0]} --help' for more information.\n`);
    return 1;
  }
  let status = 0;
  for (const name of files) {
    const path = resolvePath(ctx.cwd, name);
    if (!ctx.fs.stat(path)) {
      complain(
        ctx,
        'chmod',
        `cannot access '${name}': No such file or directory`,
        `${name}: No such file or directory`,
      );
      status = 1;
      continue;
    }
    walk(ctx, path, parsed.options.has('R'), (p) => {
      const st = ctx.fs.stat(p);
      if (!st || ctx.fs.lstat(p)?.kind === 'symlink') return;
      ctx.fs.chmod(p, applyMode(modeText, st.mode, st.kind === 'dir')!);
    });
  }
  return status;
};

function makeChown(name: 'chown' | 'chgrp'): Program {
  return async (ctx) => {
    const spec = {
      name,
      options: [
        { key: 'R', short: 'R', long: 'recursive' },
        { key: 'v', short: 'v', long: 'verbose' },
        { key: 'h', short: 'h', long: 'no-dereference' },
        { key: 'f', short: 'f', long: 'silent' },
      ],
    };
    const parsed = parseCommand(ctx, spec);
    if (typeof parsed === 'number') return parsed;
    const operands = parsed.operands;
    if (operands.length === 0) return missingOperand(ctx, spec);
    const [owner, ...files] = operands as [string, ...string[]];
    if (files.length === 0) return missingOperand(ctx, spec, `missing operand after '${owner}'`);
    let userPart: string | undefined;
    let groupPart: string | undefined;
    if (name === 'chgrp') groupPart = owner;
    else {
      const sep = owner.search(/[:.]/);
      userPart = sep < 0 ? owner : owner.slice(0, sep);
      groupPart = sep < 0 ? undefined : owner.slice(sep + 1);
    }
    let uid: number | undefined;
    let gid: number | undefined;
    if (userPart) {
      const user = userByName(ctx.fs, userPart);
      uid = user?.uid ?? (/^\d+$/.test(userPart) ? Number(userPart) : undefined);
      if (uid === undefined) {
        complain(ctx, name, `invalid user: '${owner}'`, `unknown user ${userPart}`);
        return 1;
      }
      // `user:` means the user's login group
      if (groupPart === '' && user) gid = user.gid;
    }
    if (groupPart) {
      gid = groupByName(ctx.fs, groupPart)?.gid ?? (/^\d+$/.test(groupPart) ? Number(groupPart) : undefined);
      if (gid === undefined) {
        complain(ctx, name, `invalid group: '${owner}'`, `unknown group ${groupPart}`);
        return 1;
      }
    }
    let status = 0;
    for (const file of files) {
      const path = resolvePath(ctx.cwd, file);
      if (!ctx.fs.stat(path)) {
        complain(
          ctx,
          name,
          `cannot access '${file}': No such file or directory`,
          `${file}: No such file or directory`,
        );
        status = 1;
        continue;
      }
      walk(ctx, path, parsed.options.has('R'), (p) => {
        const st = ctx.fs.stat(p);
        if (st) ctx.fs.chown(p, uid ?? st.uid, gid ?? st.gid);
      });
    }
    return status;
  };
}

export const chown = makeChown('chown');
export const chgrp = makeChown('chgrp');
