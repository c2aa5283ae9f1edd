/**
 * parse.NumberNode construction (Tree.newNumber): a literal is parsed under every
 * Go type it fits — int, uint, float, complex — the way Go's ideal constants work,
 * and the executor later picks the one its context needs.
 */
import { NumError, parseFloat64, parseInt64, parseUint } from '../strconv-number.ts';
import { quote, unquoteCharLiteral } from '../strconv-quote.ts';

export interface NumberValue {
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  isComplex: boolean;
  int64: bigint;
  uint64: bigint;
  float64: number;
  complex: { re: number; im: number };
}

const INT64_LIMIT = 2 ** 63;
const UINT64_LIMIT = 2 ** 64;

function empty(): NumberValue {
  return {
    isInt: false,
    isUint: false,
    isFloat: false,
    isComplex: false,
    int64: 0n,
    uint64: 0n,
    float64: 0,
    complex: { re: 0, im: 0 },
  };
}

function simplifyComplex(n: NumberValue): void {
  n.isFloat = n.complex.im === 0;
  if (n.isFloat) {
    const f = n.complex.re;
    n.float64 = f;
    n.isInt = Number.isInteger(f) && f >= -INT64_LIMIT && f < INT64_LIMIT;
    if (n.isInt) n.int64 = BigInt(f);
    n.isUint = Number.isInteger(f) && f >= 0 && f < UINT64_LIMIT;
    if (n.isUint) n.uint64 = BigInt(f);
  }
}

function tryParse<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (e instanceof NumError) return undefined;
    throw e;
  }
}

/** Throws an Error whose message is the text Go's parser reports. */
export function parseNumberLiteral(text: string, kind: 'char' | 'complex' | 'number'): NumberValue {
  const n = empty();
  if (kind === 'char') {
    const { rune, tail } = unquoteCharLiteral(text);
    if (tail !== "'") throw new Error(`malformed character constant: ${text}`);
    n.int64 = n.uint64 = BigInt(rune);
    n.float64 = rune;
    n.isInt = n.isUint = n.isFloat = true;
    return n;
  }
  if (kind === 'complex') {
    // split "re±imi" at the sign that is not an exponent's
    const m = /^([+-]?.*?[^eEpP+-])([+-].*)i$/.exec(text);
    const re = m ? tryParse(() => parseFloat64(m[1]!)) : undefined;
    const im = m ? tryParse(() => parseFloat64(m[2]!)) : undefined;
    if (re === undefined || im === undefined) throw new Error(`illegal number syntax: ${quote(text)}`);
    n.isComplex = true;
    n.complex = { re, im };
    simplifyComplex(n);
    return n;
  }
  // Imaginary constants can only be complex unless they are zero.
  if (text.endsWith('i')) {
    const f = tryParse(() => parseFloat64(text.slice(0, -1)));
    if (f !== undefined) {
      n.isComplex = true;
      n.complex = { re: 0, im: f };
      simplifyComplex(n);
      return n;
    }
  }
  const u = tryParse(() => parseUint(text));
  if (u !== undefined) {
    n.isUint = true;
    n.uint64 = u;
  }
  const i = tryParse(() => parseInt64(text));
  if (i !== undefined) {
    n.isInt = true;
    n.int64 = i;
    if (i === 0n) {
      n.isUint = true; // in case of -0
      n.uint64 = u ?? 0n;
    }
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float64 = Number(n.int64);
  } else if (n.isUint) {
    n.isFloat = true;
    n.float64 = Number(n.uint64);
  } else {
    const f = tryParse(() => parseFloat64(text));
    if (f !== undefined) {
      // parsed as a float but looks like an integer: too large for an int
      if (!/[.eEpP]/.test(text)) throw new Error(`integer overflow: ${quote(text)}`);
      n.isFloat = true;
      n.float64 = f;
      if (Number.isInteger(f) && f >= -INT64_LIMIT && f < INT64_LIMIT) {
        n.isInt = true;
        n.int64 = BigInt(f);
      }
      if (Number.isInteger(f) && f >= 0 && f < UINT64_LIMIT) {
        n.isUint = true;
        n.uint64 = BigInt(f);
      }
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) throw new Error(`illegal number syntax: ${quote(text)}`);
  return n;
}
