/** md5sum, sha1sum, sha256sum: `HASH  NAME` lines, and -c to check a list. */
import type { Program } from '../../../process/types.ts';
import { sha256, utf8 } from '../../../images/sha256.ts';
import { parseCommand, progName } from '../support/command.ts';
import { complain } from '../support/fail.ts';
import { errorText, readOperand, splitLines } from '../support/io.ts';
import { md5, sha1 } from '../support/hashes.ts';

function makeSum(name: string, hash: (text: string) => string, length: number): Program {
  return async (ctx) => {
    const parsed = parseCommand(ctx, {
      name,
      options: [
        { key: 'c', short: 'c', long: 'check' },
        { key: 'b', short: 'b', long: 'binary' },
        { key: 't', short: 't', long: 'text' },
        { key: 'status', long: 'status' },
        { key: 'q', long: 'quiet' },
        { key: 'w', short: 'w', long: 'warn' },
      ],
    });
    if (typeof parsed === 'number') return parsed;
    const files = parsed.operands.length > 0 ? parsed.operands : ['-'];
    let status = 0;
    if (!parsed.options.has('c')) {
      for (const file of files) {
        try {
          ctx.stdout.write(`${hash(await readOperand(ctx, file))}  ${file}\n`);
        } catch (error) {
          complain(ctx, name, `${file}: ${errorText(error)}`);
          status = 1;
        }
      }
      return status;
    }
    let failed = 0;
    for (const list of files) {
      let text: string;
      try {
        text = await readOperand(ctx, list);
      } catch (error) {
        complain(ctx, name, `${list}: ${errorText(error)}`);
        return 1;
      }
      let checked = 0;
      for (const line of splitLines(text)) {
        const m = new RegExp(`^([0-9a-fA-F]{${length}}) [ *](.+)$`).exec(line);
        if (!m) continue;
        checked++;
        let ok: boolean;
        try {
          ok = hash(await readOperand(ctx, m[2]!)) === m[1]!.toLowerCase();
        } catch (error) {
          complain(ctx, name, `${m[2]}: ${errorText(error)}`);
          ok = false;
        }
        if (!ok) failed++;
        if (!parsed.options.has('status') && !(ok && parsed.options.has('q')))
          ctx.stdout.write(`${m[2]}: ${ok ? 'OK' : 'FAILED'}\n`);
      }
      if (checked === 0) {
        ctx.stderr.write(
          `${progName(ctx, name)}: ${list === '-' ? 'standard input' : list}: no properly formatted checksum lines found\n`,
        );
        return 1;
      }
    }
    if (failed > 0) {
      if (!parsed.options.has('status'))
        ctx.stderr.write(
          `${progName(ctx, name)}: WARNING: ${failed} computed checksum${failed === 1 ? '' : 's'} did NOT match\n`,
        );
      return 1;
    }
    return 0;
  };
}

export const md5sum = makeSum('md5sum', (t) => md5(utf8(t)), 32);
export const sha1sum = makeSum('sha1sum', (t) => sha1(utf8(t)), 40);
export const sha256sum = makeSum('sha256sum', (t) => sha256(t), 64);
