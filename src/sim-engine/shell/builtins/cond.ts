/**
 * `[[ … ]]` (bash, and BusyBox ash): no field splitting or globbing of operands; the
 * right side of `==` and `!=` is a pattern (quoted parts literal), `=~` a regular
 * expression, `&&`, `||`, `!` and parentheses combine, and in bash the integer
 * operators evaluate their operands as arithmetic.
 */
import type { CondCommand } from '../ast.ts';
import { arithmetic, expandPattern, expandString } from '../expand.ts';
import type { Interp } from '../interp.ts';
import type { Io } from '../io.ts';
import { matchPattern } from '../pattern.ts';
import { BINARY, compareFiles, compareInts, fileTest, isUnary, parseInt64 } from './test-ops.ts';

class CondError {}

export async function runCond(sh: Interp, cmd: CondCommand, io: Io): Promise<number> {
  const words = cmd.words;
  let i = 0;
  const bash = sh.dialect.name === 'bash';
  const raw = (k: number) => words[k]?.raw;
  const str = async (k: number) => expandString(sh, words[k]!.word);
  const int = async (k: number): Promise<bigint> => {
    const text = await str(k);
    if (bash) return BigInt(arithmetic(sh, text));
    const v = parseInt64(text);
    if (v === undefined) {
      io.stderr.write(`sh: ${text}: bad number\n`);
      throw new CondError();
    }
    return v;
  };

  const primary = async (): Promise<boolean> => {
    if (i >= words.length) throw new CondError();
    if (raw(i) === '(') {
      i++;
      const v = await or();
      if (raw(i) !== ')') throw new CondError();
      i++;
      return v;
    }
    const op = raw(i)!;
    if (isUnary(op) && i + 1 < words.length && !BINARY.has(raw(i + 1) ?? '')) {
      i += 2;
      return fileTest(sh, op, await str(i - 1));
    }
    const left = i++;
    const bop = raw(i);
    if (bop !== undefined && (BINARY.has(bop) || bop === '=~')) {
      i++;
      if (i >= words.length) throw new CondError();
      const right = i++;
      switch (bop) {
        case '=':
        case '==':
        case '!=': {
          const m = matchPattern(await expandPattern(sh, words[right]!.word), await str(left));
          return bop === '!=' ? !m : m;
        }
        case '=~':
          try {
            return new RegExp(await str(right)).test(await str(left));
          } catch {
            return false;
          }
        case '<':
          return (await str(left)) < (await str(right));
        case '>':
          return (await str(left)) > (await str(right));
        case '-nt':
        case '-ot':
        case '-ef':
          return compareFiles(sh, bop, await str(left), await str(right));
        default:
          return compareInts(bop, await int(left), await int(right));
      }
    }
    return (await str(left)) !== '';
  };
  const not = async (): Promise<boolean> => {
    if (raw(i) === '!') {
      i++;
      return !(await not());
    }
    return primary();
  };
  const and = async (): Promise<boolean> => {
    let v = await not();
    while (raw(i) === '&&' || (!bash && raw(i) === '-a')) {
      i++;
      const r = await not();
      v = v && r;
    }
    return v;
  };
  const or = async (): Promise<boolean> => {
    let v = await and();
    while (raw(i) === '||' || (!bash && raw(i) === '-o')) {
      i++;
      const r = await and();
      v = v || r;
    }
    return v;
  };
  try {
    const v = await or();
    if (i < words.length) throw new CondError();
    return v ? 0 : 1;
  } catch (e) {
    if (!(e instanceof CondError)) throw e;
    if (bash) sh.error('syntax error in conditional expression', undefined, io);
    return 2;
  }
}
