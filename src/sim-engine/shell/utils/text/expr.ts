/**
 * expr: arithmetic (+ - * / %), comparisons (= != < <= > >=), | and &, `:` / match
 * (BRE anchored at the start), length, substr, index. Status 0 when the result is
 * neither 0 nor empty, 1 when it is, 2 on a syntax error.
 */
import type { Program } from '../../../process/types.ts';
import { progName } from '../support/command.ts';
import { translateRegex } from '../support/regex.ts';

class ExprError extends Error {
  readonly status: number;
  constructor(message: string, status = 2) {
    super(message);
    this.status = status;
  }
}

const isInt = (s: string) => /^[+-]?\d+$/.test(s);

export const expr: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let pos = 0;
  const peek = () => args[pos];
  const num = (s: string): bigint => {
    if (!isInt(s)) throw new ExprError('non-integer argument');
    return BigInt(s);
  };
  const primary = (): string => {
    const t = args[pos++];
    if (t === undefined) throw new ExprError(`syntax error: missing argument after '${args[pos - 2] ?? ''}'`);
    if (t === '(') {
      const v = or();
      if (args[pos++] !== ')') throw new ExprError("syntax error: expecting ')'");
      return v;
    }
    if (t === 'length') return String([...primary()].length);
    if (t === 'substr') {
      const s = primary();
      const p = Number(primary());
      const l = Number(primary());
      return p < 1 || l < 1 ? '' : [...s].slice(p - 1, p - 1 + l).join('');
    }
    if (t === 'index') {
      const s = primary();
      const chars = primary();
      const i = [...s].findIndex((c) => chars.includes(c));
      return String(i + 1);
    }
    if (t === 'match') return matchOp(primary(), primary());
    if (t === '+') return args[pos++] ?? '';
    return t;
  };
  const matchOp = (s: string, re: string): string => {
    const r = translateRegex(re, false);
    if (!r.ok) throw new ExprError(r.error);
    const m = new RegExp('^(?:' + r.source + ')').exec(s);
    if (r.groups > 0) return m?.[1] ?? '';
    return String(m ? m[0].length : 0);
  };
  const colon = (): string => {
    let v = primary();
    while (peek() === ':') {
      pos++;
      v = matchOp(v, primary());
    }
    return v;
  };
  const mul = (): string => {
    let v = colon();
    while (peek() === '*' || peek() === '/' || peek() === '%') {
      const op = args[pos++]!;
      const b = num(colon());
      const a = num(v);
      if (op !== '*' && b === 0n) throw new ExprError('division by zero');
      v = String(op === '*' ? a * b : op === '/' ? a / b : a % b);
    }
    return v;
  };
  const add = (): string => {
    let v = mul();
    while (peek() === '+' || peek() === '-') {
      const op = args[pos++]!;
      const b = num(mul());
      v = String(op === '+' ? num(v) + b : num(v) - b);
    }
    return v;
  };
  const cmp = (): string => {
    let v = add();
    while (['=', '==', '!=', '<', '<=', '>', '>='].includes(peek() ?? '')) {
      const op = args[pos++]!;
      const b = add();
      const c = isInt(v) && isInt(b) ? Number(BigInt(v) - BigInt(b)) : v < b ? -1 : v > b ? 1 : 0;
      const r =
        op === '=' || op === '=='
          ? c === 0
          : op === '!='
            ? c !== 0
            : op === '<'
              ? c < 0
              : op === '<='
                ? c <= 0
                : op === '>'
                  ? c > 0
                  : c >= 0;
      v = r ? '1' : '0';
    }
    return v;
  };
  const truthy = (v: string) => v !== '' && !(isInt(v) && BigInt(v) === 0n);
  const and = (): string => {
    let v = cmp();
    while (peek() === '&') {
      pos++;
      const b = cmp();
      v = truthy(v) && truthy(b) ? v : '0';
    }
    return v;
  };
  function or(): string {
    let v = and();
    while (peek() === '|') {
      pos++;
      const b = and();
      v = truthy(v) ? v : truthy(b) ? b : '0';
    }
    return v;
  }
  try {
    if (args.length === 0) throw new ExprError('missing operand');
    const v = or();
    if (pos < args.length) throw new ExprError(`syntax error: unexpected argument '${args[pos]}'`);
    ctx.stdout.write(v + '\n');
    return truthy(v) ? 0 : 1;
  } catch (error) {
    if (!(error instanceof ExprError)) throw error;
    ctx.stderr.write(`${progName(ctx, 'expr')}: ${error.message}\n`);
    if (error.message === 'missing operand')
      ctx.stderr.write(`Try '${progName(ctx, 'expr')} --help' for more information.\n`);
    return error.status;
  }
};
