/**
 * Shell arithmetic (`$((…))`, `((…))`, `let`, array-free): C's integer operators on
 * 64-bit signed integers, variables by name (a variable holding an expression is
 * evaluated in bash and ash; dash wants a number), assignment operators, and `++`/`--`
 * and `,` where the dialect has them. Errors come back as ArithError with the text
 * each shell prints.
 */
import type { Dialect } from './dialect.ts';

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

export class ArithError extends Error {
  readonly kind: 'divzero' | 'syntax' | 'base' | 'number';
  /** bash's "error token" */
  readonly token: string;
  constructor(kind: ArithError['kind'], token: string) {
    super(kind);
    this.kind = kind;
    this.token = token;
  }

  /** The message after the shell's prefix, for `expr` (the expression as written). */
  describe(dialect: Dialect, expr: string): string {
    // bash shows the expression without its leading blanks, dash exactly as written
    const e = dialect.name === 'bash' ? expr.trimStart() : expr;
    switch (dialect.name) {
      case 'bash':
        if (this.kind === 'divzero') return `${e}: division by 0 (error token is "${this.token}")`;
        if (this.kind === 'base')
          return `${this.token}: value too great for base (error token is "${this.token}")`;
        return `${e}: syntax error: operand expected (error token is "${this.token}")`;
      case 'dash':
        if (this.kind === 'divzero') return `arithmetic expression: division by zero: "${e}"`;
        if (this.kind === 'number') return `Illegal number: ${this.token}`;
        if (this.kind === 'base') return `arithmetic expression: expecting EOF: "${e}"`;
        return `arithmetic expression: expecting primary: "${e}"`;
      case 'busybox':
        return this.kind === 'divzero' ? 'divide by zero' : 'arithmetic syntax error';
    }
  }
}

interface Tok {
  t: 'num' | 'name' | 'op' | 'eof';
  v: string;
  pos: number;
}

const OPS = [
  '<<=', '>>=', '**', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=',
  '&=', '^=', '|=', '+', '-', '*', '/', '%', '<', '>', '&', '^', '|', '!', '~', '?', ':', '=', '(', ')', ',',
]; // prettier-ignore

function tokenize(src: string, dialect: Dialect): Tok[] {
  // dash has no ** ++ -- : they read as two operators (and fail as bash's would not)
  const ops = dialect.name === 'dash' ? OPS.filter((o) => o !== '**' && o !== '++' && o !== '--') : OPS;
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      i++;
      continue;
    }
    const start = i;
    if (/[0-9]/.test(c)) {
      while (i < src.length && /[0-9A-Za-z_#@]/.test(src[i]!)) i++;
      out.push({ t: 'num', v: src.slice(start, i), pos: start });
    } else if (/[A-Za-z_]/.test(c)) {
      while (i < src.length && /[A-Za-z0-9_]/.test(src[i]!)) i++;
      out.push({ t: 'name', v: src.slice(start, i), pos: start });
    } else {
      const op = ops.find((o) => src.startsWith(o, i));
      if (!op) throw new ArithError('syntax', src.slice(i));
      i += op.length;
      out.push({ t: 'op', v: op, pos: start });
    }
  }
  out.push({ t: 'eof', v: '', pos: src.length });
  return out;
}

const I64 = (n: bigint) => BigInt.asIntN(64, n);

/** Parse a number literal: decimal, 0x hex, 0 octal, bash's base#digits. */
function parseNumber(text: string): bigint {
  const hash = text.indexOf('#');
  let base = 10;
  let digits = text;
  if (hash > 0) {
    base = Number(text.slice(0, hash));
    digits = text.slice(hash + 1);
    if (!(base >= 2 && base <= 64)) throw new ArithError('base', text);
  } else if (/^0[xX]/.test(text)) {
    base = 16;
    digits = text.slice(2);
  } else if (text.length > 1 && text.startsWith('0')) base = 8;
  if (digits === '') throw new ArithError('base', text);
  let n = 0n;
  const B = BigInt(base);
  for (const ch of digits) {
    let d: number;
    if (ch >= '0' && ch <= '9') d = ch.charCodeAt(0) - 48;
    else if (ch >= 'a' && ch <= 'z') d = ch.charCodeAt(0) - 87;
    else if (ch >= 'A' && ch <= 'Z') d = base <= 36 ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 29;
    else if (ch === '@') d = 62;
    else if (ch === '_') d = 63;
    else throw new ArithError('base', text);
    if (d >= base) throw new ArithError('base', text);
    n = I64(n * B + BigInt(d));
  }
  return n;
}

const BINARY: Record<string, number> = {
  '||': 4,
  '&&': 5,
  '|': 6,
  '^': 7,
  '&': 8,
  '==': 9,
  '!=': 9,
  '<': 10,
  '>': 10,
  '<=': 10,
  '>=': 10,
  '<<': 11,
  '>>': 11,
  '+': 12,
  '-': 12,
  '*': 13,
  '/': 13,
  '%': 13,
  '**': 14,
};

const ASSIGN = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '^=', '|=']);

