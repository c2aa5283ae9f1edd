/**
 * fmt.Sprintf's format parsing (fmt/print.go doPrintf): flags, width and precision
 * (also `*` from the arguments), `[n]` argument indexes, and the complaints Go
 * writes into the output — `%!d(MISSING)`, `%!(EXTRA int=2)`, `%!(NOVERB)`,
 * `%!d(BADINDEX)`, `%!(BADWIDTH)`, `%!(BADPREC)`.
 */
import { clearFlags } from './fmt-format.ts';
import { Printer } from './fmt-print.ts';
import { typeName } from './reflect.ts';

/** fmt.Sprintf */
export function sprintf(format: string, ...args: unknown[]): string {
  const p = new Printer();
  let argNum = 0;
  let reordered = false;
  let i = 0;
  const end = format.length;
  const parseNum = (): number | undefined => {
    const m = /^\d+/.exec(format.slice(i));
    if (!m) return undefined;
    i += m[0].length;
    return m[0].length > 6 ? undefined : Number(m[0]);
  };
  // [n] argument index (fmt's argNumber): found when the syntax is right, even if
  // the index is out of range (which then prints BADINDEX)
  const argNumber = (): { present: boolean; ok: boolean } => {
    if (format[i] !== '[') return { present: false, ok: true };
    reordered = true;
    const close = format.indexOf(']', i);
    const body = close < 0 ? '' : format.slice(i + 1, close);
    if (close < 0 || !/^\d{1,6}$/.test(body)) {
      i = close < 0 ? i + 1 : close + 1;
      return { present: false, ok: false };
    }
    i = close + 1;
    const n = Number(body);
    if (n < 1 || n > args.length) return { present: true, ok: false };
    argNum = n - 1;
    return { present: true, ok: true };
  };
  const intFromArg = (): number | undefined => {
    if (argNum >= args.length) return undefined;
    const a = args[argNum++];
    if (typeof a !== 'number' || !Number.isInteger(a) || Math.abs(a) > 1e6) return undefined;
    return a;
  };
  while (i < end) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      p.buf += format.slice(i);
      break;
    }
    p.buf += format.slice(i, pct);
    i = pct + 1;
    p.f = clearFlags();
    let goodArgNum = true;
    flags: for (; i < end; i++) {
      switch (format[i]) {
        case '#':
          p.f.sharp = true;
          break;
        case '0':
          p.f.zero = !p.f.minus;
          break;
        case '+':
          p.f.plus = true;
          break;
        case '-':
          p.f.minus = true;
          p.f.zero = false;
          break;
        case ' ':
          p.f.space = true;
          break;
        default:
          break flags;
      }
    }
    let idx = argNumber();
    goodArgNum &&= idx.ok;
    if (format[i] === '*') {
      i++;
      const w = intFromArg();
      if (w !== undefined) {
        p.f.wid = Math.abs(w);
        if (w < 0) {
          p.f.minus = true;
          p.f.zero = false;
        }
      } else p.buf += '%!(BADWIDTH)';
      idx = { present: false, ok: true };
    } else {
      p.f.wid = parseNum();
      if (idx.present && p.f.wid !== undefined) goodArgNum = false;
    }
    if (i + 1 <= end && format[i] === '.') {
      i++;
      if (idx.present) goodArgNum = false;
      idx = argNumber();
      goodArgNum &&= idx.ok;
      if (format[i] === '*') {
        i++;
        const pr = intFromArg();
        if (pr === undefined) p.buf += '%!(BADPREC)';
        p.f.prec = pr !== undefined && pr >= 0 ? pr : undefined;
        idx = { present: false, ok: true };
      } else p.f.prec = parseNum() ?? 0;
    }
    if (!idx.present) {
      idx = argNumber();
      goodArgNum &&= idx.ok;
    }
    if (i >= end) {
      p.buf += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') p.buf += '%';
    else if (!goodArgNum) p.buf += '%!' + verb + '(BADINDEX)';
    else if (argNum >= args.length) p.buf += '%!' + verb + '(MISSING)';
    else {
      if (verb === 'v') {
        p.f.sharpV = p.f.sharp;
        p.f.sharp = false;
        p.f.plusV = p.f.plus;
        p.f.plus = false;
      }
      p.printArg(args[argNum], verb);
      argNum++;
    }
  }
  if (!reordered && argNum < args.length) {
    p.f = clearFlags();
    p.buf += '%!(EXTRA ';
    args.slice(argNum).forEach((arg, k) => {
      if (k > 0) p.buf += ', ';
      if (arg === null || arg === undefined) p.buf += '<nil>';
      else {
        p.buf += typeName(arg) + '=';
        p.printArg(arg, 'v');
      }
    });
    p.buf += ')';
  }
  return p.buf;
}
