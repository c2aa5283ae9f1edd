/**
 * printf(1), the external one (GNU coreutils and BusyBox): the format is reused
 * until the arguments run out; numeric arguments accept 0x/0 prefixes and 'c
 * character constants; a bad number prints 0 (GNU) and sets status 1.
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { busyboxUsage, gnuTry, progName, variantOf } from '../support/command.ts';
import { expandEscapes } from './escapes.ts';
import { formatFloat, formatInteger, formatString } from './format-number.ts';
import type { Conversion } from './format-number.ts';

const SPEC = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([diouxXeEfFgGcsb%])/y;

interface State {
  args: string[];
  used: number;
  status: number;
}

function takeArg(state: State): string | undefined {
  return state.used < state.args.length ? state.args[state.used++] : undefined;
}

function numericArg(
  ctx: ProcessContext,
  state: State,
  arg: string | undefined,
  float: boolean,
): number | bigint {
  if (arg === undefined) return float ? 0 : 0n;
  const gnu = variantOf(ctx) === 'gnu';
  const prog = progName(ctx, 'printf');
  if (/^['"]/.test(arg)) return float ? (arg.codePointAt(1) ?? 0) : BigInt(arg.codePointAt(1) ?? 0);
  const text = arg.trim();
  const match = float
    ? /^[+-]?(\d+\.?\d*(e[+-]?\d+)?|\.\d+(e[+-]?\d+)?|inf|infinity|nan)/i.exec(text)
    : /^[+-]?(0x[0-9a-f]+|0[0-7]*|[1-9]\d*)/i.exec(text);
  const fail = (why: string) => {
    state.status = 1;
    ctx.stderr.write(gnu ? `${prog}: '${arg}': ${why}\n` : `${prog}: invalid number '${arg}'\n`);
  };
  if (!match) {
    fail('expected a numeric value');
    return float ? 0 : 0n;
  }
  if (match[0].length !== text.length) fail('value not completely converted');
  if (float) return Number(match[0]);
  const neg = match[0].startsWith('-');
  const body = match[0].replace(/^[+-]/, '');
  const value =
    body.startsWith('0x') || body.startsWith('0X')
      ? BigInt(body)
      : body.length > 1 && body.startsWith('0')
        ? BigInt('0o' + body.slice(1))
        : BigInt(body);
  return neg ? -value : value;
}

/** Run the format once over the arguments; returns false when `\c` stopped output. */
function formatOnce(ctx: ProcessContext, format: string, state: State, out: string[]): boolean {
  let i = 0;
  while (i < format.length) {
    const pct = format.indexOf('%', i);
    const literalEnd = pct < 0 ? format.length : pct;
    if (literalEnd > i) {
      out.push(expandEscapes(format.slice(i, literalEnd), 'printf').text);
      i = literalEnd;
      continue;
    }
    SPEC.lastIndex = i;
    const m = SPEC.exec(format);
    if (!m) {
      const gnu = variantOf(ctx) === 'gnu';
      const directive = format.slice(i, i + 2);
      ctx.stderr.write(
        gnu
          ? `${progName(ctx, 'printf')}: %${format[i + 1] ?? ''}: invalid conversion specification\n`
          : `${progName(ctx, 'printf')}: ${directive}: invalid format\n`,
      );
      state.status = 1;
      return false;
    }
    i = SPEC.lastIndex;
    const [, flags = '', w, p, conv = ''] = m;
    if (conv === '%') {
      out.push('%');
      continue;
    }
    const starValue = (v: string | undefined): number | undefined =>
      v === undefined
        ? undefined
        : v === '*'
          ? Number(numericArg(ctx, state, takeArg(state), false))
          : Number(v || 0);
    const c: Conversion = { flags, width: starValue(w), precision: starValue(p), conv };
    if (c.width !== undefined && c.width < 0) {
      c.flags += '-';
      c.width = -c.width;
    }
    const arg = takeArg(state);
    switch (conv) {
      case 's':
        out.push(formatString(arg ?? '', c));
        break;
      case 'b': {
        const expanded = expandEscapes(arg ?? '', 'b');
        out.push(formatString(expanded.text, c));
        if (expanded.stop) return false;
        break;
      }
      case 'c':
        out.push(formatString((arg ?? '').slice(0, 1), { ...c, precision: undefined }));
        break;
      case 'd':
      case 'i':
      case 'o':
      case 'u':
      case 'x':
      case 'X':
        out.push(formatInteger(numericArg(ctx, state, arg, false) as bigint, c));
        break;
      default:
        out.push(formatFloat(numericArg(ctx, state, arg, true) as number, c));
    }
  }
  return true;
}

export const printf: Program = async (ctx) => {
  let args = ctx.argv.slice(1);
  if (args[0] === '--') args = args.slice(1);
  const gnu = variantOf(ctx) === 'gnu';
  if (gnu && args.length === 1 && (args[0] === '--help' || args[0] === '--version')) {
    ctx.stdout.write(
      args[0] === '--help'
        ? `Usage: ${ctx.argv[0]} FORMAT [ARGUMENT]...\n  or:  ${ctx.argv[0]} OPTION\n`
        : 'printf (GNU coreutils) 9.7\n',
    );
    return 0;
  }
  if (args.length === 0) {
    if (!gnu) return busyboxUsage(ctx, 'printf');
    ctx.stderr.write(`${progName(ctx, 'printf')}: missing operand\n${gnuTry(ctx, 'printf')}`);
    return 1;
  }
  const [format, ...rest] = args as [string, ...string[]];
  const state: State = { args: rest, used: 0, status: 0 };
  const out: string[] = [];
  do {
    const before = state.used;
    if (!formatOnce(ctx, format, state, out)) break;
    if (state.used === before) break; // the format takes no arguments
  } while (state.used < state.args.length);
  ctx.stdout.write(out.join(''));
  if (gnu && state.used < state.args.length && state.used === 0 && rest.length > 0) {
    ctx.stderr.write(
      `${progName(ctx, 'printf')}: warning: ignoring excess arguments, starting with '${rest[0]}'\n`,
    );
  }
  return state.status;
};
