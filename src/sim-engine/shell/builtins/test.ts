/**
 * `test` and `[`: POSIX's rules by argument count for up to four arguments, then a
 * recursive-descent parse of `!`, `-a`, `-o` and parentheses. Errors exit with 2
 * and read as in each shell (`[: a: integer expression expected`,
 * `[: Illegal number: a`, `sh: a: bad number`).
 */
import { matchPattern } from '../pattern.ts';
import type { Builtin, BuiltinCall } from './types.ts';
import { BINARY, compareFiles, compareInts, fileTest, isUnary, parseInt64 } from './test-ops.ts';

class TestError {
  readonly msg: string;
  constructor(msg: string) {
    this.msg = msg;
  }
}

type Kind = 'int' | 'unary' | 'binary' | 'argument' | 'operand' | 'extra' | 'missing';

function fail(call: BuiltinCall, kind: Kind, arg = ''): never {
  const d = call.sh.dialect.name;
  const msgs: Record<Kind, [bash: string, dash: string, busybox: string]> = {
    int: [`${arg}: integer expression expected`, `Illegal number: ${arg}`, `${arg}: bad number`],
    unary: [`${arg}: unary operator expected`, `${arg}: unexpected operator`, `${arg}: unknown operand`],
    binary: [`${arg}: binary operator expected`, `${arg}: unexpected operator`, `${arg}: unknown operand`],
    argument: ['argument expected', `${arg}: argument expected`, 'argument expected'],
    operand: ['argument expected', `${arg}: argument expected`, `${arg}: argument expected`],
    extra: ['too many arguments', `${arg}: unexpected operator`, `${arg}: unknown operand`],
    missing: ["missing `]'", 'missing ]', 'missing ]'],
  };
  const [b, da, bb] = msgs[kind];
  throw new TestError(d === 'bash' ? b : d === 'dash' ? da : bb);
}

/** BusyBox's `[[`: `==` and `!=` match a pattern, `=~` a regular expression. */
let matching = false;

function binary(call: BuiltinCall, a: string, op: string, b: string): boolean {
  switch (op) {
    case '=':
    case '==':
      return matching ? matchPattern(b, a) : a === b;
    case '!=':
      return matching ? !matchPattern(b, a) : a !== b;
    case '=~':
      try {
        return new RegExp(b).test(a);
      } catch {
        return false;
      }
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '-nt':
    case '-ot':
    case '-ef':
      return compareFiles(call.sh, op, a, b);
  }
  const x = parseInt64(a);
  if (x === undefined) fail(call, 'int', a);
  const y = parseInt64(b);
  if (y === undefined) fail(call, 'int', b);
  return compareInts(op, x, y);
}

const isBinary = (op: string | undefined) =>
  op !== undefined && (BINARY.has(op) || (matching && op === '=~'));

function evaluate(call: BuiltinCall, args: string[]): boolean {
  const d = call.sh.dialect.name;
  const n = args.length;
  const [a1, a2, a3, a4] = args as (string | undefined)[];
  switch (n) {
    case 0:
      return false;
    case 1:
      return a1 !== '';
    case 2:
      if (a1 === '!') return a2 === '';
      if (isUnary(a1!)) return fileTest(call.sh, a1!, a2!);
      if (d !== 'bash' && isBinary(a2)) fail(call, 'operand', a2);
      return fail(call, 'unary', d === 'busybox' ? a2 : a1);
    case 3:
      if (isBinary(a2) && !(d === 'dash' && a2 === '==')) return binary(call, a1!, a2!, a3!);
      if (a1 === '!') return !evaluate(call, [a2!, a3!]);
      if (a1 === '(' && a3 === ')') return a2 !== '';
      if (a2 === '-a') return a1 !== '' && a3 !== '';
      if (a2 === '-o') return a1 !== '' || a3 !== '';
      return fail(call, 'binary', d === 'dash' ? a1 : a2);
    case 4:
      if (a1 === '!') return !evaluate(call, [a2!, a3!, a4!]);
      if (a1 === '(' && a4 === ')') return evaluate(call, [a2!, a3!]);
  }
  return descend(call, args);
}

/** The general grammar: or → and (-o or)?; and → not (-a and)?; not → ! not | primary. */
function descend(call: BuiltinCall, args: string[]): boolean {
  const d = call.sh.dialect.name;
  let i = 0;
  const operand = (): string => {
    if (i >= args.length) {
      if (d === 'dash') throw new TestError('');
      fail(call, 'argument', args[i - 1]);
    }
    return args[i++]!;
  };
  const primary = (): boolean => {
    const t = operand();
    if (t === '(') {
      const v = or();
      if (args[i] !== ')') fail(call, 'extra', args[i] ?? ')');
      i++;
      return v;
    }
    if (isUnary(t) && i < args.length) return fileTest(call.sh, t, operand());
    const op = args[i];
    if (op !== undefined && isBinary(op)) {
      i++;
      return binary(call, t, op, operand());
    }
    return t !== '';
  };
  const not = (): boolean => {
    if (args[i] === '!') {
      i++;
      return !not();
    }
    return primary();
  };
  const and = (): boolean => {
    const a = not();
    if (args[i] === '-a') {
      i++;
      const b = and();
      return a && b;
    }
    return a;
  };
  const or = (): boolean => {
    const a = and();
    if (args[i] === '-o') {
      i++;
      const b = or();
      return a || b;
    }
    return a;
  };
  const v = or();
  // dash names the expression's first word; bash and ash the one left over
  if (i < args.length) fail(call, 'extra', d === 'dash' ? args[0] : args[i]);
  return v;
}

function report(call: BuiltinCall, e: TestError): number {
  if (e.msg === '') return 1;
  if (call.sh.dialect.name === 'busybox') call.io.stderr.write(`sh: ${e.msg}\n`);
  else call.error(e.msg);
  return 2;
}

export const test: Builtin = {
  run(call) {
    try {
      return evaluate(call, call.argv.slice(1)) ? 0 : 1;
    } catch (e) {
      if (e instanceof TestError) return report(call, e);
      throw e;
    }
  },
};

export const bracket: Builtin = {
  run(call) {
    const args = call.argv.slice(1);
    try {
      if (args[args.length - 1] !== ']') fail(call, 'missing');
      return evaluate(call, args.slice(0, -1)) ? 0 : 1;
    } catch (e) {
      if (e instanceof TestError) return report(call, e);
      throw e;
    }
  },
};

/** BusyBox ash's `[[ … ]]`: test with `]]` at the end and `&&`/`||` for -a/-o. */
export const doubleBracket: Builtin = {
  dialects: ['busybox'],
  run(call) {
    const args = call.argv.slice(1);
    try {
      if (args[args.length - 1] !== ']]') fail(call, 'missing');
      const expr = args.slice(0, -1).map((a) => (a === '&&' ? '-a' : a === '||' ? '-o' : a));
      matching = true;
      return evaluate(call, expr) ? 0 : 1;
    } catch (e) {
      if (e instanceof TestError) return report(call, e);
      throw e;
    } finally {
      matching = false;
    }
  },
};
