/** tac, rev, nl (-b a|t, -w, -s), paste (-d, -s), base64 (-d, -w), od (-c, -A, -t x1/o1/c). */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { parseCommand } from '../support/command.ts';
import { complain } from '../support/fail.ts';
import { errorText, readOperand, splitLines } from '../support/io.ts';
import { base64 as encode64 } from '../net/url.ts';

async function inputs(
  ctx: ProcessContext,
  operands: string[],
  name: string,
): Promise<{ texts: string[]; status: number }> {
  const texts: string[] = [];
  let status = 0;
  for (const file of operands.length > 0 ? operands : ['-']) {
    try {
      texts.push(await readOperand(ctx, file));
    } catch (error) {
      complain(ctx, name, `${file}: ${errorText(error)}`, `can't open '${file}': ${errorText(error)}`);
      status = 1;
    }
  }
  return { texts, status };
}

export const tac: Program = async (ctx) => {
  const parsed = parseCommand(ctx, { name: 'tac', options: [] });
  if (typeof parsed === 'number') return parsed;
  const { texts, status } = await inputs(ctx, parsed.operands, 'tac');
  for (const t of texts)
    ctx.stdout.write(
      splitLines(t)
        .reverse()
        .map((l) => l + '\n')
        .join(''),
    );
  return status;
};

export const rev: Program = async (ctx) => {
  const { texts, status } = await inputs(ctx, ctx.argv.slice(1), 'rev');
  for (const t of texts)
    ctx.stdout.write(
      splitLines(t)
        .map((l) => [...l].reverse().join('') + '\n')
        .join(''),
    );
  return status;
};

export const nl: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'nl',
    options: [
      { key: 'b', short: 'b', long: 'body-numbering', arg: 'required' },
      { key: 'w', short: 'w', long: 'number-width', arg: 'required' },
      { key: 's', short: 's', long: 'number-separator', arg: 'required' },
      { key: 'v', short: 'v', long: 'starting-line-number', arg: 'required' },
      { key: 'i', short: 'i', long: 'line-increment', arg: 'required' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const o = parsed.options;
  const { texts, status } = await inputs(ctx, parsed.operands, 'nl');
  const style = o.last('b') ?? 't';
  const width = Number(o.last('w') ?? 6);
  const sep = o.last('s') ?? '\t';
  let n = Number(o.last('v') ?? 1);
  const inc = Number(o.last('i') ?? 1);
  let out = '';
  for (const t of texts) {
    for (const line of splitLines(t)) {
      if (style === 'a' || (style === 't' && line !== '')) {
        out += `${String(n).padStart(width)}${sep}${line}\n`;
        n += inc;
      } else out += `${' '.repeat(width + sep.length)}${line}\n`;
    }
  }
  ctx.stdout.write(out);
  return status;
};

export const paste: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'paste',
    options: [
      { key: 'd', short: 'd', long: 'delimiters', arg: 'required' },
      { key: 's', short: 's', long: 'serial' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const delims = [...(parsed.options.last('d') ?? '\t').replace(/\\t/g, '\t').replace(/\\n/g, '\n')];
  const { texts, status } = await inputs(ctx, parsed.operands, 'paste');
  const files = texts.map(splitLines);
  const d = (i: number) => delims[i % delims.length] ?? '';
  if (parsed.options.has('s')) {
    for (const lines of files)
      ctx.stdout.write(lines.reduce((acc, l, i) => (i === 0 ? l : acc + d(i - 1) + l), '') + '\n');
    return status;
  }
  const rows = Math.max(0, ...files.map((f) => f.length));
  for (let r = 0; r < rows; r++)
    ctx.stdout.write(
      files.reduce((acc, f, i) => (i === 0 ? (f[r] ?? '') : acc + d(i - 1) + (f[r] ?? '')), '') + '\n',
    );
  return status;
};

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decode64(text: string): string | undefined {
  const clean = text.replace(/[\s]/g, '');
  if (/[^A-Za-z0-9+/=]/.test(clean)) return undefined;
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean.replace(/=+$/, '')) {
    value = (value << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 255);
    }
  }
  // the bytes are UTF-8; decode them back to text
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    let cp = len === 1 ? b : b & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) cp = (cp << 6) | ((bytes[i + k] ?? 0) & 63);
    out += String.fromCodePoint(cp);
    i += len;
  }
  return out;
}

