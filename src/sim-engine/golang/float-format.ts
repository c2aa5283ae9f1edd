/**
 * strconv.FormatFloat for float64: formats 'e', 'E', 'f', 'g', 'G' with a precision
 * or -1 for "shortest that round-trips". Digits come from the exact binary value
 * (BigInt), rounded half-to-even like Go's decimal.Round — JS's toFixed rounds
 * ties away from zero, which would print 2.5 as "3" where Go prints "2".
 */

interface Digits {
  /** significant digits, no leading zeros, trailing zeros trimmed ("" for zero) */
  d: string;
  /** decimal point position: value = 0.d × 10^dp */
  dp: number;
}

const view = new DataView(new ArrayBuffer(8));

/** The exact decimal expansion of a finite non-negative double. */
function exactDigits(x: number): Digits {
  if (x === 0) return { d: '', dp: 0 };
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  let s: string;
  let dp: number;
  if (exp >= 0) {
    s = (mant << BigInt(exp)).toString();
    dp = s.length;
  } else {
    s = (mant * 5n ** BigInt(-exp)).toString();
    dp = s.length + exp;
  }
  return trim({ d: s, dp });
}

function trim(x: Digits): Digits {
  const d = x.d.replace(/0+$/, '');
  return d === '' ? { d: '', dp: 0 } : { d, dp: x.dp };
}

/** The shortest digits that round-trip (JS and Go agree on these). */
function shortestDigits(x: number): Digits {
  if (x === 0) return { d: '', dp: 0 };
  const [mant, e] = x.toExponential().split('e') as [string, string];
  return trim({ d: mant.replace('.', ''), dp: Number(e) + 1 });
}

/** Round to `nd` significant digits, half to even on the exact value. */
function round(x: Digits, nd: number): Digits {
  if (nd < 0) return { d: '', dp: 0 };
  if (nd >= x.d.length) return x;
  const next = x.d.charCodeAt(nd) - 48;
  let up: boolean;
  if (next > 5) up = true;
  else if (next < 5) up = false;
  else if (nd + 1 < x.d.length)
    up = true; // more non-zero digits follow (trimmed)
  else up = nd > 0 && (x.d.charCodeAt(nd - 1) - 48) % 2 === 1;
  if (!up) return trim({ d: x.d.slice(0, nd), dp: x.dp });
  // add one at position nd-1
  const digits = x.d.slice(0, nd).split('');
  let i = nd - 1;
  while (i >= 0 && digits[i] === '9') i--;
  if (i < 0) return { d: '1', dp: x.dp + 1 };
  digits[i] = String.fromCharCode(digits[i]!.charCodeAt(0) + 1);
  return trim({ d: digits.slice(0, i + 1).join(''), dp: x.dp });
}

function fmtE(neg: boolean, x: Digits, prec: number, fmt: 'e' | 'E'): string {
  let out = neg ? '-' : '';
  out += x.d.length ? x.d[0] : '0';
  if (prec > 0) {
    out += '.';
    const more = x.d.slice(1, 1 + prec);
    out += more + '0'.repeat(prec - more.length);
  }
  out += fmt;
  let exp = x.d.length === 0 ? 0 : x.dp - 1;
  out += exp < 0 ? '-' : '+';
  if (exp < 0) exp = -exp;
  out += exp < 10 ? '0' + exp : String(exp);
  return out;
}

function fmtF(neg: boolean, x: Digits, prec: number): string {
  let out = neg ? '-' : '';
  if (x.dp > 0) {
    const m = Math.min(x.d.length, x.dp);
    out += x.d.slice(0, m) + '0'.repeat(x.dp - m);
  } else out += '0';
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) {
      const j = x.dp + i - 1;
      out += j >= 0 && j < x.d.length ? x.d[j] : '0';
    }
  }
  return out;
}

export type FloatFormat = 'e' | 'E' | 'f' | 'g' | 'G';

/** strconv.FormatFloat(x, fmt, prec, 64). */
export function formatFloat(x: number, fmt: FloatFormat, prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  const neg = x < 0 || Object.is(x, -0);
  const abs = Math.abs(x);
  const shortest = prec < 0;
  let digs: Digits;
  if (shortest) {
    digs = shortestDigits(abs);
    if (fmt === 'e' || fmt === 'E') prec = Math.max(digs.d.length - 1, 0);
    else if (fmt === 'f') prec = Math.max(digs.d.length - digs.dp, 0);
    else prec = digs.d.length;
  } else {
    const exact = exactDigits(abs);
    if (fmt === 'e' || fmt === 'E') digs = round(exact, prec + 1);
    else if (fmt === 'f') digs = round(exact, exact.dp + prec);
    else {
      if (prec === 0) prec = 1;
      digs = round(exact, prec);
    }
  }
  switch (fmt) {
    case 'e':
    case 'E':
      return fmtE(neg, digs, prec, fmt);
    case 'f':
      return fmtF(neg, digs, prec);
    default: {
      const nd = digs.d.length;
      let eprec = prec;
      if (eprec > nd && nd >= digs.dp) eprec = nd;
      if (shortest) eprec = 6;
      const exp = digs.dp - 1;
      if (nd !== 0 && (exp < -4 || exp >= eprec)) {
        if (prec > nd) prec = nd;
        return fmtE(neg, digs, prec - 1, fmt === 'g' ? 'e' : 'E');
      }
      if (prec > digs.dp) prec = nd;
      return fmtF(neg, digs, Math.max(prec - digs.dp, 0));
    }
  }
}
