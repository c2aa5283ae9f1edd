/**
 * awk's values: numbers, strings, and "strnums" — strings from input (fields,
 * getline, -v, ARGV) that compare as numbers when they look like numbers. An unset
 * variable is both "" and 0.
 */
import { formatFloat, formatInteger, formatString } from '../format-number.ts';

export class AwkRuntimeError extends Error {}

export interface StrNum {
  sn: string;
  uninit?: boolean;
}

export type Val = number | string | StrNum;

export const UNINIT: StrNum = { sn: '', uninit: true };

const NUMERIC =
  /^\s*[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|0[xX][0-9a-fA-F]+|inf|infinity|nan)\s*$/i;
const PREFIX = /^\s*[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)/;

export const strnum = (s: string): StrNum => ({ sn: s });

export function toNum(v: Val): number {
  if (typeof v === 'number') return v;
  const s = typeof v === 'string' ? v : v.sn;
  const m = PREFIX.exec(s);
  return m ? Number(m[0]) : 0;
}

/** The string of a value; numbers use CONVFMT unless they are integers. */
export function toStr(v: Val, convfmt = '%.6g'): string {
  if (typeof v === 'string') return v;
  if (typeof v !== 'number') return v.sn;
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return String(v);
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  return sprintf(convfmt, [v]);
}

export function looksNumeric(v: Val): boolean {
  if (typeof v === 'number') return true;
  if (typeof v === 'string') return false;
  return v.uninit === true || NUMERIC.test(v.sn);
}

export function truthy(v: Val): boolean {
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v !== '';
  if (v.uninit) return false;
  return NUMERIC.test(v.sn) ? toNum(v) !== 0 : v.sn !== '';
}

export function compare(a: Val, b: Val): number {
  if (looksNumeric(a) && looksNumeric(b)) {
    const x = toNum(a);
    const y = toNum(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = toStr(a);
  const y = toStr(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

const SPEC = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([cdiouxXeEfFgGs%])/y;

/** awk's sprintf: C conversions over awk values. */
export function sprintf(format: string, args: Val[]): string {
  let out = '';
  let arg = 0;
  let i = 0;
  const next = (): Val => (arg < args.length ? args[arg++]! : UNINIT);
  while (i < format.length) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    SPEC.lastIndex = pct;
    const m = SPEC.exec(format);
    if (!m) {
      out += '%';
      i = pct + 1;
      continue;
    }
    i = SPEC.lastIndex;
    const [, flags = '', w, p, conv = ''] = m;
    if (conv === '%') {
      out += '%';
      continue;
    }
    let width = w === '*' ? Math.trunc(toNum(next())) : w ? Number(w) : undefined;
    const precision = p === undefined ? undefined : p === '*' ? Math.trunc(toNum(next())) : Number(p || 0);
    let f = flags;
    if (width !== undefined && width < 0) {
      f += '-';
      width = -width;
    }
    const c = { flags: f, width, precision, conv };
    const v = next();
    if (conv === 's') out += formatString(toStr(v), c);
    else if (conv === 'c') {
      const s =
        typeof v === 'number' ? String.fromCodePoint(Math.max(0, Math.trunc(v))) : toStr(v).slice(0, 1);
      out += formatString(s, { ...c, precision: undefined });
    } else if ('diouxX'.includes(conv)) {
      const n = toNum(v);
      out += formatInteger(BigInt(Number.isFinite(n) ? Math.trunc(n) : 0), {
        ...c,
        conv: conv === 'i' ? 'd' : conv,
      });
    } else out += formatFloat(toNum(v), c);
  }
  return out;
}
