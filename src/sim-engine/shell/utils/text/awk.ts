/**
 * awk: mawk (Debian and Ubuntu's awk) and BusyBox awk. A real interpreter for the
 * POSIX language — patterns and ranges, fields, arrays, user functions, printf,
 * the string and math built-ins, output to files — with -F, -v and -f.
 *
 * Differs from awk: no pipes (`print | "cmd"`, `"cmd" | getline`), no system(), and
 * plain `getline` from the main input is not supported (`getline < file` is).
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { busyboxUsage, progName, variantOf } from '../support/command.ts';
import { errorText, readLines, resolvePath } from '../support/io.ts';
import { expandEscapes } from './escapes.ts';
import { AwkRuntimeError, Exit, Interpreter } from './awk/interp.ts';
import { AwkSyntaxError } from './awk/lexer.ts';
import { parseAwk } from './awk/parser.ts';
import { strnum } from './awk/values.ts';

function usage(ctx: ProcessContext): number {
  if (variantOf(ctx) === 'busybox') return busyboxUsage(ctx, 'awk');
  ctx.stderr.write(
    `usage: ${progName(ctx, 'awk')} [-F value] [-v var=value] [--] 'program text' [file ...]\nusage: ${progName(ctx, 'awk')} [-F value] [-v var=value] [-f program-file] [--] [file ...]\n`,
  );
  return 2;
}

export const awk: Program = async (ctx) => {
  const busybox = variantOf(ctx) === 'busybox';
  const prog = progName(ctx, 'awk').replace(/^.*\//, '');
  const args = ctx.argv.slice(1);
  let fs: string | undefined;
  const assigns: string[] = [];
  let source: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a === '-' || !a.startsWith('-')) break;
    const take = () => (a.length > 2 ? a.slice(2) : args[++i]);
    if (a.startsWith('-F')) fs = take();
    else if (a.startsWith('-v')) assigns.push(take() ?? '');
    else if (a.startsWith('-f')) {
      const file = take() ?? '';
      try {
        source = (source ?? '') + ctx.fs.readFile(resolvePath(ctx.cwd, file)) + '\n';
      } catch (error) {
        ctx.stderr.write(
          busybox ? `${prog}: ${file}: ${errorText(error)}\n` : `${prog}: couldn't open file ${file}\n`,
        );
        return 2;
      }
    } else if (a === '--version' || a === '-W') {
      ctx.stdout.write(
        busybox
          ? ''
          : 'mawk 1.3.4 20250131\nCopyright 2008-2024,2025, Thomas E. Dickey\nCopyright 1991-1996,2014, Michael D. Brennan\n\n',
      );
      return 0;
    } else {
      ctx.stderr.write(
        busybox ? `${prog}: unrecognized option: ${a.slice(1, 2)}\n` : `${prog}: not an option: ${a}\n`,
      );
      return busybox ? busyboxUsage(ctx, 'awk') : 2;
    }
  }
  if (source === undefined) {
    if (i >= args.length) return usage(ctx);
    source = args[i++]!;
  }
  const operands = args.slice(i);
  let program;
  try {
    program = parseAwk(source);
  } catch (error) {
    if (!(error instanceof AwkSyntaxError)) throw error;
    const text =
      error.near === 'end of file'
        ? `line ${error.line + 1}: missing } near end of file`
        : `line ${error.line}: syntax error at or near ${error.near}`;
    ctx.stderr.write(busybox ? `${prog}: cmd. line:${error.line}: Unexpected token\n` : `${prog}: ${text}\n`);
    return busybox ? 1 : 2;
  }
  let out = '';
  const interp = new Interpreter(
    program,
    {
      fs: ctx.fs,
      resolve: (p) => resolvePath(ctx.cwd, p),
      write: (text) => {
        out += text;
      },
      random: () => ctx.random(),
    },
    { strictDivision: busybox },
  );
  const flush = () => {
    if (out) ctx.stdout.write(out);
    out = '';
  };
  const assign = (text: string): boolean => {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(text);
    if (!m) return false;
    interp.set(m[1]!, strnum(expandEscapes(m[2]!, 'printf').text));
    return true;
  };
  if (fs !== undefined) interp.set('FS', fs === 't' ? '\t' : expandEscapes(fs, 'printf').text);
  const environ = interp.array('ENVIRON');
  for (const [k, v] of ctx.env) environ.set(k, strnum(v));
  const argv = interp.array('ARGV');
  argv.set('0', 'awk');
  operands.forEach((o, k) => argv.set(String(k + 1), strnum(o)));
  interp.set('ARGC', operands.length + 1);
  for (const a of assigns) {
    if (!assign(a)) {
      ctx.stderr.write(
        busybox ? `${prog}: -v: bad assignment ${a}\n` : `${prog}: improper assignment: -v ${a}\n`,
      );
      return 2;
    }
  }
  let status = 0;
  const fail = (error: unknown): number => {
    flush();
    if (error instanceof Exit) return error.code;
    if (error instanceof AwkRuntimeError) {
      ctx.stderr.write(
        busybox
          ? `${prog}: cmd. line:1: ${error.message}\n`
          : `${prog}: run time error: ${error.message}\n\tFILENAME="${interp.get('FILENAME') as string}" FNR=${String(interp.get('FNR'))} NR=${String(interp.get('NR'))}\n`,
      );
      return 2;
    }
    throw error;
  };
  try {
    interp.runBegin();
  } catch (error) {
    const code = fail(error);
    if (!(error instanceof Exit)) return code;
    try {
      interp.runEnd();
    } catch (e) {
      return fail(e);
    }
    flush();
    return code;
  }
  flush();
  const onlyBegin = !interp.hasMain;
  let ending = false;
  try {
    if (!onlyBegin) {
      const files = operands.filter((o) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(o));
      const inputs = files.length > 0 ? operands : [...operands, '-'];
      for (const input of inputs) {
        if (assign(input)) continue;
        interp.set('FILENAME', input === '-' ? '' : input);
        interp.vars.set('FNR', 0);
        let lines: AsyncIterable<{ line: string }> | Iterable<{ line: string }>;
        if (input === '-' || input === '/dev/stdin') lines = readLines(ctx.stdin);
        else {
          try {
            const text = ctx.fs.readFile(resolvePath(ctx.cwd, input));
            lines = text
              .split('\n')
              .slice(0, text.endsWith('\n') ? -1 : undefined)
              .map((line) => ({ line }));
          } catch (error) {
            flush();
            ctx.stderr.write(
              busybox
                ? `${prog}: ${input}: ${errorText(error)}\n`
                : `${prog}: cannot open ${input} (${errorText(error)})\n`,
            );
            status = busybox ? 1 : 2;
            if (!busybox) return status;
            continue;
          }
        }
        for await (const { line } of lines) {
          const r = interp.runRecord(line);
          flush();
          if (r === 'nextfile') break;
        }
      }
    }
    ending = true;
    interp.runEnd();
  } catch (error) {
    const code = fail(error);
    if (error instanceof Exit && !ending) {
      try {
        interp.runEnd();
      } catch (e) {
        return fail(e);
      }
    }
    flush();
    return code;
  }
  flush();
  return status;
};
