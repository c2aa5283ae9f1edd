/**
 * C printf conversions (%d %i %u %o %x %X %c %s %f %F %e %E %g %G) with flags
 * `-+ #0`, width and precision — what printf(1), awk and seq need.
 */
export interface Conversion {
  flags: string;
  width: number | undefined;
  precision: number | undefined;
  conv: string;
}

function pad(body: string, sign: string, c: Conversion, numeric: boolean): string {
  const width = c.width ?? 0;
  const left = c.flags.includes('-');
  const zero =
    numeric && c.flags.includes('0') && !left && !(c.precision !== undefined && 'diouxX'.includes(c.conv));
  const len = sign.length + body.length;
  if (len >= width) return sign + body;
  if (left) return sign + body + ' '.repeat(width - len);
  if (zero && !/[a-z]/i.test(body.replace(/[eEx]/g, ''))) return sign + '0'.repeat(width - len) + body;
  return ' '.repeat(width - len) + sign + body;
}

function signOf(negative: boolean, flags: string): string {
  if (negative) return '-';
  if (flags.includes('+')) return '+';
  if (flags.includes(' ')) return ' ';
  return '';
}

/** %e as C prints it: at least two exponent digits. */
function exponential(value: number, precision: number, upper: boolean): string {
  const s = value.toExponential(precision).replace(/e([+-])(\d)$/, 'e$10$2');
  return upper ? s.toUpperCase() : s;
}

function general(value: number, precision: number, alt: boolean, upper: boolean): string {
  const p = precision === 0 ? 1 : precision;
  if (value === 0) return alt ? (0).toFixed(p - 1) : '0';
  const exp = Math.floor(Math.log10(Math.abs(value)));
  let s: string;
  if (exp < -4 || exp >= p) {
    s = exponential(value, p - 1, upper);
    if (!alt) s = s.replace(/\.?0+(?=[eE])/, '');
  } else {
    s = value.toFixed(Math.max(0, p - 1 - exp));
    if (!alt && s.includes('.')) s = s.replace(/\.?0+$/, '');
  }
  return s;
}

export function formatInteger(value: bigint, c: Conversion): string {
  const negative = value < 0n && 'di'.includes(c.conv);
  let magnitude = negative ? -value : value;
  if (magnitude < 0n) magnitude = (1n << 64n) + magnitude; // %u/%x of a negative: two's complement
  const radix = c.conv === 'o' ? 8 : c.conv === 'x' || c.conv === 'X' ? 16 : 10;
  let body = magnitude.toString(radix);
  if (c.conv === 'X') body = body.toUpperCase();
  if (c.precision !== undefined)
    body = c.precision === 0 && magnitude === 0n ? '' : body.padStart(c.precision, '0');
  if (c.flags.includes('#') && magnitude !== 0n) {
    if (c.conv === 'o' && !body.startsWith('0')) body = '0' + body;
    if (c.conv === 'x') body = '0x' + body;
    if (c.conv === 'X') body = '0X' + body;
  }
  return pad(body, 'di'.includes(c.conv) ? signOf(negative, c.flags) : '', c, true);
}

export function formatFloat(value: number, c: Conversion): string {
  const negative = value < 0 || Object.is(value, -0);
  const abs = Math.abs(value);
  const precision = c.precision ?? 6;
  const upper = c.conv === c.conv.toUpperCase();
  let body: string;
  if (!Number.isFinite(abs)) body = Number.isNaN(abs) ? 'nan' : 'inf';
  else if (c.conv === 'f' || c.conv === 'F') body = abs.toFixed(Math.min(precision, 100));
  else if (c.conv === 'e' || c.conv === 'E') body = exponential(abs, Math.min(precision, 100), upper);
  else body = general(abs, Math.min(precision, 100), c.flags.includes('#'), upper);
  if (upper) body = body.toUpperCase();
  return pad(body, signOf(negative && !Number.isNaN(value), c.flags), c, true);
}

export function formatString(value: string, c: Conversion): string {
  const body = c.precision !== undefined ? value.slice(0, c.precision) : value;
  return pad(body, '', c, false);
}
