/**
 * How each kind of flag value parses, with the error texts Go's strconv/time and
 * docker's opts produce (they reach the user as `invalid argument "x" for "--y" flag: …`).
 */

/** strconv.ParseBool */
export function parseGoBool(s: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  throw new Error(`strconv.ParseBool: parsing ${goQuote(s)}: invalid syntax`);
}

/** strconv.ParseInt(s, 0, bits) */
export function parseGoInt(s: string, bits = 64): number {
  const n = parseIntBase0(s, 'strconv.ParseInt');
  const limit = 2 ** (bits - 1);
  if (n >= limit || n < -limit)
    throw new Error(`strconv.ParseInt: parsing ${goQuote(s)}: value out of range`);
  return n;
}

/** strconv.ParseUint(s, 0, bits) */
export function parseGoUint(s: string, bits = 64): number {
  if (s.startsWith('-') || s.startsWith('+'))
    throw new Error(`strconv.ParseUint: parsing ${goQuote(s)}: invalid syntax`);
  const n = parseIntBase0(s, 'strconv.ParseUint');
  if (n >= 2 ** bits) throw new Error(`strconv.ParseUint: parsing ${goQuote(s)}: value out of range`);
  return n;
}

function parseIntBase0(s: string, fn: string): number {
  const bad = () => new Error(`${fn}: parsing ${goQuote(s)}: invalid syntax`);
  let t = s;
  let sign = 1;
  if (t.startsWith('-') || t.startsWith('+')) {
    if (t.startsWith('-')) sign = -1;
    t = t.slice(1);
  }
  let base = 10;
  if (/^0[xX]/.test(t)) {
    base = 16;
    t = t.slice(2);
  } else if (/^0[bB]/.test(t)) {
    base = 2;
    t = t.slice(2);
  } else if (/^0[oO]/.test(t)) {
    base = 8;
    t = t.slice(2);
  } else if (/^0\d/.test(t)) {
    base = 8;
    t = t.slice(1);
  }
  // underscores are allowed between digits only with a base prefix (base 0 rules)
  if (t.includes('_')) {
    if (base === 10 || /(^_|__|_$)/.test(t)) throw bad();
    t = t.replace(/_/g, '');
  }
  const digits = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^\d+$/, 16: /^[0-9a-fA-F]+$/ }[base]!;
  if (!digits.test(t)) throw bad();
  return sign * parseInt(t, base);
}

/** strconv.ParseFloat(s, 64) */
export function parseGoFloat(s: string): number {
  if (!/^[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|[iI]nf(inity)?|NaN)$/.test(s)) {
    throw new Error(`strconv.ParseFloat: parsing ${goQuote(s)}: invalid syntax`);
  }
  return Number(s.replace(/^([+-]?)[iI]nf(inity)?$/, '$1Infinity'));
}

const DURATION_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** time.ParseDuration, in milliseconds. */
export function parseGoDuration(s: string): number {
  const bad = () => new Error(`time: invalid duration ${goQuote(s)}`);
  let t = s;
  let sign = 1;
  if (t.startsWith('-') || t.startsWith('+')) {
    if (t.startsWith('-')) sign = -1;
    t = t.slice(1);
  }
  if (t === '0') return 0;
  if (t === '') throw bad();
  let total = 0;
  const re = /^(\d+\.?\d*|\.\d+)([a-zµμ]*)/;
  while (t.length > 0) {
    const m = re.exec(t);
    if (!m) throw bad();
    if (m[2] === '') throw new Error(`time: missing unit in duration ${goQuote(s)}`);
    const unit = DURATION_UNITS[m[2]!];
    if (unit === undefined) throw new Error(`time: unknown unit ${goQuote(m[2]!)} in duration ${goQuote(s)}`);
    total += Number(m[1]) * unit;
    t = t.slice(m[0].length);
  }
  return sign * total;
}

/** Go's %q for a string (what strconv.Quote gives for printable text). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

/** docker/go-units RAMInBytes: "512m", "1g", "100" (bytes); errors as go-units gives them. */
export function ramInBytes(s: string): number {
  const m = /^(\d+(?:\.\d+)?) ?([kKmMgGtTpP])?[iI]?[bB]?$/.exec(s);
  if (!m) {
    const num = /^(\d+(?:\.\d+)?)/.exec(s);
    if (!num) throw new Error(`invalid size: '${s}'`);
    const suffix = s.slice(num[0].length);
    throw new Error(`invalid suffix: '${suffix.trim()}'`);
  }
  const mult: Record<string, number> = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40, p: 2 ** 50 };
  return Math.floor(Number(m[1]) * (m[2] ? mult[m[2].toLowerCase()]! : 1));
}
