/** readlink (-f -e -m -n), realpath (-e -m -s), mktemp (-d -u -p, TEMPLATE), unlink, truncate -s, sync. */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { missingOperand, parseCommand, progName, variantOf } from '../support/command.ts';
import { complain } from '../support/fail.ts';
import { errorText, resolvePath } from '../support/io.ts';

/** Canonical path: symlinks resolved; `mustExist` all parts, else all but the last may be missing. */
function canonical(ctx: ProcessContext, name: string, mode: 'e' | 'f' | 'm'): string | undefined {
  const path = resolvePath(ctx.cwd, name);
  try {
    return ctx.fs.realpath(path);
  } catch {
    if (mode === 'e') return undefined;
    const slash = path.lastIndexOf('/');
    const parent = path.slice(0, slash) || '/';
    const base = path.slice(slash + 1);
    if (mode === 'm') {
      const p = canonical(ctx, parent, 'm');
      return p === undefined ? undefined : p === '/' ? `/${base}` : `${p}/${base}`;
    }
    try {
      const p = ctx.fs.realpath(parent);
      if (ctx.fs.stat(p)?.kind !== 'dir') return undefined;
      return p === '/' ? `/${base}` : `${p}/${base}`;
    } catch {
      return undefined;
    }
  }
}

export const readlink: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'readlink',
    options: [
      { key: 'f', short: 'f', long: 'canonicalize' },
      { key: 'e', short: 'e', long: 'canonicalize-existing' },
      { key: 'm', short: 'm', long: 'canonicalize-missing' },
      { key: 'n', short: 'n', long: 'no-newline' },
      { key: 'q', short: 'q', long: 'quiet' },
      { key: 's', short: 's', long: 'silent' },
      { key: 'v', short: 'v', long: 'verbose' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const o = parsed.options;
  if (parsed.operands.length === 0) return missingOperand(ctx, { name: 'readlink', options: [] });
  const mode = o.lastOf('f', 'e', 'm') as 'f' | 'e' | 'm' | undefined;
  let status = 0;
  const end = o.has('n') ? '' : '\n';
  for (const name of parsed.operands) {
    const out = mode
      ? canonical(ctx, name, mode)
      : (() => {
          try {
            return ctx.fs.readlink(resolvePath(ctx.cwd, name));
          } catch {
            return undefined;
          }
        })();
    if (out === undefined) status = 1;
    else ctx.stdout.write(out + end);
  }
  return status;
};

export const realpath: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'realpath',
    options: [
      { key: 'e', short: 'e', long: 'canonicalize-existing' },
      { key: 'm', short: 'm', long: 'canonicalize-missing' },
      { key: 's', short: 's', long: 'no-symlinks' },
      { key: 'q', short: 'q', long: 'quiet' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const o = parsed.options;
  if (parsed.operands.length === 0) return missingOperand(ctx, { name: 'realpath', options: [] });
  let status = 0;
  for (const name of parsed.operands) {
    const out = o.has('s')
      ? resolvePath(ctx.cwd, name)
      : canonical(ctx, name, o.has('e') ? 'e' : o.has('m') ? 'm' : 'f');
    if (out === undefined) {
      if (!o.has('q')) complain(ctx, 'realpath', `${name}: No such file or directory`);
      status = 1;
    } else ctx.stdout.write(out + '\n');
  }
  return status;
};

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export const mktemp: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'mktemp',
    options: [
      { key: 'd', short: 'd', long: 'directory' },
      { key: 'u', short: 'u', long: 'dry-run' },
      { key: 'q', short: 'q', long: 'quiet' },
      { key: 'p', short: 'p', long: 'tmpdir', arg: 'optional' },
      { key: 't', short: 't' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const o = parsed.options;
  const busybox = variantOf(ctx) === 'busybox';
  let template = parsed.operands[0] ?? 'tmp.XXXXXXXXXX';
  if (busybox && parsed.operands.length === 0) template = 'tmp.XXXXXX';
  const xs = /X{3,}$/.exec(template);
  if (!xs) {
    complain(ctx, 'mktemp', `too few X's in template '${template}'`, 'Invalid argument');
    return 1;
  }
  const dir = o.has('p')
    ? (o.last('p') ?? ctx.env.get('TMPDIR') ?? '/tmp')
    : template.includes('/') && !o.has('t')
      ? ''
      : (ctx.env.get('TMPDIR') ?? '/tmp');
  for (let attempt = 0; attempt < 100; attempt++) {
    let suffix = '';
    for (let i = 0; i < xs[0].length; i++) suffix += ALNUM[Math.floor(ctx.random() * ALNUM.length)];
    const name = (dir ? `${dir.replace(/\/$/, '')}/` : '') + template.slice(0, -xs[0].length) + suffix;
    const path = resolvePath(ctx.cwd, name);
    if (ctx.fs.lstat(path)) continue;
    try {
      if (!o.has('u')) {
        if (o.has('d')) ctx.fs.mkdir(path, { mode: 0o700, uid: ctx.user.uid, gid: ctx.user.gid });
        else ctx.fs.writeFile(path, '', { mode: 0o600, uid: ctx.user.uid, gid: ctx.user.gid });
      }
    } catch (error) {
      if (!o.has('q'))
        complain(
          ctx,
          'mktemp',
          `failed to create ${o.has('d') ? 'directory' : 'file'} via template '${name.slice(0, -suffix.length)}${xs[0]}': ${errorText(error)}`,
          `${errorText(error)}`,
        );
      return 1;
    }
    ctx.stdout.write(name + '\n');
    return 0;
  }
  return 1;
};

export const unlink: Program = async (ctx) => {
  const parsed = parseCommand(ctx, { name: 'unlink', options: [] });
  if (typeof parsed === 'number') return parsed;
  const name = parsed.operands[0];
  if (name === undefined) return missingOperand(ctx, { name: 'unlink', options: [] });
  const path = resolvePath(ctx.cwd, name);
  const st = ctx.fs.lstat(path);
  if (!st || st.kind === 'dir') {
    complain(
      ctx,
      'unlink',
      `cannot unlink '${name}': ${st ? 'Is a directory' : 'No such file or directory'}`,
    );
    return 1;
  }
  ctx.fs.rm(path);
  return 0;
};

export const truncate: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'truncate',
    options: [
      { key: 's', short: 's', long: 'size', arg: 'required' },
      { key: 'c', short: 'c', long: 'no-create' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const size = parsed.options.last('s');
  if (size === undefined) {
    complain(ctx, 'truncate', 'you must specify either --size or --reference');
    if (variantOf(ctx) === 'gnu')
      ctx.stderr.write(`Try '${progName(ctx, 'truncate')} --help' for more information.\n`);
    return 1;
  }
  const m = /^([+-]?)(\d+)([KMG]?)$/.exec(size);
  if (!m) {
    complain(ctx, 'truncate', `Invalid number: '${size}'`, `invalid number '${size}'`);
    return 1;
  }
  const n = Number(m[2]) * ({ '': 1, K: 1024, M: 1048576, G: 1073741824 } as Record<string, number>)[m[3]!]!;
  for (const name of parsed.operands) {
    const path = resolvePath(ctx.cwd, name);
    let text = '';
    try {
      text = ctx.fs.readFile(path);
    } catch {
      if (parsed.options.has('c')) continue;
    }
    const target = m[1] === '+' ? text.length + n : m[1] === '-' ? Math.max(0, text.length - n) : n;
    ctx.fs.writeFile(
      path,
      target <= text.length
        ? text.slice(0, target)
        : text + '\0'.repeat(Math.min(target - text.length, 1 << 20)),
      { size: target },
    );
  }
  return 0;
};

export const sync: Program = async () => 0;
