/**
 * stat: the default multi-line report (GNU and BusyBox) and -c/--format with the
 * common directives. Inode and device numbers are derived from the path, stable
 * across runs; atime and ctime are the mtime (the simulation keeps one time).
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import type { Stat } from '../../../fs/types.ts';
import { missingOperand, parseCommand, variantOf } from '../support/command.ts';
import { complain } from '../support/fail.ts';
import { resolvePath } from '../support/io.ts';
import { blocksOf } from '../support/sizes.ts';
import { strftime } from '../support/time.ts';
import { groupLabel, userLabel } from '../support/users.ts';
import { modeString } from './ls-format.ts';

function inodeOf(path: string): number {
  let h = 2166136261;
  for (const ch of path) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return 100000 + (h % 9000000);
}

function kindText(st: Stat): string {
  if (st.kind === 'dir') return 'directory';
  if (st.kind === 'symlink') return 'symbolic link';
  return st.size === 0 ? 'regular empty file' : 'regular file';
}

function timeText(ms: number): string {
  const whole = Math.floor(ms / 1000) * 1000;
  return `${strftime('%Y-%m-%d %H:%M:%S', whole)}.${String((ms - whole) * 1000000).padStart(9, '0')} +0000`;
}

function directive(ctx: ProcessContext, ch: string, name: string, path: string, st: Stat): string {
  switch (ch) {
    case 'n':
      return name;
    case 'N':
      return st.kind === 'symlink' ? `'${name}' -> '${st.target}'` : `'${name}'`;
    case 's':
      return String(st.size);
    case 'a':
      return (st.mode & 0o7777).toString(8);
    case 'A':
      return modeString(st);
    case 'u':
      return String(st.uid);
    case 'g':
      return String(st.gid);
    case 'U':
      return userLabel(ctx.fs, st.uid);
    case 'G':
      return groupLabel(ctx.fs, st.gid);
    case 'F':
      return kindText(st);
    case 'i':
      return String(inodeOf(path));
    case 'h':
      return '1';
    case 'b':
      return String(blocksOf(st.size, st.kind) * 2);
    case 'B':
      return '512';
    case 'o':
      return '4096';
    case 'x':
    case 'y':
    case 'z':
    case 'w':
      return timeText(st.mtime);
    case 'X':
    case 'Y':
    case 'Z':
    case 'W':
      return String(Math.floor(st.mtime / 1000));
    case '%':
      return '%';
    default:
      return '?';
  }
}

export const stat: Program = async (ctx) => {
  const spec = {
    name: 'stat',
    options: [
      { key: 'c', short: 'c', long: 'format', arg: 'required' as const },
      { key: 'printf', long: 'printf', arg: 'required' as const },
      { key: 'L', short: 'L', long: 'dereference' },
      { key: 't', short: 't', long: 'terse' },
    ],
  };
  const parsed = parseCommand(ctx, spec);
  if (typeof parsed === 'number') return parsed;
  const { options, operands } = parsed;
  if (operands.length === 0) return missingOperand(ctx, spec);
  const busybox = variantOf(ctx) === 'busybox';
  let status = 0;
  for (const name of operands) {
    const path = resolvePath(ctx.cwd, name);
    const st = options.has('L') ? ctx.fs.stat(path) : ctx.fs.lstat(path);
    if (!st) {
      complain(
        ctx,
        'stat',
        `cannot statx '${name}': No such file or directory`,
        `can't stat '${name}': No such file or directory`,
      );
      status = 1;
      continue;
    }
    const format = options.last('c') ?? options.last('printf');
    if (format !== undefined) {
      const text = format.replace(/%(.)/g, (_, ch: string) => directive(ctx, ch, name, path, st));
      ctx.stdout.write(options.has('c') ? `${text}\n` : text);
      continue;
    }
    const d = (ch: string) => directive(ctx, ch, name, path, st);
    const lines = [
      `  File: ${st.kind === 'symlink' ? `${name} -> ${st.target}` : name}`,
      `  Size: ${d('s').padEnd(10)}\tBlocks: ${d('b').padEnd(10)} IO Block: 4096   ${kindText(st)}`,
      `Device: ${busybox ? '3ah/58d' : '0,58'}\tInode: ${d('i').padEnd(11)} Links: ${st.kind === 'dir' ? 2 : 1}`,
      `Access: (${(st.mode & 0o7777).toString(8).padStart(4, '0')}/${modeString(st)})  Uid: (${String(st.uid).padStart(5)}/${d('U').padStart(8)})   Gid: (${String(st.gid).padStart(5)}/${d('G').padStart(8)})`,
      `Access: ${timeText(st.mtime)}`,
      `Modify: ${timeText(st.mtime)}`,
      `Change: ${timeText(st.mtime)}`,
    ];
    if (!busybox) lines.push(` Birth: ${timeText(st.mtime)}`);
    ctx.stdout.write(lines.join('\n') + '\n');
  }
  return status;
};
