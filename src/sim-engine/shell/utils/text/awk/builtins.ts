/** awk's built-in functions: string (length substr index split sub gsub match sprintf
 * tolower toupper), math (int sqrt exp log sin cos atan2 rand srand) and I/O (close fflush). */
import type { Expr, LValue } from './ast.ts';
import type { Interpreter } from './interp.ts';
import { AwkRuntimeError, sprintf, strnum, toNum, toStr } from './values.ts';
import type { Val } from './values.ts';

export function callBuiltin(it: Interpreter, name: string, args: Expr[]): Val {
  const s = (i: number) => (args[i] ? toStr(it.eval(args[i]), toStr(it.get('CONVFMT'))) : '');
  const n = (i: number) => (args[i] ? toNum(it.eval(args[i])) : 0);
  switch (name) {
    case 'length':
      if (args.length === 0) return [...it.currentRecord].length;
      if (
        args[0]!.k === 'var' &&
        (it.arrays.has(args[0]!.name) || it.frameOf(args[0]!.name)?.get(args[0]!.name) instanceof Map)
      )
        return it.array(args[0]!.name).size;
      return [...s(0)].length;
    case 'substr': {
      const str = [...s(0)];
      const start = Math.round(n(1));
      const len = args.length > 2 ? Math.round(n(2)) : Infinity;
      const from = Math.max(1, start);
      const to = Math.min(str.length + 1, start + len);
      return to > from ? str.slice(from - 1, to - 1).join('') : '';
    }
    case 'index':
      return s(0).indexOf(s(1)) + 1;
    case 'split': {
      const target = args[1];
      if (!target || target.k !== 'var') throw new AwkRuntimeError('split: second argument is not an array');
      const parts = it.splitText(
        s(0),
        args[2] ? (args[2].k === 're' ? args[2].src : s(2)) : toStr(it.get('FS')),
      );
      const arr = it.array(target.name);
      arr.clear();
      parts.forEach((p, i) => arr.set(String(i + 1), strnum(p)));
      return parts.length;
    }
    case 'sub':
    case 'gsub': {
      const re = it.reOf(args[0]!);
      const target: LValue =
        args[2] && (args[2].k === 'var' || args[2].k === 'field' || args[2].k === 'index')
          ? args[2]
          : { k: 'field', e: { k: 'num', v: 0 } };
      const repl = s(1);
      const text = toStr(it.read(target));
      let count = 0;
      const global = new RegExp(re.source, 'g');
      const out = text.replace(global, (m) => {
        if (name === 'sub' && count > 0) return m;
        count++;
        return repl.replace(/\\\\|\\&|&/g, (t) => (t === '&' ? m : t === '\\&' ? '&' : '\\'));
      });
      if (count > 0) it.assignTo(target, out);
      return count;
    }
    case 'match': {
      const m = it.reOf(args[1]!).exec(s(0));
      it.vars.set('RSTART', m ? m.index + 1 : 0);
      it.vars.set('RLENGTH', m ? m[0].length : -1);
      return m ? m.index + 1 : 0;
    }
    case 'sprintf':
      return sprintf(
        s(0),
        args.slice(1).map((a) => it.eval(a)),
      );
    case 'tolower':
      return s(0).toLowerCase();
    case 'toupper':
      return s(0).toUpperCase();
    case 'int':
      return Math.trunc(n(0));
    case 'sqrt':
      return Math.sqrt(n(0));
    case 'exp':
      return Math.exp(n(0));
    case 'log':
      return Math.log(n(0));
    case 'sin':
      return Math.sin(n(0));
    case 'cos':
      return Math.cos(n(0));
    case 'atan2':
      return Math.atan2(n(0), n(1));
    case 'rand':
      return it.io.random();
    case 'srand': {
      const old = it.seed;
      it.seed = args.length > 0 ? n(0) : 0;
      return old;
    }
    case 'close':
      it.readers.delete(s(0));
      return 0;
    case 'fflush':
      return 0;
    case 'system':
      throw new AwkRuntimeError('system() is not supported in this simulator');
    default:
      throw new AwkRuntimeError(`function ${name} never defined`);
  }
}
