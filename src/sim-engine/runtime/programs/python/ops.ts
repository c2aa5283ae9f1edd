/** Python's operators on the subset's values, with its TypeErrors. */
import { equal, PyDict, PyList, PySet, PyTuple, repr, str, typeName } from './values.ts';
import type { Py } from './values.ts';

export class OpError extends Error {
  readonly type: string;
  constructor(type: string, message: string) {
    super(message);
    this.type = type;
  }
}

const isNum = (v: Py): v is bigint | number | boolean =>
  typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean';
const asBig = (v: bigint | boolean) => (typeof v === 'boolean' ? (v ? 1n : 0n) : v);

function unsupported(op: string, a: Py, b: Py): never {
  throw new OpError(
    'TypeError',
    `unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`,
  );
}

export function binary(op: string, a: Py, b: Py): Py {
  if (isNum(a) && isNum(b)) {
    if (typeof a !== 'number' && typeof b !== 'number') {
      const x = asBig(a);
      const y = asBig(b);
      switch (op) {
        case '+':
          return x + y;
        case '-':
          return x - y;
        case '*':
          return x * y;
        case '/':
          if (y === 0n) throw new OpError('ZeroDivisionError', 'division by zero');
          return Number(x) / Number(y);
        case '//': {
          if (y === 0n) throw new OpError('ZeroDivisionError', 'integer division or modulo by zero');
          const q = x / y;
          return x % y !== 0n && x < 0n !== y < 0n ? q - 1n : q;
        }
        case '%': {
          if (y === 0n) throw new OpError('ZeroDivisionError', 'integer modulo by zero');
          const r = x % y;
          return r !== 0n && r < 0n !== y < 0n ? r + y : r;
        }
        case '**':
          return y < 0n ? Number(x) ** Number(y) : x ** y;
        case '&':
          return x & y;
        case '|':
          return x | y;
        case '^':
          return x ^ y;
        case '<<':
          return x << y;
        case '>>':
          return x >> y;
      }
    }
    const x = Number(a);
    const y = Number(b);
    switch (op) {
      case '+':
        return x + y;
      case '-':
        return x - y;
      case '*':
        return x * y;
      case '/':
        if (y === 0) throw new OpError('ZeroDivisionError', 'float division by zero');
        return x / y;
      case '//':
        if (y === 0) throw new OpError('ZeroDivisionError', 'float floor division by zero');
        return Math.floor(x / y);
      case '%':
        if (y === 0) throw new OpError('ZeroDivisionError', 'float modulo');
        return ((x % y) + y) % y;
      case '**':
        return x ** y;
    }
    unsupported(op, a, b);
  }
  if (op === '+') {
    if (typeof a === 'string' && typeof b === 'string') return a + b;
    if (a instanceof PyList && b instanceof PyList) return new PyList([...a.items, ...b.items]);
    if (a instanceof PyTuple && b instanceof PyTuple) return new PyTuple([...a.items, ...b.items]);
    if (typeof a === 'string' || typeof b === 'string') {
      throw new OpError(
        'TypeError',
        typeof a === 'string'
          ? `can only concatenate str (not "${typeName(b)}") to str`
          : `unsupported operand type(s) for +: '${typeName(a)}' and 'str'`,
      );
    }
  }
  if (op === '*') {
    const [s, n] = typeof b === 'bigint' ? [a, b] : [b, a];
    if (typeof n === 'bigint') {
      if (typeof s === 'string') return s.repeat(Math.max(0, Number(n)));
      if (s instanceof PyList)
        return new PyList(Array.from({ length: Math.max(0, Number(n)) }, () => s.items).flat());
    }
  }
  if (op === '%' && typeof a === 'string') return percent(a, b instanceof PyTuple ? b.items : [b]);
  if (op === '|' && a instanceof PyDict && b instanceof PyDict)
    return new PyDict([...a.entries(), ...b.entries()]);
  return unsupported(op, a, b);
}

