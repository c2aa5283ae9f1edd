/** Go's predeclared functions: len, cap, append, delete, copy, panic, recover, print(ln), min, max. */
import { GoFloat64, goFloat64 } from '../../../golang/index.ts';
import type { GoInterp } from './interp.ts';
import { deref } from './interp.ts';
import { GoFunc, isFloat, num, utf8Bytes } from './values.ts';
import type { GoValue } from './values.ts';

export function builtin(interp: GoInterp, name: string): GoFunc | undefined {
  switch (name) {
    case 'len':
    case 'cap':
      return new GoFunc(name, ([v]) => {
        const x = deref(v);
        if (typeof x === 'string') return utf8Bytes(x).length;
        if (Array.isArray(x)) return x.length;
        if (x instanceof Map) return x.size;
        return 0;
      });
    case 'append':
      return new GoFunc(name, ([s, ...items]) => [...((s as GoValue[] | null) ?? []), ...items]);
    case 'delete':
      return new GoFunc(name, ([m, k]) => ((m as Map<GoValue, GoValue>).delete(k), null));
    case 'copy':
      return new GoFunc(name, ([dst, src]) => {
        const d = dst as GoValue[];
        const s = src as GoValue[];
        const n = Math.min(d.length, s.length);
        for (let i = 0; i < n; i++) d[i] = s[i];
        return n;
      });
    case 'panic':
      return new GoFunc(name, ([v]) => {
        throw interp.raise(v);
      });
    case 'recover':
      return new GoFunc(name, () => null);
    case 'min':
    case 'max':
      return new GoFunc(name, (args) => {
        const pick = args.reduce((a, b) => ((name === 'min' ? num(b) < num(a) : num(b) > num(a)) ? b : a));
        return args.some(isFloat) && !(pick instanceof GoFloat64) ? goFloat64(num(pick)) : pick;
      });
    default:
      return undefined;
  }
}
