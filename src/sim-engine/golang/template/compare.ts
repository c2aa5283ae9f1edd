/**
 * The comparison builtins eq, ne, lt, le, gt, ge (text/template funcs.go). Go is
 * strict: `eq 1 1.0` is an error (int and float64), `lt` refuses bools and structs.
 */
import { compareGoStrings, structFields, typeName } from '../reflect.ts';
import { sprint } from '../fmt-print.ts';
import type { GoComplex } from '../values.ts';
import { intValue, kindOf, nilKind, NO_VALUE, numberValue, stringValue } from '../values.ts';
import { indirectInterface } from './eval.ts';

type BasicKind = 'invalid' | 'bool' | 'complex' | 'int' | 'float' | 'string';

function basicKind(v: unknown): BasicKind {
  const k = kindOf(v);
  switch (k) {
    case 'bool':
    case 'complex':
    case 'int':
    case 'float':
    case 'string':
      return k;
    default:
      return 'invalid';
  }
}

const errBadComparisonType = 'invalid type for comparison';
/** Go 1.24's errBadComparison names no types (the docker CLI 28 prints it so) */
const errBadComparison = 'incompatible types for comparison';
const errNoComparison = 'missing argument for comparison';

/** reflect.Kind as far as canCompare cares. */
function reflectKind(v: unknown): string {
  const k = kindOf(v);
  return k === 'nil' ? nilKind(v) : k;
}

function isNil(v: unknown): boolean {
  return v === NO_VALUE || kindOf(v) === 'nil';
}

function comparable(v: unknown): boolean {
  const k = kindOf(v);
  if (k === 'slice' || k === 'map' || k === 'func') return false;
  if (k === 'struct') return structFields(v as object).every(([, f]) => comparable(f));
  return true;
}

function equalValues(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (kindOf(a) === 'struct' && kindOf(b) === 'struct' && typeName(a) === typeName(b)) {
    const fa = structFields(a as object);
    const fb = structFields(b as object);
    return fa.length === fb.length && fa.every(([k, v], i) => fb[i]![0] === k && equalValues(v, fb[i]![1]));
  }
  const ka = basicKind(a);
  if (ka !== 'invalid' && ka === basicKind(b)) return compareBasic(ka, a, b) === 0;
  return false;
}

function compareBasic(k: BasicKind, a: unknown, b: unknown): number {
  switch (k) {
    case 'bool':
      return a === b ? 0 : 1;
    case 'int': {
      const x = intValue(a);
      const y = intValue(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 'float': {
      const x = numberValue(a);
      const y = numberValue(b);
      return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
    }
    case 'string':
      return compareGoStrings(stringValue(a), stringValue(b));
    case 'complex': {
      const x = a as GoComplex;
      const y = b as GoComplex;
      return x.re === y.re && x.im === y.im ? 0 : 1;
    }
    default:
      return NaN;
  }
}

/** eq arg1 arg2…: arg1 == arg2 || arg1 == arg3 … */
export function eq(arg1: unknown, ...arg2: unknown[]): boolean {
  arg1 = indirectInterface(arg1);
  if (arg2.length === 0) throw new Error(errNoComparison);
  const k1 = basicKind(arg1);
  for (let arg of arg2) {
    arg = indirectInterface(arg);
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2) {
      if (arg1 !== NO_VALUE && arg !== NO_VALUE) {
        throw new Error(errBadComparison);
      }
    } else if (k1 !== 'invalid') {
      truth = compareBasic(k1, arg1, arg) === 0;
    } else {
      const r1 = reflectKind(arg1);
      const r2 = reflectKind(arg);
      if (r1 !== r2 && r1 !== 'invalid' && r2 !== 'invalid') {
        throw new Error(
          `non-comparable types ${sprint(arg1)}: ${typeName(arg1)}, ${typeName(arg)}: ${sprint(arg)}`,
        );
      }
      if (isNil(arg1) || isNil(arg)) truth = isNil(arg) === isNil(arg1);
      else {
        if (!comparable(arg)) throw new Error(`non-comparable type ${sprint(arg)}: ${typeName(arg)}`);
        truth = equalValues(arg1, arg);
      }
    }
    if (truth) return true;
  }
  return false;
}

export function ne(arg1: unknown, arg2: unknown): boolean {
  return !eq(arg1, arg2);
}

export function lt(arg1: unknown, arg2: unknown): boolean {
  arg1 = indirectInterface(arg1);
  const k1 = basicKind(arg1);
  if (k1 === 'invalid') throw new Error(errBadComparisonType);
  arg2 = indirectInterface(arg2);
  const k2 = basicKind(arg2);
  if (k2 === 'invalid') throw new Error(errBadComparisonType);
  if (k1 !== k2) throw new Error(errBadComparison);
  if (k1 === 'bool' || k1 === 'complex') throw new Error(errBadComparisonType);
  return compareBasic(k1, arg1, arg2) < 0;
}

export function le(arg1: unknown, arg2: unknown): boolean {
  return lt(arg1, arg2) || eq(arg1, arg2);
}

export function gt(arg1: unknown, arg2: unknown): boolean {
  return !le(arg1, arg2);
}

export function ge(arg1: unknown, arg2: unknown): boolean {
  return !lt(arg1, arg2);
}