function apply(op: string, a: bigint, b: bigint, rhsText: () => string): bigint {
  switch (op) {
    case '+':
      return I64(a + b);
    case '-':
      return I64(a - b);
    case '*':
      return I64(a * b);
    case '/':
    case '%':
      if (b === 0n) throw new ArithError('divzero', rhsText());
      return I64(op === '/' ? a / b : a % b);
    case '**':
      if (b < 0n) throw new ArithError('syntax', rhsText());
      return I64(a ** b);
    case '<<':
      return I64(a << (b & 63n));
    case '>>':
      return I64(a >> (b & 63n));
    case '<':
      return a < b ? 1n : 0n;
    case '>':
      return a > b ? 1n : 0n;
    case '<=':
      return a <= b ? 1n : 0n;
    case '>=':
      return a >= b ? 1n : 0n;
    case '==':
      return a === b ? 1n : 0n;
    case '!=':
      return a !== b ? 1n : 0n;
    case '&':
      return a & b;
    case '^':
      return a ^ b;
    case '|':
      return a | b;
    case ',':
      return b;
  }
  throw new ArithError('syntax', op);
}

/** Evaluate an arithmetic expression. Throws ArithError. */
export function evaluateArith(src: string, vars: ArithVars, dialect: Dialect, depth = 0): bigint {
  const toks = tokenize(src, dialect);
  let i = 0;
  const peek = () => toks[i]!;
  const rest = (t: Tok) => src.slice(t.t === 'eof' ? (toks[i - 1]?.pos ?? 0) : t.pos);
  const dash = dialect.name === 'dash';

  const valueOf = (name: string): bigint => {
    const v = vars.get(name);
    if (v === undefined || v.trim() === '') return 0n;
    if (/^\s*-?\d+\s*$/.test(v))
      return parseNumber(v.trim().replace(/^-/, '')) * (v.trim().startsWith('-') ? -1n : 1n);
    if (dash) throw new ArithError('number', v);
    if (depth > 100) throw new ArithError('syntax', name);
    return evaluateArith(v, vars, dialect, depth + 1);
  };

  // skip: evaluate without side effects or errors (the untaken side of && || ?:)
  let skip = 0;
  const primary = (): bigint => {
    const t = peek();
    if (t.t === 'num') {
      i++;
      return parseNumber(t.v);
    }
    if (t.t === 'name') {
      i++;
      const n = peek();
      if (n.t === 'op' && ASSIGN.has(n.v)) {
        i++;
        const rhs = assignment();
        if (skip) return rhs;
        const value = n.v === '=' ? rhs : apply(n.v.slice(0, -1), valueOf(t.v), rhs, () => rest(n));
        vars.set(t.v, String(value));
        return value;
      }
      if (n.t === 'op' && (n.v === '++' || n.v === '--') && !dash) {
        i++;
        const old = skip ? 0n : valueOf(t.v);
        if (!skip) vars.set(t.v, String(I64(n.v === '++' ? old + 1n : old - 1n)));
        return old;
      }
      return skip ? 0n : valueOf(t.v);
    }
    if (t.t === 'op') {
      if (t.v === '(') {
        i++;
        const v = comma();
        if (peek().v !== ')') throw new ArithError('syntax', rest(peek()));
        i++;
        return v;
      }
      if ((t.v === '++' || t.v === '--') && !dash && toks[i + 1]?.t === 'name') {
        i += 2;
        const name = toks[i - 1]!.v;
        const v = I64(valueOf(name) + (t.v === '++' ? 1n : -1n));
        if (!skip) vars.set(name, String(v));
        return v;
      }
      if (t.v === '-' || t.v === '+' || t.v === '!' || t.v === '~') {
        i++;
        const v = unary();
        if (t.v === '-') return I64(-v);
        if (t.v === '!') return v === 0n ? 1n : 0n;
        if (t.v === '~') return ~v;
        return v;
      }
    }
    throw new ArithError('syntax', rest(t));
  };
  const unary = primary;

  const binary = (minPrec: number): bigint => {
    let left = unary();
    for (;;) {
      const t = peek();
      const prec = t.t === 'op' ? BINARY[t.v] : undefined;
      if (prec === undefined || prec < minPrec || (t.v === '**' && !dialect.power)) break;
      i++;
      if (t.v === '&&' || t.v === '||') {
        const short = t.v === '&&' ? left === 0n : left !== 0n;
        if (short) skip++;
        const right = binary(prec + 1);
        if (short) skip--;
        left = short ? (t.v === '||' ? 1n : 0n) : right !== 0n ? 1n : 0n;
        continue;
      }
      const start = peek();
      const right = binary(t.v === '**' ? prec : prec + 1);
      left = skip ? 0n : apply(t.v, left, right, () => src.slice(start.pos).trim().split(/\s/)[0] ?? '');
    }
    return left;
  };

  const conditional = (): bigint => {
    const cond = binary(2);
    if (peek().v !== '?') return cond;
    i++;
    if (cond === 0n) skip++;
    const a = assignment();
    if (cond === 0n) skip--;
    if (peek().v !== ':') throw new ArithError('syntax', rest(peek()));
    i++;
    if (cond !== 0n) skip++;
    const b = assignment();
    if (cond !== 0n) skip--;
    return cond !== 0n ? a : b;
  };
  const assignment = conditional;
  const comma = (): bigint => {
    let v = assignment();
    while (peek().v === ',' && !dash) {
      i++;
      v = assignment();
    }
    return v;
  };

  if (peek().t === 'eof') return 0n;
  const v = comma();
  if (peek().t !== 'eof') throw new ArithError(dash ? 'base' : 'syntax', rest(peek()));
  return v;
}
