/**
 * head and tail (-n N, -c N, -NUM, -q, -v; tail -n +N, -f/-F). head reads stdin only
 * as far as it needs, so `yes | head -3` ends. `tail -f` prints the end of the file
 * and then polls it every second on the virtual clock, printing what was appended.
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { parseCommand, progName, variantOf } from '../support/command.ts';
import { complain } from '../support/fail.ts';
import { errorText, readAll, resolvePath } from '../support/io.ts';

const MULTIPLIERS: Record<string, number> = {
  '': 1,
  b: 512,
  k: 1024,
  K: 1024,
  m: 1048576,
  M: 1048576,
  kB: 1000,
  MB: 1000000,
};

function parseCount(text: string): { n: number; sign: string } | undefined {
  const m = /^([+-]?)(\d+)(b|k|K|m|M|kB|MB)?$/.exec(text);
  if (!m) return undefined;
  return { n: Number(m[2]) * MULTIPLIERS[m[3] ?? '']!, sign: m[1]! };
}

function badCount(ctx: ProcessContext, name: string, text: string, bytes: boolean): number {
  if (variantOf(ctx) === 'busybox') ctx.stderr.write(`${progName(ctx, name)}: invalid number '${text}'\n`);
  else
    ctx.stderr.write(`${progName(ctx, name)}: invalid number of ${bytes ? 'bytes' : 'lines'}: '${text}'\n`);
  return 1;
}

const OPTIONS = [
  { key: 'n', short: 'n', long: 'lines', arg: 'required' as const },
  { key: 'c', short: 'c', long: 'bytes', arg: 'required' as const },
  { key: 'q', short: 'q', long: 'quiet' },
  { key: 'q', long: 'silent' },
  { key: 'v', short: 'v', long: 'verbose' },
  { key: 'z', short: 'z', long: 'zero-terminated', gnuOnly: true },
];

/** Lines of text keeping their newlines, so a last line without one stays so. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

async function headOfStdin(ctx: ProcessContext, count: number, bytes: boolean): Promise<string> {
  let text = '';
  for (let chunk = await ctx.stdin.read(); chunk !== null; chunk = await ctx.stdin.read()) {
    text += chunk;
    if (bytes ? text.length >= count : (text.match(/\n/g)?.length ?? 0) >= count) break;
  }
  return text;
}

export const head: Program = async (ctx) => {
  const parsed = parseCommand(ctx, { name: 'head', options: OPTIONS, numberKey: 'n' });
  if (typeof parsed === 'number') return parsed;
  const { options } = parsed;
  const which = options.lastOf('n', 'c') ?? 'n';
  const text = options.last(which) ?? '10';
  const count = parseCount(text);
  if (!count) return badCount(ctx, 'head', text, which === 'c');
  const bytes = which === 'c';
  const allBut = count.sign === '-';
  const files = parsed.operands.length > 0 ? parsed.operands : ['-'];
  const headers = options.has('v') || (files.length > 1 && !options.has('q'));
  let status = 0;
  let first = true;
  for (const file of files) {
    let content: string;
    try {
      content =
        file === '-'
          ? allBut
            ? await readAll(ctx.stdin)
            : await headOfStdin(ctx, count.n, bytes)
          : ctx.fs.readFile(resolvePath(ctx.cwd, file));
    } catch (error) {
      const why = errorText(error);
      complain(ctx, 'head', `cannot open '${file}' for reading: ${why}`, `${file}: ${why}`);
      status = 1;
      continue;
    }
    if (headers) ctx.stdout.write(`${first ? '' : '\n'}==> ${file === '-' ? 'standard input' : file} <==\n`);
    first = false;
    if (bytes)
      ctx.stdout.write(
        allBut ? content.slice(0, Math.max(0, content.length - count.n)) : content.slice(0, count.n),
      );
    else {
      const lines = linesOf(content);
      ctx.stdout.write(
        (allBut ? lines.slice(0, Math.max(0, lines.length - count.n)) : lines.slice(0, count.n)).join(''),
      );
    }
  }
  return status;
};

function tailOf(content: string, count: { n: number; sign: string }, bytes: boolean): string {
  if (bytes)
    return count.sign === '+'
      ? content.slice(Math.max(0, count.n - 1))
      : content.slice(Math.max(0, content.length - count.n));
  const lines = linesOf(content);
  return (
    count.sign === '+'
      ? lines.slice(Math.max(0, count.n - 1))
      : lines.slice(Math.max(0, lines.length - count.n))
  ).join('');
}

export const tail: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'tail',
    options: [
      ...OPTIONS,
      { key: 'f', short: 'f', long: 'follow', arg: 'none' as const },
      { key: 'F', short: 'F' },
      { key: 's', short: 's', long: 'sleep-interval', arg: 'required' as const },
    ],
    numberKey: 'n',
  });
  if (typeof parsed === 'number') return parsed;
  const { options } = parsed;
  const busybox = variantOf(ctx) === 'busybox';
  const which = options.lastOf('n', 'c') ?? 'n';
  const text = options.last(which) ?? '10';
  const count = parseCount(text);
  if (!count) return badCount(ctx, 'tail', text, which === 'c');
  const bytes = which === 'c';
  const files = parsed.operands.length > 0 ? parsed.operands : ['-'];
  const headers = options.has('v') || (files.length > 1 && !options.has('q'));
  const follow = options.has('f') || options.has('F');
  let status = 0;
  let shown = 0;
  const sizes = new Map<string, number>();
  let lastHeader: string | undefined;
  for (const file of files) {
    let content: string;
    try {
      content = file === '-' ? await readAll(ctx.stdin) : ctx.fs.readFile(resolvePath(ctx.cwd, file));
    } catch (error) {
      const why = errorText(error);
      complain(ctx, 'tail', `cannot open '${file}' for reading: ${why}`, `can't open '${file}': ${why}`);
      status = 1;
      if (options.has('F') && file !== '-') sizes.set(file, -1);
      continue;
    }
    if (headers)
      ctx.stdout.write(`${shown === 0 ? '' : '\n'}==> ${file === '-' ? 'standard input' : file} <==\n`);
    lastHeader = file;
    shown++;
    ctx.stdout.write(tailOf(content, count, bytes));
    if (file !== '-') sizes.set(file, content.length);
  }
  if (busybox && shown === 0) {
    ctx.stderr.write(`${progName(ctx, 'tail')}: no files\n`);
    return 1;
  }
  if (!follow || sizes.size === 0) return status;
  const interval = Math.max(1, Math.round(Number(options.last('s') ?? 1) * 1000));
  for (;;) {
    await ctx.sleep(interval);
    for (const [file, size] of sizes) {
      const path = resolvePath(ctx.cwd, file);
      let content: string;
      try {
        content = ctx.fs.readFile(path);
      } catch {
        continue;
      }
      if (content.length === size) continue;
      if (content.length < size) {
        ctx.stderr.write(`${progName(ctx, 'tail')}: ${file}: file truncated\n`);
        sizes.set(file, 0);
        continue;
      }
      if (headers && lastHeader !== file) ctx.stdout.write(`\n==> ${file} <==\n`);
      lastHeader = file;
      ctx.stdout.write(content.slice(Math.max(size, 0)));
      sizes.set(file, content.length);
    }
  }
};
