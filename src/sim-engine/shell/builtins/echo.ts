/**
 * `echo`. bash and BusyBox take -n, -e and -E (combined, as `-ne`) and interpret
 * escapes only with -e; dash takes only -n and always interprets escapes (`\c` ends
 * the output there).
 */
import { decodeEscapes } from '../ansi-c.ts';
import { writeOut, type Builtin } from './types.ts';

export const echo: Builtin = {
  run(call) {
    const dialect = call.sh.dialect;
    const args = call.argv.slice(1);
    let newline = true;
    let escapes = dialect.echoAlwaysEscapes;
    let i = 0;
    if (dialect.name === 'dash') {
      if (args[0] === '-n') {
        newline = false;
        i = 1;
      }
    } else {
      for (; i < args.length && /^-[neE]+$/.test(args[i]!); i++) {
        for (const c of args[i]!.slice(1)) {
          if (c === 'n') newline = false;
          else escapes = c === 'e';
        }
      }
    }
    let text = args.slice(i).join(' ');
    if (escapes) {
      const d = decodeEscapes(text, {
        octalAfterZero: dialect.name === 'dash' ? 'either' : true,
        hex: dialect.name !== 'dash',
        unicode: dialect.name === 'bash',
        stopAtC: true,
        controlX: false,
        quotes: false,
        escapeE: dialect.name !== 'dash',
      });
      text = d.text;
      if (d.stopped) newline = false;
    }
    return writeOut(call, newline ? text + '\n' : text) ? 0 : 1;
  },
};