export const base64: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'base64',
    options: [
      { key: 'd', short: 'd', long: 'decode' },
      { key: 'w', short: 'w', long: 'wrap', arg: 'required' },
      { key: 'i', short: 'i', long: 'ignore-garbage' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const { texts, status } = await inputs(ctx, parsed.operands.slice(0, 1), 'base64');
  const text = texts.join('');
  if (parsed.options.has('d')) {
    const out = decode64(text);
    if (out === undefined) {
      complain(ctx, 'base64', 'invalid input', 'invalid input');
      return 1;
    }
    ctx.stdout.write(out);
    return status;
  }
  const wrap = Number(parsed.options.last('w') ?? 76);
  const encoded = encode64(text);
  const lines = wrap > 0 ? (encoded.match(new RegExp(`.{1,${wrap}}`, 'g')) ?? []) : [encoded];
  ctx.stdout.write(lines.length > 0 ? lines.join('\n') + '\n' : '');
  return status;
};

const NAMED: Record<number, string> = {
  0: '\\0',
  7: '\\a',
  8: '\\b',
  9: '\\t',
  10: '\\n',
  11: '\\v',
  12: '\\f',
  13: '\\r',
};

export const od: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'od',
    options: [
      { key: 'c', short: 'c' },
      { key: 'A', short: 'A', long: 'address-radix', arg: 'required' },
      { key: 't', short: 't', long: 'format', arg: 'required' },
      { key: 'x', short: 'x' },
      { key: 'v', short: 'v' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const o = parsed.options;
  const { texts, status } = await inputs(ctx, parsed.operands, 'od');
  const bytes = [...new TextEncoderLike().encode(texts.join(''))];
  const type = o.has('c') ? 'c' : (o.last('t') ?? (o.has('x') ? 'x2' : 'o2'));
  const radix = o.last('A') ?? 'o';
  const addr = (n: number) =>
    radix === 'n'
      ? ''
      : radix === 'x'
        ? n.toString(16).padStart(6, '0')
        : radix === 'd'
          ? String(n).padStart(7, '0')
          : n.toString(8).padStart(7, '0');
  const cell = (b: number): string => {
    if (type === 'c')
      return (
        NAMED[b] ?? (b >= 32 && b < 127 ? String.fromCharCode(b) : b.toString(8).padStart(3, '0'))
      ).padStart(4);
    if (type === 'x1') return ' ' + b.toString(16).padStart(2, '0');
    if (type === 'o1') return ' ' + b.toString(8).padStart(3, '0');
    if (type === 'd1' || type === 'u1') return String(b).padStart(4);
    return '';
  };
  let out = '';
  if (type === 'c' || type.endsWith('1')) {
    for (let i = 0; i < bytes.length; i += 16)
      out +=
        addr(i) +
        bytes
          .slice(i, i + 16)
          .map(cell)
          .join('') +
        '\n';
  } else {
    // two-byte words, little-endian, as od's default -o2 and -x
    for (let i = 0; i < bytes.length; i += 16) {
      let line = addr(i);
      for (let j = i; j < Math.min(i + 16, bytes.length); j += 2) {
        const w = bytes[j]! | ((bytes[j + 1] ?? 0) << 8);
        line += type.startsWith('x')
          ? ' ' + w.toString(16).padStart(4, '0')
          : ' ' + w.toString(8).padStart(6, '0');
      }
      out += line + '\n';
    }
  }
  if (radix !== 'n') out += addr(bytes.length) + '\n';
  ctx.stdout.write(out);
  return status;
};

/** UTF-8 bytes of a string (no TextEncoder in the engine's lib). */
class TextEncoderLike {
  encode(text: string): number[] {
    const out: number[] = [];
    for (const ch of text) {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return out;
  }
}
