/**
 * `printf FORMAT [ARG…]`: C's conversions (`%s %b %c %d %i %u %o %x %X %f %e %g`,
 * bash's `%q`), flags, width and precision (also `*`), backslash escapes in the
 * format, and the format used again while arguments remain. Numbers may be written
 * in hex, octal or as `'c` (the character's code).
 */
import { decodeEscapes } from '../ansi-c.ts';
import { writeOut, type Builtin, type BuiltinCall } from './types.ts';

class Stop {}

interface Spec {
  flags: string;
  width: number | undefined;
  precision: number | undefined;
  conv: string;
}

function pad(s: string, spec: Spec, numeric: boolean): string {
  const w = spec.width ?? 0;
  if (s.length >= w) return s;
  if (spec.flags.includes('-')) return s + ' '.repeat(w - s.length);
  if (numeric && spec.flags.includes('0') && (spec.precision === undefined || 'fFeEgG'.includes(spec.conv))) {
    const sign = /^[+\- ]/.test(s) ? s[0] : '';
    const prefix = /^[+\- ]?0[xX]/.test(s) ? s.slice(sign.length, sign.length + 2) : '';
    const body = s.slice(sign.length + prefix.length);
    return sign + prefix + '0'.repeat(w - s.length) + body;
  }
  return ' '.repeat(w - s.length) + s;
}

/** C's rounding for %f: ties to even on exact binary halves, as glibc does. */
function toFixed(x: number, p: number): string {
  const scaled = x * 10 ** p;
  if (
    Number.isFinite(scaled) &&
    Math.abs(scaled) < 2 ** 52 &&
    scaled - Math.trunc(scaled) === 0.5 * Math.sign(scaled)
  ) {
    const lo = Math.trunc(scaled);
    const even = lo % 2 === 0 ? lo : lo + Math.sign(scaled);
    return (even / 10 ** p).toFixed(p);
  }
  return x.toFixed(p);
}

function formatFloat(x: number, spec: Spec): string {
  const p = spec.precision ?? 6;
  const c = spec.conv;
  let s: string;
  if (!Number.isFinite(x)) s = Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  else if (c === 'f' || c === 'F') s = toFixed(x, p);
  else if (c === 'e' || c === 'E') s = cExp(x, p);
  else {
    const P = p === 0 ? 1 : p;
    const X = x === 0 ? 0 : Math.floor(Math.log10(Math.abs(Number(x.toExponential(P - 1)))));
    s = P > X && X >= -4 ? toFixed(x, P - 1 - X) : cExp(x, P - 1);
    if (!spec.flags.includes('#')) s = s.replace(/\.?0+(e|$)/, '$1').replace(/\.(e|$)/, '$1');
  }
  if (c === 'E' || c === 'G' || c === 'F') s = s.toUpperCase();
  if (x >= 0 && spec.flags.includes('+')) s = '+' + s;
  else if (x >= 0 && spec.flags.includes(' ')) s = ' ' + s;
  return s;
}

function cExp(x: number, p: number): string {
  const [m, e] = x.toExponential(p).split('e') as [string, string];
  const n = Number(e);
  return `${m}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
}

/** bash's `%q`: a word the shell reads back as the same string. */
export function shellQuote(s: string): string {
  if (s === '') return "''";
  const isControl = (c: string) => c.charCodeAt(0) < 32 || c === '\x7f';
  if ([...s].some(isControl)) {
    const named: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\x1b': '\\E' };
    let body = '';
    for (const c of s) {
      if (c === '\\' || c === "'") body += '\\' + c;
      else if (isControl(c)) body += named[c] ?? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`;
      else body += c;
    }
    return `$'${body}'`;
  }
  return s.replace(/[^A-Za-z0-9_@%+=:,./-]/g, '\\$&').replace(/^~/, '\\~');
}

export const printf: Builtin = {
  run(call) {
    const sh = call.sh;
    const d = sh.dialect.name;
    let args = call.argv.slice(1);
    let target: string | undefined;
    if (args[0] === '-v' && d === 'bash') {
      target = args[1];
      args = args.slice(2);
    }
    if (args[0] === '--') args = args.slice(1);
    if (args.length === 0) {
      if (d === 'bash') call.io.stderr.write('printf: usage: printf [-v var] format [arguments]\n');
      else if (d === 'dash') call.error('usage: printf format [arg ...]');
      else sh.error('usage: printf FORMAT [ARGUMENT...]');
      return 2;
    }
    const format = args[0]!;
    const values = args.slice(1);
    const out: string[] = [];
    let status = 0;
    try {
      let used = 0;
      do {
        const before = used;
        const r = formatOnce(call, format, values, used, out);
        used = r.used;
        status ||= r.status;
        if (r.status === 2 && d !== 'bash') break;
        if (used === before) break;
      } while (used < values.length);
    } catch (e) {
      if (!(e instanceof Stop)) throw e;
    }
    const text = out.join('');
    if (target !== undefined) sh.setVar(target, text);
    else if (!writeOut(call, text)) return 1;
    return status;
  },
};

