/**
 * cat: copies files (or stdin, or `-`) to stdout as they come, so `cat` in a
 * terminal echoes each line; -n numbers lines, -b numbers non-blank ones, -E marks
 * ends with `$`, -s squeezes blank lines, -A/-e/-v show control characters.
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { parseCommand } from '../support/command.ts';
import { complain } from '../support/fail.ts';
import type { Options } from '../support/getopt.ts';
import { errorText, resolvePath } from '../support/io.ts';

function showNonPrinting(text: string, tabs: boolean): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (ch === '\n' || (ch === '\t' && !tabs)) out += ch;
    else if (c < 32) out += '^' + String.fromCharCode(c + 64);
    else if (c === 127) out += '^?';
    else out += ch;
  }
  return out;
}

class Numberer {
  line = 1;
  atStart = true;
  blankRun = 0;
  readonly o: Options;
  constructor(o: Options) {
    this.o = o;
  }
  /** Transform a chunk; keeps state across chunks and files, as GNU cat does. */
  transform(chunk: string): string {
    const o = this.o;
    const number = o.has('n') || o.has('b');
    const ends = o.has('E') || o.has('A') || o.has('e');
    const nonPrinting = o.has('v') || o.has('A') || o.has('e') || o.has('t');
    const tabs = o.has('T') || o.has('A') || o.has('t');
    if (!number && !ends && !nonPrinting && !tabs && !o.has('s')) return chunk;
    let out = '';
    const parts = chunk.split('\n');
    parts.forEach((part, i) => {
      const complete = i < parts.length - 1;
      if (part === '' && !complete) return;
      if (this.atStart) {
        const blank = part === '' && complete;
        this.blankRun = blank ? this.blankRun + 1 : 0;
        if (o.has('s') && this.blankRun > 1) return;
        if (number && !(o.has('b') && blank)) out += `${String(this.line++).padStart(6)}\t`;
      }
      out += nonPrinting || tabs ? showNonPrinting(part, tabs) : part;
      if (complete) out += ends ? '$\n' : '\n';
      this.atStart = complete;
    });
    return out;
  }
}

async function copyStdin(ctx: ProcessContext, numberer: Numberer): Promise<void> {
  for (let chunk = await ctx.stdin.read(); chunk !== null; chunk = await ctx.stdin.read()) {
    ctx.stdout.write(numberer.transform(chunk));
  }
}

export const cat: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'cat',
    options: [
      { key: 'n', short: 'n', long: 'number' },
      { key: 'b', short: 'b', long: 'number-nonblank' },
      { key: 'E', short: 'E', long: 'show-ends', gnuOnly: true },
      { key: 's', short: 's', long: 'squeeze-blank', gnuOnly: true },
      { key: 'A', short: 'A', long: 'show-all' },
      { key: 'e', short: 'e' },
      { key: 't', short: 't' },
      { key: 'T', short: 'T', long: 'show-tabs', gnuOnly: true },
      { key: 'v', short: 'v', long: 'show-nonprinting' },
      { key: 'u', short: 'u' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const numberer = new Numberer(parsed.options);
  const operands = parsed.operands.length > 0 ? parsed.operands : ['-'];
  let status = 0;
  for (const operand of operands) {
    if (operand === '-') {
      await copyStdin(ctx, numberer);
      continue;
    }
    const path = resolvePath(ctx.cwd, operand);
    const st = ctx.fs.stat(path);
    if (st?.kind === 'dir') {
      complain(ctx, 'cat', `${operand}: Is a directory`, 'read error: Is a directory');
      status = 1;
      continue;
    }
    try {
      ctx.stdout.write(numberer.transform(ctx.fs.readFile(path)));
    } catch (error) {
      const why = errorText(error);
      complain(ctx, 'cat', `${operand}: ${why}`, `can't open '${operand}': ${why}`);
      status = 1;
    }
  }
  return status;
};
