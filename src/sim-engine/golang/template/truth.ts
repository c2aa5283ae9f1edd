/**
 * text/template's notion of truth (IsTrue): the zero value of a type is false —
 * empty strings, slices and maps, 0, false, nil — and any struct is true.
 */
import type { GoComplex } from '../values.ts';
import { intValue, kindOf, mapSize, nilKind, NO_VALUE, numberValue, stringValue } from '../values.ts';

export function isTrue(v: unknown): boolean {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return false;
    case 'bool':
      return v as boolean;
    case 'int':
      return intValue(v) !== 0n;
    case 'float':
      return numberValue(v) !== 0;
    case 'complex':
      return (v as GoComplex).re !== 0 || (v as GoComplex).im !== 0;
    case 'string':
      return stringValue(v).length > 0;
    case 'slice':
      return (v as unknown[]).length > 0;
    case 'map':
      return mapSize(v) > 0;
    case 'struct':
    case 'func':
    case 'ptr': // a non-nil pointer, even to false or 0
      return true;
  }
}

/** truth(arg): isTrue of the value inside an interface. */
export function truth(v: unknown): boolean {
  if (kindOf(v) === 'nil' && nilKind(v) === 'interface') return isTrue(NO_VALUE);
  return isTrue(v);
}