function formatOnce(
  call: BuiltinCall,
  format: string,
  values: string[],
  start: number,
  out: string[],
): { used: number; status: number } {
  const d = call.sh.dialect.name;
  let used = start;
  let status = 0;
  const next = () => (used < values.length ? values[used++]! : undefined);
  const number = (arg: string | undefined, unsigned: boolean): bigint => {
    if (arg === undefined || arg === '') return 0n;
    if (/^['"]/.test(arg)) return BigInt(arg.codePointAt(1) ?? 0);
    const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(arg);
    let v = m ? BigInt(m[2]!.replace(/^0([0-7]+)$/, '0o$1')) * (m[1] === '-' ? -1n : 1n) : 0n;
    if (!m || m[0].length !== arg.length) {
      status = 1;
      if (d === 'bash') call.error(`${arg}: invalid number`);
      else if (d === 'dash')
        call.error(m ? `${arg}: not completely converted` : `${arg}: expected numeric value`);
      else {
        call.sh.error(`invalid number '${arg}'`);
        v = 0n;
      }
    }
    if (v > 9223372036854775807n || v < -9223372036854775808n)
      v = v > 0n ? 9223372036854775807n : -9223372036854775808n;
    return unsigned && v < 0n ? v + 18446744073709551616n : v;
  };
  const escapes = (text: string, stopAtC: boolean) =>
    decodeEscapes(text, {
      octalAfterZero: false,
      hex: d !== 'dash',
      unicode: d === 'bash',
      stopAtC,
      controlX: false,
      quotes: true,
      escapeE: d === 'bash',
    });
  let i = 0;
  while (i < format.length) {
    const pct = format.indexOf('%', i);
    const lit = format.slice(i, pct < 0 ? format.length : pct);
    if (lit) {
      const e = escapes(lit, d === 'busybox');
      out.push(e.text);
      if (e.stopped) throw new Stop();
    }
    if (pct < 0) break;
    const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([a-zA-Z%])?/.exec(format.slice(pct))!;
    i = pct + m[0].length;
    const conv = m[4];
    if (conv === '%') {
      out.push('%');
      continue;
    }
    const width = m[2] === '*' ? Number(number(next(), false)) : m[2] ? Number(m[2]) : undefined;
    const precision =
      m[3] === undefined ? undefined : m[3] === '*' ? Number(number(next(), false)) : Number(m[3] || 0);
    const spec: Spec = { flags: m[1]!, width, precision, conv: conv ?? '' };
    if (width !== undefined && width < 0) {
      spec.flags += '-';
      spec.width = -width;
    }
    switch (conv) {
      case 's': {
        const v = next() ?? '';
        out.push(pad(precision === undefined ? v : v.slice(0, precision), spec, false));
        break;
      }
      case 'b': {
        const e = decodeEscapes(next() ?? '', {
          octalAfterZero: true,
          hex: d !== 'dash',
          unicode: d === 'bash',
          stopAtC: true,
          controlX: false,
          quotes: false,
          escapeE: d === 'bash',
        });
        out.push(pad(precision === undefined ? e.text : e.text.slice(0, precision), spec, false));
        if (e.stopped) throw new Stop();
        break;
      }
      case 'q':
        if (d !== 'bash') return invalid(call, `%${conv}`, out, used);
        out.push(pad(shellQuote(next() ?? ''), spec, false));
        break;
      case 'c':
        out.push(pad((next() ?? '').slice(0, 1), spec, false));
        break;
      case 'd':
      case 'i':
      case 'u':
      case 'o':
      case 'x':
      case 'X': {
        const v = number(next(), conv !== 'd' && conv !== 'i');
        const neg = v < 0n;
        let digits = (neg ? -v : v).toString(conv === 'o' ? 8 : conv === 'x' || conv === 'X' ? 16 : 10);
        if (conv === 'X') digits = digits.toUpperCase();
        if (precision !== undefined) digits = digits.padStart(precision, '0');
        if (spec.flags.includes('#') && v !== 0n) {
          if (conv === 'o' && !digits.startsWith('0')) digits = '0' + digits;
          if (conv === 'x' || conv === 'X') digits = (conv === 'x' ? '0x' : '0X') + digits;
        }
        const sign = neg ? '-' : spec.flags.includes('+') ? '+' : spec.flags.includes(' ') ? ' ' : '';
        out.push(pad(sign + digits, spec, true));
        break;
      }
      case 'f':
      case 'F':
      case 'e':
      case 'E':
      case 'g':
      case 'G': {
        const a = next();
        let x = 0;
        if (a !== undefined && a !== '') {
          x = /^['"]/.test(a) ? (a.codePointAt(1) ?? 0) : Number(a);
          if (Number.isNaN(x) && !/^[+-]?nan$/i.test(a)) {
            x = parseFloat(a) || 0;
            status = 1;
            if (d === 'bash') call.error(`${a}: invalid number`);
            else if (d === 'dash') call.error(`${a}: expected numeric value`);
            else call.sh.error(`invalid number '${a}'`);
          }
        }
        out.push(pad(formatFloat(x, spec), spec, true));
        break;
      }
      default:
        return invalid(call, m[0] + format.slice(i, i + 1), out, used);
    }
  }
  return { used, status };
}

function invalid(
  call: BuiltinCall,
  directive: string,
  _out: string[],
  used: number,
): { used: number; status: number } {
  const d = call.sh.dialect.name;
  if (d === 'bash') {
    call.error(`\`${directive.slice(1, 2) || '%'}': invalid format character`);
    return { used, status: 1 };
  }
  if (d === 'dash') {
    call.error(`${directive.replace(/[^%a-zA-Z].*$/, '')}: invalid directive`);
    return { used, status: 2 };
  }
  call.sh.error(`${directive}: invalid format`);
  return { used, status: 1 };
}
