/**
 * wc (-l -w -c -m -L). GNU pads every count to the width of the largest file size
 * (at least 7 for a pipe) unless only one count of one input is printed; BusyBox
 * pads to 9.
 */
import type { Program } from '../../../process/types.ts';
import { parseCommand, variantOf } from '../support/command.ts';
import { complain } from '../support/fail.ts';
import { errorText, readAll, resolvePath } from '../support/io.ts';

/** Bytes of the UTF-8 encoding, as wc -c counts them. */
export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

export const wc: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'wc',
    options: [
      { key: 'l', short: 'l', long: 'lines' },
      { key: 'w', short: 'w', long: 'words' },
      { key: 'c', short: 'c', long: 'bytes' },
      { key: 'm', short: 'm', long: 'chars' },
      { key: 'L', short: 'L', long: 'max-line-length' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const o = parsed.options;
  let keys = ['l', 'w', 'm', 'c', 'L'].filter((k) => o.has(k));
  if (keys.length === 0) keys = ['l', 'w', 'c'];
  const files = parsed.operands.length > 0 ? parsed.operands : ['-'];
  const busybox = variantOf(ctx) === 'busybox';
  let status = 0;
  const rows: { counts: number[]; name: string }[] = [];
  let pipe = false;
  let totalBytes = 0;
  for (const file of files) {
    let text: string;
    try {
      if (file === '-') {
        pipe = true;
        text = await readAll(ctx.stdin);
      } else {
        const path = resolvePath(ctx.cwd, file);
        if (ctx.fs.stat(path)?.kind === 'dir') {
          complain(ctx, 'wc', `${file}: Is a directory`, `${file}: Is a directory`);
          rows.push({ counts: keys.map(() => 0), name: file });
          status = 1;
          continue;
        }
        text = ctx.fs.readFile(path);
      }
    } catch (error) {
      complain(ctx, 'wc', `${file}: ${errorText(error)}`);
      status = 1;
      continue;
    }
    const bytes = utf8Length(text);
    totalBytes += bytes;
    const value: Record<string, number> = {
      l: text.match(/\n/g)?.length ?? 0,
      w: text.split(/\s+/).filter((w) => w !== '').length,
      c: bytes,
      m: [...text].length,
      L: Math.max(0, ...text.split('\n').map((l) => l.length)),
    };
    rows.push({
      counts: keys.map((k) => value[k]!),
      name: file === '-' && parsed.operands.length === 0 ? '' : file,
    });
  }
  if (rows.length > 1) {
    rows.push({ counts: keys.map((_, i) => rows.reduce((s, r) => s + r.counts[i]!, 0)), name: 'total' });
  }
  let width: number;
  if (keys.length === 1 && rows.length === 1) width = 1;
  else if (busybox) width = 9;
  else {
    width = Math.max(pipe ? 7 : 1, String(totalBytes).length);
  }
  ctx.stdout.write(
    rows
      .map(
        (r) => r.counts.map((n) => String(n).padStart(width)).join(' ') + (r.name ? ` ${r.name}` : '') + '\n',
      )
      .join(''),
  );
  return status;
};