function percent(fmt: string, args: Py[]): string {
  let i = 0;
  return fmt.replace(
    /%([-+ 0#]*)(\d*)(?:\.(\d+))?([sdifrx%])/g,
    (_, flags: string, width: string, prec: string | undefined, conv: string) => {
      if (conv === '%') return '%';
      const v = args[i++] ?? null;
      let s: string;
      if (conv === 's') s = str(v);
      else if (conv === 'r') s = repr(v);
      else if (conv === 'd' || conv === 'i') s = String(typeof v === 'number' ? Math.trunc(v) : v);
      else if (conv === 'x') s = Number(v).toString(16);
      else s = Number(v).toFixed(prec === undefined ? 6 : Number(prec));
      const w = Number(width || 0);
      return flags.includes('-') ? s.padEnd(w) : s.padStart(w, flags.includes('0') ? '0' : ' ');
    },
  );
}

function order(a: Py, b: Py): number {
  if (isNum(a) && isNum(b)) return Number(a) < Number(b) ? -1 : Number(a) > Number(b) ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if ((a instanceof PyList && b instanceof PyList) || (a instanceof PyTuple && b instanceof PyTuple)) {
    for (let i = 0; i < Math.min(a.items.length, b.items.length); i++) {
      const c = order(a.items[i]!, b.items[i]!);
      if (c) return c;
    }
    return a.items.length - b.items.length;
  }
  throw new OpError(
    'TypeError',
    `'<' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`,
  );
}

export function compare(op: string, a: Py, b: Py): boolean {
  switch (op) {
    case '==':
      return equal(a, b);
    case '!=':
      return !equal(a, b);
    case '<':
      return order(a, b) < 0;
    case '>':
      return order(a, b) > 0;
    case '<=':
      return order(a, b) <= 0;
    case '>=':
      return order(a, b) >= 0;
    case 'is':
      return a === b || (a === null && b === null);
    case 'is not':
      return !(a === b || (a === null && b === null));
    case 'in':
    case 'not in': {
      let found: boolean;
      if (typeof b === 'string') found = typeof a === 'string' && b.includes(a);
      else if (b instanceof PyList || b instanceof PyTuple) found = b.items.some((x) => equal(x, a));
      else if (b instanceof PyDict) found = b.get(a) !== undefined;
      else if (b instanceof PySet) found = [...b.map.values()].some((x) => equal(x, a));
      else throw new OpError('TypeError', `argument of type '${typeName(b)}' is not iterable`);
      return op === 'in' ? found : !found;
    }
  }
  return false;
}

/** format(value, spec): fill, align, sign, width, `,`, precision and type (d f % s x e). */
export function formatSpec(v: Py, spec: string): string {
  const m = /^(?:(.)?([<>^=]))?([-+ ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/.exec(spec);
  if (!m)
    throw new OpError('ValueError', `Invalid format specifier '${spec}' for object of type '${typeName(v)}'`);
  const [, fillCh, align, sign, , zero, width, group, prec, type] = m;
  let s: string;
  const n = typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined;
  if (
    n !== undefined &&
    (type === 'f' || type === 'F' || (prec !== undefined && type === undefined && typeof n === 'number'))
  )
    s = Number(n).toFixed(prec === undefined ? 6 : Number(prec));
  else if (n !== undefined && type === '%')
    s = `${(Number(n) * 100).toFixed(prec === undefined ? 6 : Number(prec))}%`;
  else if (n !== undefined && (type === 'e' || type === 'E'))
    s = Number(n)
      .toExponential(prec === undefined ? 6 : Number(prec))
      .replace(/e([+-])(\d)$/, 'e$10$2');
  else if (n !== undefined && type === 'x') s = BigInt(Math.trunc(Number(n))).toString(16);
  else if (n !== undefined && type === 'b') s = BigInt(Math.trunc(Number(n))).toString(2);
  else if (type === 's' || n === undefined) s = str(v);
  else s = typeof n === 'number' ? repr(n) : String(n);
  if (group && n !== undefined) {
    const [int, frac] = s.split('.') as [string, string | undefined];
    s = int.replace(/\B(?=(\d{3})+(?!\d))/g, group) + (frac !== undefined ? `.${frac}` : '');
  }
  if (sign === '+' && n !== undefined && Number(n) >= 0) s = `+${s}`;
  const w = Number(width ?? 0);
  if (s.length >= w) return s;
  const fill = fillCh ?? (zero ? '0' : ' ');
  const how = align ?? (zero ? '=' : n !== undefined ? '>' : '<');
  const pad = w - s.length;
  if (how === '<') return s + fill.repeat(pad);
  if (how === '^') return fill.repeat(Math.floor(pad / 2)) + s + fill.repeat(Math.ceil(pad / 2));
  if (how === '=' && /^[-+]/.test(s)) return s[0] + fill.repeat(pad) + s.slice(1);
  return fill.repeat(pad) + s;
}
